// A running cluster in real time: owns the History, paces it with the wall clock, applies the
// user's inputs, steps and seeks, and tells listeners when anything shown changed.
// No 'vscode' here: the extension wires these events to the tree, status bar, panel and log.
import type { ClusterConfig } from '../core/config';
import type { Input } from '../core/inputs';
import type { TraceRecord } from '../core/trace';
import type { ClusterView, Result } from '../core/types';
import { MAX_SPEED, MIN_SPEED, type ClusterSnapshot } from '../protocol/messages';
import type { BlockSummary } from './blockStats';
import { CONDITIONS, conditionHolds, type RunCondition } from './conditions';
import { Emitter, type Disposable } from './emitter';
import { DEFAULT_PACER_OPTIONS, Pacer, type PacerOptions, type SliceReport } from './pacer';
import { PERSISTED_VERSION, type PersistedSession } from './persistence';
import type { Scheduler } from './scheduler';
import { SnapshotBuilder } from './snapshot';
import { Throttle } from './throttle';
import type { HistoryFactory, SessionHistory } from './timeline';

/** The panel's view of the session (see the panel contract). */
export interface SnapshotSource {
  current(): ClusterSnapshot | null;
  onDidChange(listener: () => void): Disposable;
}

export interface SessionOptions {
  readonly scheduler: Scheduler;
  readonly histories: HistoryFactory;
  readonly pacer?: PacerOptions;
  /** Minimum wall ms between change events (the panel redraws from them; it coalesces further). */
  readonly changeIntervalMs?: number;
}

export const NO_CLUSTER = 'No Raft cluster is running. Start one with "Raft: Start Cluster" first.';
/** How far "run until" looks before giving up, in simulated ms. */
export const DEFAULT_RUN_LIMIT_MS = 10 * 60 * 1000;

type Settle = (result: Result<{ record: TraceRecord }>) => void;

export class Session implements SnapshotSource {
  private history: SessionHistory | null = null;
  private pausedFlag = true;
  private speedValue = 1;
  private pendingRun: { readonly condition: RunCondition; readonly limitMs: number; readonly settle: Settle } | null = null;
  private readonly pacer: Pacer;
  private readonly snapshots = new SnapshotBuilder();
  private snapshotCache: { readonly key: string; readonly snapshot: ClusterSnapshot } | null = null;
  /** Bumped on every change that is not a movement of the clock (inputs, pause, speed, seek). */
  private revision = 0;
  private viewCache: { readonly key: string; readonly view: ClusterView } | null = null;
  private readonly changes = new Emitter<void>();
  private readonly stateChanges = new Emitter<void>();
  private readonly recordBatches = new Emitter<readonly TraceRecord[]>();
  private readonly changeThrottle: Throttle;
  /** Records applied by the running pacer since the last flush, when someone listens for them. */
  private batch: TraceRecord[] = [];

  constructor(private readonly options: SessionOptions) {
    this.pacer = new Pacer(options.scheduler, (report) => this.onSlice(report), options.pacer ?? DEFAULT_PACER_OPTIONS);
    // Deferred: listeners (the panel builds and posts a snapshot) run as their own task, not inside a slice.
    this.changeThrottle = new Throttle(options.scheduler, options.changeIntervalMs ?? 1000 / 60, () => this.changes.fire(), true);
  }

  get running(): boolean {
    return this.history !== null;
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  get speed(): number {
    return this.speedValue;
  }

  /** Simulated ms per wall ms actually achieved when the simulation cannot keep up; `null` otherwise. */
  get achievedSpeed(): number | null {
    return this.pausedFlag ? null : this.pacer.achievedSpeed;
  }

  get config(): ClusterConfig | null {
    return this.history?.config ?? null;
  }

  /** The history itself, for read-only queries (records, node views); `null` when no cluster runs. */
  get timeline(): SessionHistory | null {
    return this.history;
  }

  /** The cluster now. Cached per point: the tree, status bar and context keys all read it per refresh. */
  view(): ClusterView | null {
    const history = this.history;
    if (!history) return null;
    const key = `${this.revision}:${history.seq}:${history.time}`;
    if (this.viewCache?.key !== key) this.viewCache = { key, view: history.view() };
    return this.viewCache.view;
  }

  /** Fires (throttled) whenever anything shown may have changed, including the clock. */
  onDidChange(listener: () => void): Disposable {
    return this.changes.on(listener);
  }

  /** Fires at once on start, stop, pause, resume, inputs, steps and seeks (not on clock movement). */
  onDidChangeState(listener: () => void): Disposable {
    return this.stateChanges.on(listener);
  }

  /** Every record applied, in order, in batches (one per slice or command). */
  onRecords(listener: (records: readonly TraceRecord[]) => void): Disposable {
    return this.recordBatches.on(listener);
  }

  start(config: ClusterConfig, opts: { readonly paused?: boolean } = {}): void {
    this.replaceHistory(this.options.histories.create(config), opts.paused ?? false);
  }

  /** Rebuilds a saved run exactly where it was, paused. */
  restore(state: PersistedSession): Result {
    let history: SessionHistory;
    try {
      history = this.options.histories.replay(state.config, state.inputs, state.seq, state.time, state.head);
    } catch (e) {
      return { ok: false, error: `The saved cluster could not be replayed (${e instanceof Error ? e.message : String(e)}). Start a new cluster with "Raft: Start Cluster".` };
    }
    this.speedValue = state.speed;
    this.replaceHistory(history, true);
    return { ok: true };
  }

  stop(): Result {
    if (!this.history) return { ok: false, error: NO_CLUSTER };
    this.settleRun({ ok: false, error: 'The cluster was stopped before the run reached its goal.' });
    this.pacer.stop();
    this.history = null;
    this.pausedFlag = true;
    this.changed();
    return { ok: true };
  }

  /** Applies a fault or client input at the current point (discarding any recorded future after it). */
  apply(input: Input): Result<{ record: TraceRecord; discarded: number }> {
    const history = this.history;
    if (!history) return { ok: false, error: NO_CLUSTER };
    const discarded = history.headSeq - history.seq;
    const result = history.apply(input);
    if (!result.ok) return result;
    this.emitRecords([result.record]);
    this.changed();
    return { ok: true, record: result.record, discarded };
  }

  pause(): Result {
    if (!this.history) return { ok: false, error: NO_CLUSTER };
    this.halt('The run was paused before it reached its goal.');
    this.changed();
    return { ok: true };
  }

  resume(): Result {
    const history = this.history;
    if (!history) return { ok: false, error: NO_CLUSTER };
    this.settleRun({ ok: false, error: 'The run was resumed at normal speed before it reached its goal.' });
    this.pausedFlag = false;
    this.runRealtime(history);
    this.changed();
    return { ok: true };
  }

  /** Applies exactly one record and leaves the session paused. */
  step(): Result<{ record: TraceRecord }> {
    const history = this.history;
    if (!history) return { ok: false, error: NO_CLUSTER };
    this.halt('The run was interrupted by a step.');
    const record = history.step();
    this.changed();
    if (!record) {
      return { ok: false, error: 'Nothing can happen next: no timer is armed and no message is in flight. Recover a node or start a new cluster.' };
    }
    this.emitRecords([record]);
    return { ok: true, record };
  }

  /** Undoes exactly one record and leaves the session paused. */
  stepBack(): Result<{ seq: number }> {
    const history = this.history;
    if (!history) return { ok: false, error: NO_CLUSTER };
    this.halt('The run was interrupted by a step back.');
    const result = history.stepBack();
    this.changed();
    return result.ok ? { ok: true, seq: history.seq } : result;
  }

  /** Moves to the point after record `seq` of the recorded timeline and pauses there. */
  seek(seq: unknown): Result<{ seq: number }> {
    const history = this.history;
    if (!history) return { ok: false, error: NO_CLUSTER };
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0 || seq > history.headSeq) {
      return { ok: false, error: `Cannot seek to ${describe(seq)}: the recorded timeline holds events 0 to ${history.headSeq}. Pick a whole number in that range.` };
    }
    this.halt('The run was interrupted by a seek.');
    history.seekSeq(seq);
    this.changed();
    return { ok: true, seq: history.seq };
  }

  setSpeed(speed: unknown): Result<{ speed: number }> {
    if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
      return { ok: false, error: `Speed must be a number from ${MIN_SPEED} to ${MAX_SPEED} (simulated ms per wall ms), not ${describe(speed)}. Choose a speed in that range.` };
    }
    if (speed !== this.speedValue) {
      this.speedValue = speed;
      this.pacer.speed = speed;
      this.changed();
    }
    return { ok: true, speed };
  }

  /**
   * Runs as fast as the slice budget allows until `condition` holds, then pauses at that record.
   * Gives up (paused) after `limitMs` of simulated time.
   */
  runUntil(condition: RunCondition, limitMs = DEFAULT_RUN_LIMIT_MS): Promise<Result<{ record: TraceRecord }>> {
    const history = this.history;
    if (!history) return Promise.resolve({ ok: false, error: NO_CLUSTER });
    this.settleRun({ ok: false, error: 'A newer "run until" replaced this one.' });
    return new Promise((settle) => {
      this.pendingRun = { condition, limitMs, settle };
      this.pausedFlag = false;
      const collect = this.recordBatches.hasListeners;
      this.pacer.start(history, {
        kind: 'fast',
        until: history.time + limitMs,
        observe: (record) => {
          if (collect) this.batch.push(record);
          return conditionHolds(condition, record);
        },
      });
      this.changed();
    });
  }

  /** Everything needed to rebuild this run after a reload; `null` when no cluster runs. */
  persisted(): PersistedSession | null {
    const history = this.history;
    if (!history) return null;
    const behind = history.headSeq > history.seq;
    return {
      version: PERSISTED_VERSION,
      config: history.config,
      inputs: history.inputs().slice(),
      seq: history.seq,
      time: history.time,
      speed: this.speedValue,
      ...(behind ? { head: { seq: history.headSeq, time: history.headTime } } : {}),
    };
  }

  current(): ClusterSnapshot | null {
    const history = this.history;
    if (!history) return null;
    const achievedSpeed = this.achievedSpeed;
    const key = `${this.revision}:${history.seq}:${history.time}:${achievedSpeed}`;
    if (this.snapshotCache?.key === key) return this.snapshotCache.snapshot;
    const snapshot = this.snapshots.build(history, {
      paused: this.pausedFlag,
      speed: this.speedValue,
      achievedSpeed,
      headSeq: history.headSeq,
      headTime: history.headTime,
    });
    this.snapshotCache = { key, snapshot };
    return snapshot;
  }

  /** How long the pacing slices held the thread (the responsiveness budget is 30 ms). */
  blocks(): BlockSummary {
    return this.pacer.blocks.summary();
  }

  resetBlocks(): void {
    this.pacer.blocks.reset();
  }

  dispose(): void {
    this.settleRun({ ok: false, error: 'The extension was shut down.' });
    this.pacer.stop();
    this.changeThrottle.dispose();
    this.changes.clear();
    this.stateChanges.clear();
    this.recordBatches.clear();
    // The history stays: a final save after disposal (window reload) must still see the run.
  }

  private replaceHistory(history: SessionHistory, paused: boolean): void {
    this.settleRun({ ok: false, error: 'A new cluster replaced the one this run was on.' });
    this.pacer.stop();
    this.history = history;
    this.pacer.speed = this.speedValue;
    this.pausedFlag = paused;
    if (!paused) this.runRealtime(history);
    this.changed();
  }

  private runRealtime(history: SessionHistory): void {
    const collect = this.recordBatches.hasListeners;
    this.pacer.start(history, collect ? { kind: 'realtime', observe: (record) => (this.batch.push(record), false) } : { kind: 'realtime' });
  }

  /** Stops the clock; a pending "run until" ends with `why`. */
  private halt(why: string): void {
    this.settleRun({ ok: false, error: why });
    this.pacer.stop();
    this.pausedFlag = true;
  }

  private onSlice(report: SliceReport): void {
    this.flushBatch();
    const run = this.pendingRun;
    if (run && (report.stoppedBy || report.reachedLimit)) {
      this.pendingRun = null;
      this.pausedFlag = true;
      this.changed();
      run.settle(
        report.stoppedBy
          ? { ok: true, record: report.stoppedBy }
          : { ok: false, error: `Ran ${run.limitMs / 1000} s of simulated time and ${CONDITIONS[run.condition].missed}; paused there. Check that a majority of nodes is up and connected (recover crashed nodes, heal partitions).` },
      );
      return;
    }
    this.changeThrottle.request();
  }

  private settleRun(result: Result<{ record: TraceRecord }>): void {
    const run = this.pendingRun;
    if (!run) return;
    this.pendingRun = null;
    run.settle(result);
  }

  private emitRecords(records: readonly TraceRecord[]): void {
    if (records.length > 0) this.recordBatches.fire(records);
  }

  private flushBatch(): void {
    if (this.batch.length === 0) return;
    const records = this.batch;
    this.batch = [];
    this.emitRecords(records);
  }

  /** A change other than the clock's movement: listeners hear it at once. */
  private changed(): void {
    this.flushBatch();
    this.revision++;
    this.stateChanges.fire();
    this.changeThrottle.request();
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
