// User-facing messages, recorded so integration tests can check what the user was told.
import * as vscode from 'vscode';

export type Severity = 'info' | 'warning' | 'error';

export interface Notice {
  readonly severity: Severity;
  readonly text: string;
}

const KEEP = 100;

export class Notifier {
  private readonly log: Notice[] = [];

  get notices(): readonly Notice[] {
    return this.log;
  }

  info(text: string): void {
    this.record('info', text);
    void vscode.window.showInformationMessage(text);
  }

  warn(text: string): void {
    this.record('warning', text);
    void vscode.window.showWarningMessage(text);
  }

  error(text: string): void {
    this.record('error', text);
    void vscode.window.showErrorMessage(text);
  }

  /** A modal question; resolves to the chosen action or undefined when dismissed. */
  async confirm(text: string, action: string): Promise<boolean> {
    this.record('warning', text);
    return (await vscode.window.showWarningMessage(text, { modal: true }, action)) === action;
  }

  private record(severity: Severity, text: string): void {
    this.log.push({ severity, text });
    if (this.log.length > KEEP) this.log.splice(0, this.log.length - KEEP);
  }
}

/** Core errors are sentence fragments ("node 7 does not exist: ..."); the UI shows sentences. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
