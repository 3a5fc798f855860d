// Status bar item: who leads in which term, crashed count, paused; click opens the panel.
import * as vscode from 'vscode';
import type { Session } from '../session/session';
import { statusText } from './statusModel';

export class RaftStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('raft.status', vscode.StatusBarAlignment.Left, 10);
  private lastText = '';

  constructor(private readonly session: Session) {
    this.item.name = 'Raft';
    this.item.command = 'raft.openPanel';
  }

  get text(): string {
    return this.lastText;
  }

  update(): void {
    const view = this.session.view();
    if (!view) {
      if (this.lastText !== '') this.item.hide();
      this.lastText = '';
      return;
    }
    const { text, tooltip } = statusText({ view, paused: this.session.paused, speed: this.session.speed, achievedSpeed: this.session.achievedSpeed });
    if (text === this.lastText) return;
    const wasHidden = this.lastText === '';
    this.lastText = text;
    this.item.text = text;
    this.item.tooltip = tooltip;
    if (wasHidden) this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
