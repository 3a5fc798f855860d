// Activation: builds the pieces and returns the API integration tests drive.
// (Minimal for now; the extension-host work fills this in.)
import * as vscode from 'vscode';

export interface RaftClusterApi {
  readonly version: string;
}

export function activate(context: vscode.ExtensionContext): RaftClusterApi {
  context.subscriptions.push(
    vscode.commands.registerCommand('raft.startCluster', () => undefined),
  );
  return { version: String(context.extension.packageJSON.version) };
}

export function deactivate(): void {}
