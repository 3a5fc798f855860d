// Cluster configuration: defaults per protocol and the ranges every value must lie in.
// Out-of-range values are clamped and reported, never thrown on, so a bad setting cannot break a run.
import type { ProtocolName } from './types';

export interface Timings {
  /** raft: election timeout drawn uniformly from [min, max] each time the timer is armed. */
  readonly electionTimeoutMin: number;
  readonly electionTimeoutMax: number;
  /** raft: leader's AppendEntries heartbeat period. simple: leader's heartbeat period (0.5 s). */
  readonly heartbeatInterval: number;
}

export interface NetworkConfig {
  readonly latencyMin: number;
  readonly latencyMax: number;
  /** Probability in [0, 1] that a message is lost. */
  readonly dropRate: number;
  /** Probability in [0, 1] that a message is delivered twice. */
  readonly duplicateRate: number;
}

export interface ClusterConfig extends Timings, NetworkConfig {
  readonly protocol: ProtocolName;
  readonly size: number;
  readonly seed: number;
}

export interface Range {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly unit: string;
}

export const MAX_CLUSTER_SIZE = 101;

export const RANGES: Readonly<Record<Exclude<keyof ClusterConfig, 'protocol'>, Range>> = {
  size: { min: 1, max: MAX_CLUSTER_SIZE, integer: true, unit: 'nodes' },
  seed: { min: 0, max: 0xffffffff, integer: true, unit: '' },
  electionTimeoutMin: { min: 10, max: 60_000, integer: true, unit: 'ms' },
  electionTimeoutMax: { min: 10, max: 60_000, integer: true, unit: 'ms' },
  heartbeatInterval: { min: 5, max: 30_000, integer: true, unit: 'ms' },
  latencyMin: { min: 0, max: 10_000, integer: true, unit: 'ms' },
  latencyMax: { min: 0, max: 10_000, integer: true, unit: 'ms' },
  dropRate: { min: 0, max: 0.9, integer: false, unit: '' },
  duplicateRate: { min: 0, max: 0.9, integer: false, unit: '' },
};

/**
 * Defaults chosen so an election is watchable at 1x: messages take 0.1-0.2 s to cross, so a
 * student sees each one fly; raft's 1.5-3 s election timeout is an order of magnitude above the
 * latency (the paper's broadcastTime << electionTimeout); simple keeps the original's 0.5 s heartbeat.
 */
export const DEFAULTS: Readonly<Record<ProtocolName, Omit<ClusterConfig, 'seed' | 'size'>>> = {
  raft: {
    protocol: 'raft',
    electionTimeoutMin: 1500,
    electionTimeoutMax: 3000,
    heartbeatInterval: 500,
    latencyMin: 100,
    latencyMax: 200,
    dropRate: 0,
    duplicateRate: 0,
  },
  simple: {
    protocol: 'simple',
    // simple has its own fixed constants (1 s timeout, 1-3 s wait, 2 s vote collection, 5 s cooldown);
    // only the heartbeat period is configurable, as the reference's 0.5 s.
    electionTimeoutMin: 1000,
    electionTimeoutMax: 1000,
    heartbeatInterval: 500,
    latencyMin: 100,
    latencyMax: 200,
    dropRate: 0,
    duplicateRate: 0,
  },
};

export const DEFAULT_SIZE: Readonly<Record<ProtocolName, number>> = { raft: 5, simple: 3 };

export interface ConfigProblem {
  readonly field: keyof ClusterConfig;
  readonly message: string;
}

export interface NormalizedConfig {
  readonly config: ClusterConfig;
  readonly problems: readonly ConfigProblem[];
}

export function isProtocolName(value: unknown): value is ProtocolName {
  return value === 'raft' || value === 'simple';
}

/** Fills in defaults, clamps every value into its range, and says what it changed. */
export function normalizeConfig(input: Partial<Record<keyof ClusterConfig, unknown>>): NormalizedConfig {
  const problems: ConfigProblem[] = [];
  let protocol: ProtocolName = 'raft';
  if (input.protocol !== undefined) {
    if (isProtocolName(input.protocol)) protocol = input.protocol;
    else problems.push({ field: 'protocol', message: `protocol must be "raft" or "simple", not ${show(input.protocol)}; using "raft"` });
  }
  const base: Record<string, number> = { ...DEFAULTS[protocol], size: DEFAULT_SIZE[protocol], seed: 1 } as never;
  const out: Record<string, number | string> = { protocol };
  for (const key of Object.keys(RANGES) as (keyof typeof RANGES)[]) {
    out[key] = clampField(key, input[key], base[key]!, problems);
  }
  if ((out.electionTimeoutMax as number) < (out.electionTimeoutMin as number)) {
    problems.push({ field: 'electionTimeoutMax', message: `electionTimeoutMax (${out.electionTimeoutMax} ms) is below electionTimeoutMin; using ${out.electionTimeoutMin} ms` });
    out.electionTimeoutMax = out.electionTimeoutMin as number;
  }
  if ((out.latencyMax as number) < (out.latencyMin as number)) {
    problems.push({ field: 'latencyMax', message: `latencyMax (${out.latencyMax} ms) is below latencyMin; using ${out.latencyMin} ms` });
    out.latencyMax = out.latencyMin as number;
  }
  return { config: out as unknown as ClusterConfig, problems };
}

function clampField(key: keyof typeof RANGES, value: unknown, fallback: number, problems: ConfigProblem[]): number {
  if (value === undefined || value === null) return fallback;
  const range = RANGES[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ field: key, message: `${key} must be a number${unitText(range)}, not ${show(value)}; using ${fallback}` });
    return fallback;
  }
  let v = range.integer ? Math.round(value) : value;
  if (v < range.min || v > range.max) {
    const clamped = Math.min(range.max, Math.max(range.min, v));
    problems.push({ field: key, message: `${key} must be between ${range.min} and ${range.max}${unitText(range)}, not ${value}; using ${clamped}` });
    v = clamped;
  }
  return v;
}

function unitText(range: Range): string {
  return range.unit ? ` (${range.unit})` : '';
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
