// Context keys for `when` clauses (palette, menus, keybindings); set only when a value changes.
import * as vscode from 'vscode';
import type { Session } from '../session/session';

export class ContextKeys {
  private readonly values = new Map<string, unknown>();

  update(session: Session): void {
    const view = session.view();
    const nodes = view?.nodes ?? [];
    this.set('raft.clusterRunning', view !== null);
    this.set('raft.paused', session.paused);
    this.set('raft.protocol', view?.protocol ?? '');
    this.set('raft.anyLive', nodes.some((n) => n.role !== 'crashed'));
    this.set('raft.anyCrashed', nodes.some((n) => n.role === 'crashed'));
    this.set('raft.multiNode', nodes.length > 1);
    this.set('raft.partitioned', view?.partitions != null);
  }

  get(key: string): unknown {
    return this.values.get(key);
  }

  private set(key: string, value: unknown): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
