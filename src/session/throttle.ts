// Rate limiter for change notifications: fires at once if the last firing is older than the
// interval, otherwise once at the end of the interval (so the final state is always delivered).
// `deferred` throttles never fire inside request(): the work runs as its own task, so it does not
// add to the block of whatever asked (a pacing slice).
import type { Scheduler, TimerHandle } from './scheduler';

export class Throttle {
  private last = -Infinity;
  private pending: TimerHandle | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly intervalMs: number,
    private readonly action: () => void,
    private readonly deferred = false,
  ) {}

  request(): void {
    if (this.pending) return;
    const wait = this.last + this.intervalMs - this.scheduler.now();
    if (wait <= 0 && !this.deferred) {
      this.run();
      return;
    }
    this.pending = this.scheduler.setTimeout(() => {
      this.pending = null;
      this.run();
    }, Math.max(0, wait));
  }

  dispose(): void {
    if (this.pending) this.scheduler.clearTimeout(this.pending);
    this.pending = null;
  }

  private run(): void {
    this.last = this.scheduler.now();
    this.action();
  }
}
