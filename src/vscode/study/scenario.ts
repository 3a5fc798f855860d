// Plays a scenario file (.raft) headlessly with the core's ScriptSession, one line at a time, and
// remembers which records each line produced, so the editor can mark the line behind any event.
// Pure (no 'vscode'). A file is split into segments at its `start` lines: each segment is one
// cluster, played on its own, exactly as the terminal CLI plays that part of the file.
import type { ClusterConfig } from '../../core/config';
import type { RecordedInput } from '../../core/inputs';
import { parseLine, type Command } from '../../core/script/parse';
import { runLines, type Answer } from '../../core/script/run';

export interface Segment {
  /** 0-based line of the first command (the `start` line, unless the file begins without one). */
  readonly first: number;
  /** One past the segment's last line. */
  readonly end: number;
  /** The segment's `start` command, or null when it runs on the default cluster. */
  readonly start: Extract<Command, { kind: 'start' }> | null;
}

export interface LineOutcome {
  /** 0-based line number in the file. */
  readonly line: number;
  readonly kind: Command['kind'] | 'invalid';
  readonly answer: Answer;
  /** Records applied before and after the line: the line produced records seqBefore+1..seqAfter. */
  readonly seqBefore: number;
  readonly seqAfter: number;
}

export interface ScenarioRun {
  readonly segment: Segment;
  readonly config: ClusterConfig;
  readonly inputs: readonly RecordedInput[];
  /** Where the run ended: after record `seq`, with the clock at `time`. */
  readonly seq: number;
  readonly time: number;
  readonly outcomes: readonly LineOutcome[];
  /** The first failed `expect`: the run stopped there, as the CLI does. */
  readonly failedLine: number | null;
  readonly expects: { readonly passed: number; readonly failed: number };
  /** Lines that were refused (a malformed line, or an input the cluster refused). */
  readonly errors: number;
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The segments of a file, in order. Comment-only files have none. */
export function segmentsOf(lines: readonly string[]): Segment[] {
  const segments: { first: number; start: Segment['start'] }[] = [];
  lines.forEach((text, line) => {
    const parsed = parseLine(text);
    const command = parsed.ok ? parsed.command : null;
    if (command?.kind === 'start') segments.push({ first: line, start: command });
    else if (segments.length === 0 && (command !== null || !parsed.ok)) segments.push({ first: line, start: null });
  });
  return segments.map((s, i) => ({ ...s, end: segments[i + 1]?.first ?? lines.length }));
}

/** The segment a line belongs to (lines before the first segment belong to it). */
export function segmentAt(segments: readonly Segment[], line: number): Segment | undefined {
  let found = segments[0];
  for (const s of segments) if (s.first <= line) found = s;
  return found;
}

/** Plays one segment. `defaults` are what the CLI's flags would give (none: the core's defaults). */
export function playSegment(lines: readonly string[], segment: Segment, defaults: Partial<ClusterConfig> = {}): ScenarioRun {
  const outcomes: LineOutcome[] = [];
  const { session, failedIndex } = runLines(
    lines,
    defaults,
    (r) => outcomes.push({ line: r.index, kind: r.kind, answer: r.answer, seqBefore: r.seqBefore, seqAfter: r.seqAfter }),
    segment.first,
    segment.end,
  );
  const h = session.history;
  const expectOutcomes = outcomes.filter((o) => o.kind === 'expect');
  return {
    segment,
    config: h.config,
    inputs: h.inputs(),
    seq: h.seq,
    time: h.time,
    outcomes,
    failedLine: failedIndex,
    expects: { passed: expectOutcomes.filter((o) => o.answer.ok).length, failed: expectOutcomes.filter((o) => !o.answer.ok).length },
    errors: outcomes.filter((o) => !o.answer.ok && o.kind !== 'expect').length,
  };
}

/**
 * The line being executed at point `seq` (after `seq` records): the line that produced record
 * `seq`, or the segment's first line before any record. Null past the end of the scenario.
 */
export function lineAtSeq(run: ScenarioRun, seq: number): number | null {
  if (seq > run.seq) return null;
  if (seq === 0) return run.segment.first;
  return run.outcomes.find((o) => o.seqBefore < seq && seq <= o.seqAfter)?.line ?? null;
}

/** The outcomes already reached at point `seq`: their effects (and checks) are behind it. */
export function reachedAt(run: ScenarioRun, seq: number): LineOutcome[] {
  return run.outcomes.filter((o) => o.seqAfter <= seq);
}
