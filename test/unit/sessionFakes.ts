// Fake wall time for the session's unit tests: timers run only when a test advances the clock, and
// work can "cost" wall time so the pacer's budget checks are exercised deterministically.
import type { TraceRecord } from '../../src/core/trace';
import type { Scheduler, TimerHandle } from '../../src/session/scheduler';
import type { PacedTimeline, RunOptions, RunOutcome } from '../../src/session/timeline';

interface FakeTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export class FakeScheduler implements Scheduler {
  private wall = 0;
  private nextId = 1;
  private timers: FakeTimer[] = [];

  now(): number {
    return this.wall;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.wall + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return { id: timer.id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Work that takes wall time (called from inside callbacks). */
  spend(ms: number): void {
    this.wall += ms;
  }

  /** Lets `ms` of wall time pass, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.wall + ms;
    for (;;) {
      let next: FakeTimer | undefined;
      for (const t of this.timers) if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.wall = Math.max(this.wall, next.at);
      next.callback();
    }
    this.wall = Math.max(this.wall, end);
  }
}

/** A timeline with one record every `everyMs` simulated ms, each costing `costMs` of wall time. */
export class ScriptedTimeline implements PacedTimeline {
  time = 0;
  seq = 0;

  constructor(
    private readonly scheduler: FakeScheduler,
    private readonly everyMs: number,
    private readonly costMs: number,
  ) {}

  runUntil(time: number, opts: RunOptions = {}): RunOutcome {
    let ran = 0;
    for (;;) {
      const nextAt = (this.seq + 1) * this.everyMs;
      if (nextAt > time) {
        this.time = Math.max(this.time, time);
        return { stoppedBy: null, done: true };
      }
      if (opts.maxRecords !== undefined && ran >= opts.maxRecords) return { stoppedBy: null, done: false };
      this.seq++;
      this.time = nextAt;
      ran++;
      this.scheduler.spend(this.costMs);
      const record = { seq: this.seq, time: this.time, node: 0, kind: 'timer', rule: 'x', changes: [], sent: [] } as unknown as TraceRecord;
      if (opts.stop?.(record)) return { stoppedBy: record, done: false };
    }
  }
}
