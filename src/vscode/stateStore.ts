// Keeps the running cluster in workspaceState (config, seed, inputs, position) so a window reload
// brings it back exactly where it was, paused.
import type * as vscode from 'vscode';
import type { Result } from '../core/types';
import { parsePersisted } from '../session/persistence';
import type { Scheduler } from '../session/scheduler';
import type { Session } from '../session/session';
import { Throttle } from '../session/throttle';

export const STATE_KEY = 'raft.session';
/** While the clock runs the saved position moves constantly; saving it once a second is enough. */
const SAVE_INTERVAL_MS = 1000;

export class StateStore implements vscode.Disposable {
  private readonly throttle: Throttle;
  private subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly memento: vscode.Memento,
    private readonly session: Session,
    scheduler: Scheduler,
  ) {
    this.throttle = new Throttle(scheduler, SAVE_INTERVAL_MS, () => void this.save());
  }

  /** Saves from now on whenever the run changes. Called after restore(), so an empty session never overwrites the saved one. */
  track(): void {
    if (this.subscriptions.length > 0) return;
    // Pauses, steps and inputs are saved at once: the browser workbench does not wait for a save
    // started while it reloads. Clock movement alone is saved at most once a second.
    this.subscriptions = [this.session.onDidChangeState(() => void this.save()), this.session.onDidChange(() => this.throttle.request())];
  }

  saved(): unknown {
    return this.memento.get(STATE_KEY);
  }

  save(): Thenable<void> {
    if (this.subscriptions.length === 0) return Promise.resolve(); // not restored yet: keep what is saved
    return this.memento.update(STATE_KEY, this.session.persisted() ?? undefined);
  }

  /** Rebuilds the saved cluster, paused; `restored` is false when nothing was saved. */
  restore(): Result<{ restored: boolean }> {
    const data = this.saved();
    if (data === undefined) return { ok: true, restored: false };
    const parsed = parsePersisted(data);
    const result = parsed.ok ? this.session.restore(parsed.state) : parsed;
    if (!result.ok) {
      void this.memento.update(STATE_KEY, undefined); // do not fail again on every start
      return result;
    }
    return { ok: true, restored: true };
  }

  dispose(): void {
    this.throttle.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
