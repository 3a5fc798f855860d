// Real-time pacing: advances a timeline at `speed` simulated ms per wall ms in short slices, each
// bounded by a wall-clock budget, so the extension host's thread is never held for long. When a
// slice cannot reach its target in budget the shortfall is dropped rather than owed (no catch-up
// spiral) and the achieved rate is reported instead.
import type { TraceRecord } from '../core/trace';
import { BlockStats } from './blockStats';
import { RateMeter } from './rateMeter';
import type { Scheduler, TimerHandle } from './scheduler';
import type { PacedTimeline } from './timeline';

export interface PacerOptions {
  /** Wall ms a slice may spend running records before it yields. */
  readonly sliceBudgetMs: number;
  /** Wall ms between slice starts: the budget's complement is left to the rest of the host. */
  readonly framePeriodMs: number;
  /** Longest wall gap credited to one slice (after a sleep or a long GC the run does not jump). */
  readonly maxFrameGapMs: number;
}

export const DEFAULT_PACER_OPTIONS: PacerOptions = { sliceBudgetMs: 10, framePeriodMs: 16, maxFrameGapMs: 100 };

/** `realtime` follows the wall clock; `fast` runs as fast as the budget allows until `stop` or `until`. */
export type PaceMode =
  | { readonly kind: 'realtime'; readonly observe?: (record: TraceRecord) => boolean }
  | { readonly kind: 'fast'; readonly until: number; readonly observe: (record: TraceRecord) => boolean };

export interface SliceReport {
  readonly records: number;
  /** The record `observe` stopped at, if any; the pacer has stopped itself then. */
  readonly stoppedBy: TraceRecord | null;
  /** `fast` mode reached its time limit without a stop; the pacer has stopped itself. */
  readonly reachedLimit: boolean;
}

const MIN_CHUNK = 8;
const MAX_CHUNK = 8192;
/** Wall ms one runUntil call should take, so the budget check is never far away. */
const CHUNK_TARGET_MS = 1;

export class Pacer {
  private timer: TimerHandle | null = null;
  private timeline: PacedTimeline | null = null;
  private mode: PaceMode = { kind: 'realtime' };
  private lastTick = 0;
  private chunk = 64;
  private readonly rate = new RateMeter();
  readonly blocks = new BlockStats();
  speed = 1;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly onSlice: (report: SliceReport) => void,
    private readonly options: PacerOptions = DEFAULT_PACER_OPTIONS,
  ) {}

  get running(): boolean {
    return this.timeline !== null;
  }

  /** Simulated ms per wall ms actually achieved while falling behind `speed`; `null` when keeping up. */
  get achievedSpeed(): number | null {
    return this.running && this.mode.kind === 'realtime' ? this.rate.achieved(this.scheduler.now()) : null;
  }

  start(timeline: PacedTimeline, mode: PaceMode): void {
    this.stop();
    this.timeline = timeline;
    this.mode = mode;
    this.lastTick = this.scheduler.now();
    this.rate.add(this.lastTick, timeline.time, false);
    this.schedule(0);
  }

  stop(): void {
    if (this.timer) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.timeline = null;
    this.rate.reset();
  }

  private schedule(delayMs: number): void {
    this.timer = this.scheduler.setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    this.timer = null;
    const timeline = this.timeline;
    if (!timeline) return;
    const start = this.scheduler.now();
    const cpuStart = this.scheduler.cpuNow?.() ?? null;
    const gap = Math.min(start - this.lastTick, this.options.maxFrameGapMs);
    this.lastTick = start;
    const mode = this.mode;
    const target = mode.kind === 'realtime' ? timeline.time + gap * this.speed : mode.until;

    let records = 0;
    const observe = mode.observe;
    const stop = (record: TraceRecord): boolean => {
      records++;
      return observe ? observe(record) : false;
    };
    let stoppedBy: TraceRecord | null = null;
    let reached = false;
    for (;;) {
      const before = records;
      const t0 = this.scheduler.now();
      const outcome = timeline.runUntil(target, { stop, maxRecords: this.chunk });
      const t1 = this.scheduler.now();
      this.adaptChunk(records - before, t1 - t0);
      if (outcome.stoppedBy) {
        stoppedBy = outcome.stoppedBy;
        break;
      }
      if (outcome.done) {
        reached = true;
        break;
      }
      if (t1 - start >= this.options.sliceBudgetMs) break;
    }

    const finished = stoppedBy !== null || (mode.kind === 'fast' && reached);
    if (mode.kind === 'realtime') this.rate.add(this.scheduler.now(), timeline.time, !reached);
    if (finished) this.stop();
    this.onSlice({ records, stoppedBy, reachedLimit: mode.kind === 'fast' && reached && stoppedBy === null });
    const end = this.scheduler.now();
    this.blocks.add(end - start, cpuStart === null ? null : this.scheduler.cpuNow!() - cpuStart);
    // The slice may have stopped or restarted the pacer from onSlice; only continue our own run.
    if (!finished && this.timeline === timeline && this.timer === null) {
      this.schedule(Math.max(1, this.options.framePeriodMs - (end - start)));
    }
  }

  private adaptChunk(ran: number, elapsedMs: number): void {
    if (ran < this.chunk) return; // the call ended early (done or stopped): nothing learnt about cost
    const perRecord = elapsedMs / ran;
    const ideal = perRecord > 0 ? CHUNK_TARGET_MS / perRecord : this.chunk * 2;
    this.chunk = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.round(ideal)));
  }
}
