// Shared fixtures for the core's unit tests: a fake NodeContext that drives one protocol state by
// hand (etcd-raft's newTestRaft + Step style), and small helpers for whole simulations.
import * as assert from 'node:assert/strict';
import { normalizeConfig, type ClusterConfig } from '../../../src/core/config';
import { Prng } from '../../../src/core/prng';
import type { NodeContext } from '../../../src/core/protocol';
import type { RuleId } from '../../../src/core/rules';
import type { Simulation } from '../../../src/core/simulation';
import type { TraceRecord } from '../../../src/core/trace';
import type { LogEntry, Message, MessageBody, NodeId, TimerKind } from '../../../src/core/types';

/** A config from overrides that must all be valid (a typo in a test fails loudly). */
export function config(overrides: Partial<ClusterConfig> = {}): ClusterConfig {
  const { config: c, problems } = normalizeConfig(overrides);
  assert.deepEqual(problems, [], 'test config is valid');
  return c;
}

export interface Sent {
  readonly to: NodeId;
  readonly body: MessageBody;
}

/** What a protocol handler did, captured for assertions instead of going through a real queue. */
export class FakeContext implements NodeContext {
  now = 0;
  readonly config: ClusterConfig;
  sent: Sent[] = [];
  /** Armed timers: kind -> delay asked for (relative to `now` when armed). */
  timers = new Map<TimerKind, number>();
  /** Every delay ever asked for, per kind (for the randomized timeout test). */
  delays: Record<TimerKind, number[]> = { election: [], heartbeat: [], wait: [] };
  lastRule: RuleId | null = null;
  active: number;
  private readonly rng: Prng;
  private entryId = 1;

  constructor(readonly id: NodeId, readonly size: number, overrides: Partial<ClusterConfig> = {}) {
    this.config = config({ size, ...overrides });
    this.rng = new Prng(1000 + id);
    this.active = size;
  }

  random(): number {
    return this.rng.next();
  }
  send(to: NodeId, body: MessageBody): void {
    this.sent.push({ to, body });
  }
  setTimer(kind: TimerKind, delay: number): void {
    this.timers.set(kind, delay);
    this.delays[kind].push(delay);
  }
  clearTimer(kind: TimerKind): void {
    this.timers.delete(kind);
  }
  rule(id: RuleId): void {
    this.lastRule = id;
  }
  activeCount(): number {
    return this.active;
  }
  nextEntryId(): number {
    return this.entryId++;
  }

  /** The messages sent since the last call, and forget them. */
  take(): Sent[] {
    const out = this.sent;
    this.sent = [];
    return out;
  }
}

let messageId = 1;

/** A message as the network would deliver it. */
export function message<B extends MessageBody>(from: NodeId, to: NodeId, body: B): Message & B {
  return { id: messageId++, from, to, sentAt: 0, deliverAt: 0, dropped: false, ...body } as Message & B;
}

let entryId = 10_000;

/** A log whose entry i (1-based) has term terms[i - 1], chained as a leader would have built it. */
export function logOfTerms(terms: readonly number[]): LogEntry[] {
  const log: LogEntry[] = [];
  for (const term of terms) {
    const index = log.length + 1;
    log.push({ id: entryId++, index, term, value: `v${index}t${term}`, prevId: index > 1 ? log[index - 2]!.id : 0 });
  }
  return log;
}

/** Runs until `done` holds after a record, failing the test if it never does within `limit` ms. */
export function runUntil(sim: Simulation, done: (r: TraceRecord) => boolean, limit = 60_000, what = 'the condition'): TraceRecord {
  const { stoppedBy } = sim.runUntil(sim.time + limit, done);
  assert.ok(stoppedBy, `${what} within ${limit} simulated ms`);
  return stoppedBy;
}

export function runUntilLeader(sim: Simulation, limit = 60_000): NodeId {
  runUntil(sim, () => sim.leader() !== null, limit, 'a leader');
  return sim.leader()!;
}

/** Collects every record from now until `time`. */
export function recordsUntil(sim: Simulation, time: number): TraceRecord[] {
  const out: TraceRecord[] = [];
  sim.runUntil(time, (r) => {
    out.push(r);
    return false;
  });
  return out;
}

export function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  assert.ok(result.ok, `expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}
