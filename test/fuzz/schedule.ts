// Random fault schedules: one generator (seeded by the core's own PRNG, so a schedule seed replays
// on any machine) and one runner, shared by the fuzzer (test/fuzz/fuzz.mjs) and the fast-check
// property test (test/unit/core/property.test.ts).
import { normalizeConfig, type ClusterConfig } from '../../src/core/config';
import { applyInput } from '../../src/core/history';
import type { Input, RecordedInput } from '../../src/core/inputs';
import { Prng } from '../../src/core/prng';
import { Simulation } from '../../src/core/simulation';
import type { NodeId, ProtocolName, Violation } from '../../src/core/types';

/**
 * What the schedule does at a moment. Targets are picked when the action runs (`pick` in [0, 1)
 * chooses among the nodes or messages it applies to then), so most actions take effect.
 */
export type Action =
  | { readonly kind: 'crash'; readonly pick: number }
  | { readonly kind: 'crashLeader' }
  | { readonly kind: 'recover'; readonly pick: number }
  | { readonly kind: 'timeout'; readonly pick: number }
  | { readonly kind: 'request'; readonly count: number }
  | { readonly kind: 'partition'; readonly groupOf: readonly number[] }
  /** Cut the leader off alone: it keeps taking requests it cannot commit (the start of Figure 8). */
  | { readonly kind: 'isolateLeader' }
  | { readonly kind: 'heal' }
  | { readonly kind: 'drop'; readonly pick: number };

export interface ScheduleStep {
  readonly at: number;
  readonly action: Action;
}

export interface Schedule {
  readonly config: ClusterConfig;
  readonly steps: readonly ScheduleStep[];
  /** Simulated ms to run in all. */
  readonly duration: number;
}

export interface Outcome {
  readonly violations: readonly Violation[];
  /** The inputs that took effect, as a History records them (History.replay rebuilds the run). */
  readonly inputs: readonly RecordedInput[];
  readonly records: number;
  readonly messageEvents: number;
  /** Highest commitIndex any live node holds at the end (0 in simple). */
  readonly committed: number;
  /** The simulation where it ended, for tests that compare it with a replay. */
  readonly sim: Simulation;
}

export const MIN_NODES = 3;
export const MAX_NODES = 7;

/** Builds a config from schedule choices; the choices are in range by construction, so problems are a bug here. */
export function scheduleConfig(values: Partial<ClusterConfig>): ClusterConfig {
  const { config, problems } = normalizeConfig(values);
  if (problems.length > 0) throw new Error(`schedule config out of range: ${problems.map((p) => p.message).join('; ')}`);
  return config;
}

/** The schedule a seed stands for. raft runs short, fast-timed, chaotic schedules; simple keeps its fixed 1-5 s constants. */
export function generateSchedule(seed: number, protocol: ProtocolName): Schedule {
  const rng = new Prng(seed);
  const size = rng.int(MIN_NODES, MAX_NODES);
  const choose = <T>(options: readonly T[]): T => options[rng.int(0, options.length - 1)]!;
  const common = {
    protocol,
    size,
    seed: rng.int(0, 0xffffffff),
    dropRate: choose([0, 0, 0.02, 0.1, 0.3]),
    duplicateRate: choose([0, 0, 0.05, 0.2]),
  };
  let config: ClusterConfig;
  let duration: number;
  let meanGap: number;
  if (protocol === 'raft') {
    const electionTimeoutMin = rng.int(100, 300);
    const latencyMin = rng.int(0, 20);
    // One schedule in five has latency reaching past the election timeout: late, reordered messages everywhere.
    const latencyMax = rng.chance(0.2) ? electionTimeoutMin + rng.int(0, 200) : latencyMin + rng.int(0, 80);
    config = scheduleConfig({ ...common, electionTimeoutMin, electionTimeoutMax: electionTimeoutMin + rng.int(0, 300), heartbeatInterval: rng.int(20, 100), latencyMin, latencyMax });
    duration = rng.int(4000, 16_000);
    meanGap = 150;
  } else {
    const latencyMin = rng.int(10, 200);
    config = scheduleConfig({ ...common, latencyMin, latencyMax: latencyMin + rng.int(0, 400) });
    duration = 30_000;
    meanGap = 1500;
  }
  const steps: ScheduleStep[] = [];
  for (let at = rng.int(0, 2 * meanGap); at < duration; at += rng.int(0, 2 * meanGap)) steps.push({ at, action: randomAction(rng, size) });
  return { config, steps, duration };
}

function randomAction(rng: Prng, size: number): Action {
  const roll = rng.next();
  if (roll < 0.27) return { kind: 'request', count: 1 };
  // Now and then a burst, so logs grow past one AppendEntries' worth of entries.
  if (roll < 0.3) return { kind: 'request', count: rng.int(2, 80) };
  if (roll < 0.4) return { kind: 'crash', pick: rng.next() };
  if (roll < 0.47) return { kind: 'crashLeader' };
  if (roll < 0.62) return { kind: 'recover', pick: rng.next() };
  if (roll < 0.7) return { kind: 'timeout', pick: rng.next() };
  if (roll < 0.76) return { kind: 'partition', groupOf: Array.from({ length: size }, () => rng.int(0, 2)) };
  if (roll < 0.8) return { kind: 'isolateLeader' };
  if (roll < 0.9) return { kind: 'heal' };
  return { kind: 'drop', pick: rng.next() };
}

/** Runs a schedule; refused inputs (e.g. a request with no leader) are skipped, as a user's would be. */
export function runSchedule(schedule: Schedule, options: { stopAtViolation?: boolean } = {}): Outcome {
  const sim = new Simulation(schedule.config);
  const inputs: RecordedInput[] = [];
  let requests = 0;
  const stopped = () => options.stopAtViolation === true && sim.violations().length > 0;
  for (const step of schedule.steps) {
    sim.runUntil(step.at);
    if (stopped()) break;
    const count = step.action.kind === 'request' ? step.action.count : 1;
    for (let i = 0; i < count; i++) {
      const input = resolve(step.action, sim, () => `r${++requests}`);
      if (input === null) continue;
      const result = applyInput(sim, input);
      if (result.ok) inputs.push({ afterSeq: result.record.seq - 1, time: result.record.time, input });
    }
  }
  if (!stopped()) sim.runUntil(schedule.duration);
  let committed = 0;
  for (let id = 0; id < sim.size; id++) committed = Math.max(committed, sim.brief(id).commitIndex);
  return { violations: sim.violations(), inputs, records: sim.lastSeq, messageEvents: sim.messageEvents, committed, sim };
}

function resolve(action: Action, sim: Simulation, nextValue: () => string): Input | null {
  const nodes = (keep: (id: NodeId) => boolean): NodeId[] => Array.from({ length: sim.size }, (_, id) => id).filter(keep);
  const pickFrom = <T>(items: readonly T[], pick: number): T | null => (items.length === 0 ? null : items[Math.floor(pick * items.length)]!);
  const crashed = (id: NodeId) => sim.brief(id).role === 'crashed';
  switch (action.kind) {
    case 'crash': {
      const node = pickFrom(nodes((id) => !crashed(id)), action.pick);
      return node === null ? null : { kind: 'crash', node };
    }
    case 'crashLeader': {
      const node = sim.leader();
      return node === null ? null : { kind: 'crash', node };
    }
    case 'recover': {
      const node = pickFrom(nodes(crashed), action.pick);
      return node === null ? null : { kind: 'recover', node };
    }
    case 'timeout': {
      const node = pickFrom(nodes((id) => !crashed(id) && sim.brief(id).role !== 'leader'), action.pick);
      return node === null ? null : { kind: 'timeout', node };
    }
    case 'request':
      return { kind: 'request', value: nextValue() };
    case 'partition': {
      const groups = [0, 1, 2].map((g) => nodes((id) => action.groupOf[id] === g)).filter((g) => g.length > 0);
      return groups.length < 2 ? null : { kind: 'partition', groups };
    }
    case 'isolateLeader': {
      const leader = sim.leader();
      return leader === null || sim.size < 2 ? null : { kind: 'partition', groups: [[leader], nodes((id) => id !== leader)] };
    }
    case 'heal':
      return { kind: 'heal' };
    case 'drop': {
      const message = pickFrom(sim.messagesInFlight(), action.pick);
      return message === null ? null : { kind: 'drop', message: message.id };
    }
  }
}

/** The schedule seeds a fuzz run with this master seed visits, in order. */
export function scheduleSeeds(master: number, count: number): number[] {
  const rng = new Prng(master);
  return Array.from({ length: count }, () => rng.int(0, 0xffffffff));
}
