// The cluster panel's host side: one WebviewPanel (view type `raft.cluster`), restored after a
// reload by a serializer. It posts complete snapshots through the coalescer and turns each validated
// webview message into the same command the palette and tree use. The message listener is
// registered once per panel, when the panel is made, never on each HTML refresh.
import * as vscode from 'vscode';
import { isParseError, parseWebviewMessage } from '../protocol/validate';
import type { HostMessage } from '../protocol/messages';
import { systemScheduler } from '../session/scheduler';
import type { SnapshotSource } from '../session/session';
import { SnapshotCoalescer } from './panelCoalescer';
import { commandFor } from './panelMessages';
import { makeNonce, webviewHtml } from './webviewHtml';

export const PANEL_VIEW_TYPE = 'raft.cluster';
const TITLE = 'Raft Cluster';

export interface PanelOptions {
  /** Where dropped messages and failed commands are reported (the Raft output channel). */
  readonly log?: (line: string) => void;
}

export class ClusterPanel {
  private static current: ClusterPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly coalescer: SnapshotCoalescer;
  private readonly log: (line: string) => void;
  private disposed = false;

  /** The open panel, if any (tests and "Show Code for Event" use it). */
  static get currentPanel(): ClusterPanel | undefined {
    return ClusterPanel.current;
  }

  static createOrShow(context: vscode.ExtensionContext, source: SnapshotSource, options: PanelOptions = {}): ClusterPanel {
    const existing = ClusterPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, TITLE, column, webviewOptions(context));
    return new ClusterPanel(panel, context, source, options);
  }

  static registerSerializer(context: vscode.ExtensionContext, source: SnapshotSource, options: PanelOptions = {}): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        // The view state (selection, toggles) lives in the webview's own getState; nothing to read here.
        ClusterPanel.current?.dispose();
        new ClusterPanel(panel, context, source, options);
      },
    });
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    source: SnapshotSource,
    options: PanelOptions,
  ) {
    ClusterPanel.current = this;
    this.log = options.log ?? ((line) => console.warn(line));
    const webview = panel.webview;
    webview.options = webviewOptions(context);
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'raft.svg');
    this.coalescer = new SnapshotCoalescer(source, (message) => this.post(message), systemScheduler);
    this.coalescer.setVisible(panel.visible);
    this.disposables.push(
      webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      panel.onDidChangeViewState(() => this.coalescer.setVisible(panel.visible)),
      panel.onDidDispose(() => this.dispose()),
    );
    webview.html = webviewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'webview.css')).toString(),
      title: TITLE,
    });
  }

  /** Highlights one event in the panel's event list (after "Show Code for Event", from here or elsewhere). */
  selectEvent(seq: number): void {
    this.post({ type: 'selectEvent', seq });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (ClusterPanel.current === this) ClusterPanel.current = undefined;
    this.coalescer.dispose();
    while (this.disposables.length) this.disposables.pop()!.dispose();
    this.panel.dispose();
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private receive(data: unknown): void {
    const message = parseWebviewMessage(data);
    if (isParseError(message)) {
      this.log(`[panel] dropped a malformed message from the cluster panel: ${message.error}`);
      return;
    }
    const call = commandFor(message);
    if (!call) {
      this.coalescer.request();
      return;
    }
    vscode.commands.executeCommand(call.command, ...call.args).then(undefined, (e: unknown) => {
      const reason = e instanceof Error ? e.message : String(e);
      this.log(`[panel] ${call.command} failed: ${reason}`);
      void vscode.window.showErrorMessage(`Raft: ${call.command} failed: ${reason}`);
    });
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}
