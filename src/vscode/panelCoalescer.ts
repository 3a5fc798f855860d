// Turns the session's change events into posts to the panel: complete snapshots, at most one per
// MIN_POST_INTERVAL_MS (under 60 a second at any speed), only while the panel is visible, and a
// fresh one as soon as it becomes visible or asks (ready). Every post goes through the same rate
// limit, so nothing the webview sends can make the host post faster. No 'vscode' import, so the
// bench and unit tests drive it directly.
import type { HostMessage } from '../protocol/messages';
import type { Scheduler, TimerHandle } from '../session/scheduler';
import type { SnapshotSource } from '../session/session';

/** 1000 / 17 = 58.8 posts per second at most. */
export const MIN_POST_INTERVAL_MS = 17;

export class SnapshotCoalescer {
  private visible = true;
  private lastPost = -Infinity;
  private timer: TimerHandle | null = null;
  private dirty = false;
  private disposed = false;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly source: SnapshotSource,
    private readonly post: (message: HostMessage) => void,
    private readonly scheduler: Scheduler,
  ) {
    this.subscription = source.onDidChange(() => this.request());
  }

  /** The panel was shown or hidden. Showing posts a fresh snapshot; hiding stops posts. */
  setVisible(visible: boolean): void {
    const shown = visible && !this.visible;
    this.visible = visible;
    if (shown) this.request();
  }

  /** Something changed, or the webview asked for the current state: post soon, within the rate limit. */
  request(): void {
    if (this.disposed) return;
    this.dirty = true;
    if (!this.visible || this.timer) return;
    const wait = this.lastPost + MIN_POST_INTERVAL_MS - this.scheduler.now();
    if (wait <= 0) this.flush();
    else this.timer = this.scheduler.setTimeout(() => this.flush(), wait);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    if (this.timer) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    this.timer = null;
    if (this.disposed || !this.visible || !this.dirty) return;
    // Timers may fire a little early against the monotonic clock: never post inside the interval.
    const wait = this.lastPost + MIN_POST_INTERVAL_MS - this.scheduler.now();
    if (wait > 0) {
      this.timer = this.scheduler.setTimeout(() => this.flush(), wait);
      return;
    }
    this.dirty = false;
    this.lastPost = this.scheduler.now();
    const snapshot = this.source.current();
    this.post(snapshot ? { type: 'snapshot', snapshot } : { type: 'noCluster' });
  }
}
