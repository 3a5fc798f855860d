// The parts of the core's History the session uses, as an interface so the pacing can be tested
// against a scripted timeline with a fake clock, and so the session states exactly what it needs.
import type { ClusterConfig } from '../core/config';
import type { Input, RecordedInput } from '../core/inputs';
import type { TraceRecord } from '../core/trace';
import type { ClusterView, NodeId, Result } from '../core/types';

export interface RunOptions {
  readonly stop?: (record: TraceRecord) => boolean;
  readonly maxRecords?: number;
}

export interface RunOutcome {
  readonly stoppedBy: TraceRecord | null;
  /** The clock reached the requested time. */
  readonly done: boolean;
}

/** What the pacer drives: a clock that advances by running records up to a time. */
export interface PacedTimeline {
  readonly time: number;
  runUntil(time: number, opts?: RunOptions): RunOutcome;
}

export interface SessionHistory extends PacedTimeline {
  readonly config: ClusterConfig;
  readonly seq: number;
  readonly headSeq: number;
  readonly headTime: number;
  view(): ClusterView;
  leader(): NodeId | null;
  apply(input: Input): Result<{ record: TraceRecord }>;
  step(): TraceRecord | null;
  stepBack(): Result;
  seekSeq(seq: number): void;
  records(fromSeq: number, toSeq: number): TraceRecord[];
  inputs(): readonly RecordedInput[];
}

/** How the session makes histories: a fresh one, or one rebuilt from a saved run. */
export interface HistoryFactory {
  create(config: ClusterConfig): SessionHistory;
  replay(config: ClusterConfig, inputs: readonly RecordedInput[], seq: number, time: number, head?: { readonly seq: number; readonly time: number }): SessionHistory;
}
