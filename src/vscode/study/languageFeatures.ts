// The .raft language in the editor: Problems-panel diagnostics updated as you type, completion of
// commands and node ids, and hovers that explain a command. The logic lives in the pure modules
// (scenarioCheck, scenarioComplete, scenarioHover); this file adapts it to VS Code.
import * as vscode from 'vscode';
import type { Session } from '../../session/session';
import { segmentAt, segmentsOf, splitLines } from './scenario';
import { checkScenario, configOf } from './scenarioCheck';
import { completionsAt, type CompletionKind } from './scenarioComplete';
import { hoverAt } from './scenarioHover';

export const LANGUAGE_ID = 'raft';
const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };

const KINDS: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  command: vscode.CompletionItemKind.Function,
  keyword: vscode.CompletionItemKind.Keyword,
  node: vscode.CompletionItemKind.EnumMember,
  value: vscode.CompletionItemKind.Value,
};

export class ScenarioLanguage implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection(LANGUAGE_ID);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly session: Session) {
    this.disposables = [
      this.diagnostics,
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.check(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => !isOpen(d.uri) && this.diagnostics.delete(d.uri)),
      vscode.languages.registerCompletionItemProvider(SELECTOR, { provideCompletionItems: (d, p) => this.complete(d, p) }, ' '),
      vscode.languages.registerHoverProvider(SELECTOR, { provideHover: (d, p) => this.hover(d, p) }),
    ];
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private check(document: vscode.TextDocument): void {
    if (document.languageId !== LANGUAGE_ID) return;
    this.diagnostics.set(
      document.uri,
      checkScenario(splitLines(document.getText())).map((p) => {
        const d = new vscode.Diagnostic(new vscode.Range(p.line, p.start, p.line, p.end), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = 'raft';
        return d;
      }),
    );
  }

  private complete(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const lines = splitLines(document.getText());
    const segment = segmentAt(segmentsOf(lines), position.line);
    // The file's start line decides the cluster; without one, the running cluster does.
    const size = segment?.start ? configOf(segment.start).config.size : (this.session.config?.size ?? configOf(null).config.size);
    return completionsAt(lines[position.line] ?? '', position.character, size).map((c, i) => {
      const item = new vscode.CompletionItem(c.label, KINDS[c.kind]);
      item.range = new vscode.Range(position.line, c.from, position.line, position.character);
      item.sortText = String(i).padStart(3, '0'); // keep the order the language gives
      if (c.detail) item.detail = c.detail;
      if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
      return item;
    });
  }

  private hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | null {
    const h = hoverAt(document.lineAt(position.line).text, position.character);
    if (!h) return null;
    const text = new vscode.MarkdownString().appendCodeblock(h.syntax, LANGUAGE_ID).appendMarkdown(h.summary);
    return new vscode.Hover(text, new vscode.Range(position.line, h.start, position.line, h.end));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Whether a document with this URI is open. A closed untitled file's URI (untitled:Untitled-1) is
 * given to the next new one, and the old one's close event can arrive after the new one opened.
 */
export function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => !d.isClosed && d.uri.toString() === uri.toString());
}
