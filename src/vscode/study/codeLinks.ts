// "Raft: Show Code for Event": opens the core's source shipped inside the extension, read-only, at
// the `// @rule <id>` marker of the rule that handled the event, and highlights it. After that the
// highlight follows the run: each step, step back or seek moves it to the new event's rule, until
// the source editor is closed.
import * as vscode from 'vscode';
import { RULES } from '../../core/rules';
import type { TraceRecord } from '../../core/trace';
import { NO_CLUSTER, type Session } from '../../session/session';
import { scanMarkers, type MarkerIndex, type MarkerLocation } from './ruleMarkers';
import { ClusterPanel } from '../panel';
import type { ShippedFiles } from './sourceDocuments';

export type CodeLinkResult = { ok: true; seq: number; rule: string; path: string; line: number } | { ok: false; error: string };

/** Where the highlight is now (for the test API). */
export interface CodeHighlight {
  readonly seq: number;
  readonly rule: string;
  readonly path: string;
  /** 0-based: the marker comment, and the code line after it. */
  readonly markerLine: number;
  readonly line: number;
}

export class CodeLinks implements vscode.Disposable {
  private index: Promise<MarkerIndex> | null = null;
  // The debugger's "focused stack frame" colour: the code running now (the scenario line behind
  // the event has the plain stack-frame colour).
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.focusedStackFrameHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });
  private readonly label = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em' },
  });
  private shown: { editor: vscode.TextEditor; readonly at: CodeHighlight; readonly label: string } | null = null;
  private moves: Promise<void> = Promise.resolve();
  /** Whether stepping moves the highlight (from the first Show Code until its editor closes). */
  private following = false;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly session: Session,
    private readonly files: ShippedFiles,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      this.highlight,
      this.label,
      // One move at a time, in the order the steps happened.
      session.onDidChangeState(() => (this.moves = this.moves.then(() => this.follow()))),
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.onVisibleEditors(editors)),
    ];
  }

  get current(): CodeHighlight | null {
    return this.shown?.at ?? null;
  }

  /** The markers of the shipped sources, read once. */
  markers(): Promise<MarkerIndex> {
    this.index ??= this.files.list('src/core', '.ts').then(async (paths) => {
      const index = scanMarkers(await Promise.all(paths.map(async (path) => ({ path, text: await this.files.read(path) }))));
      for (const problem of index.problems) this.log.warn(`Code links: ${problem}`);
      return index;
    });
    return this.index;
  }

  /** Shows the code of event `seq`, or of the latest event applied. */
  async show(seq: number | 'current'): Promise<CodeLinkResult> {
    const history = this.session.timeline;
    if (!history) return { ok: false, error: NO_CLUSTER };
    const at = seq === 'current' ? history.seq : seq;
    if (at === 0) return { ok: false, error: 'No event has happened yet: the run is at its start. Step once (Raft: Step), then show the code for that event.' };
    const record = at <= history.headSeq ? history.records(at, at)[0] : undefined;
    if (!record) return { ok: false, error: `There is no event #${at}: the recorded timeline holds events 1 to ${history.headSeq}. Pick an event from the panel's event list.` };
    const result = await this.open(record);
    if (result.ok) this.following = true;
    return result;
  }

  private async open(record: TraceRecord): Promise<CodeLinkResult> {
    let location: MarkerLocation | undefined;
    try {
      location = (await this.markers()).locations.get(record.rule);
    } catch (e) {
      this.index = null; // try again next time
      return { ok: false, error: `The core's sources could not be read from the extension (${e instanceof Error ? e.message : String(e)}). Reinstall Raft Cluster.` };
    }
    if (!location) return { ok: false, error: `The rule ${record.rule} has no "// @rule ${record.rule}" marker in the core's sources shipped with this extension; the Raft output lists the markers that are missing.` };
    const document = await vscode.workspace.openTextDocument(this.files.uri(location.path));
    const code = new vscode.Range(location.codeLine, 0, location.codeLine, 0);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: this.column(), preserveFocus: true, preview: true, selection: code });
    if (this.shown && this.shown.editor !== editor) this.clear(this.shown.editor);
    const at: CodeHighlight = { seq: record.seq, rule: record.rule, path: location.path, markerLine: location.line, line: location.codeLine };
    this.shown = { editor, at, label: `◀ event #${record.seq}: ${RULES[record.rule].title}` };
    this.paint();
    editor.revealRange(new vscode.Range(location.line, 0, location.codeLine, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // Wherever Show Code was asked from, the panel's event list marks the event whose code is open.
    ClusterPanel.currentPanel?.selectEvent(record.seq);
    return { ok: true, seq: record.seq, rule: record.rule, path: location.path, line: location.codeLine + 1 };
  }

  /** Moves the highlight to the current event after a step, step back or seek (only while paused). */
  private async follow(): Promise<void> {
    const history = this.session.timeline;
    if (!this.following || !this.shown) return;
    if (!history) return this.stopFollowing();
    if (!this.session.paused || history.seq === this.shown.at.seq) return;
    const record = history.seq > 0 ? history.records(history.seq, history.seq)[0] : undefined;
    if (!record) return this.clear(this.shown.editor);
    const result = await this.open(record);
    if (!result.ok) this.log.warn(`Code links: ${result.error}`);
  }

  /**
   * The source editor's column: where it already is, else a new group right of every editor and
   * the cluster panel, so the scenario, the panel and the code are all in view.
   */
  private column(): vscode.ViewColumn {
    if (this.shown && vscode.window.visibleTextEditors.includes(this.shown.editor) && this.shown.editor.viewColumn) return this.shown.editor.viewColumn;
    const columns = [...vscode.window.visibleTextEditors.map((e) => e.viewColumn ?? 0), ClusterPanel.currentPanel?.panel.viewColumn ?? 0];
    return Math.min(Math.max(0, ...columns) + 1, vscode.ViewColumn.Nine);
  }

  private paint(): void {
    if (!this.shown) return;
    const { editor, at, label } = this.shown;
    editor.setDecorations(this.highlight, [new vscode.Range(at.markerLine, 0, at.line, 0)]);
    editor.setDecorations(this.label, [{ range: new vscode.Range(at.line, 0, at.line, 0), renderOptions: { after: { contentText: label } } }]);
  }

  /** An editor hidden and shown again is a new editor: paint it again; a closed one ends following. */
  private onVisibleEditors(editors: readonly vscode.TextEditor[]): void {
    if (!this.shown) return;
    const again = editors.find((e) => e.document === this.shown!.editor.document);
    if (!again) return this.stopFollowing();
    if (again !== this.shown.editor) {
      this.shown.editor = again;
      this.paint();
    }
  }

  private stopFollowing(): void {
    this.following = false;
    if (this.shown) this.clear(this.shown.editor);
    this.shown = null;
  }

  private clear(editor: vscode.TextEditor): void {
    editor.setDecorations(this.highlight, []);
    editor.setDecorations(this.label, []);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
