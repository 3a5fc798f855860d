// The discrete-event simulation: one queue of timer firings and message deliveries, applied one at
// a time to pure protocol state machines. Deterministic: config + seed + inputs fix the trace.
import type { ClusterConfig } from './config';
import { EventQueue, type QueuedEvent } from './eventQueue';
import { InvariantChecker, type CheckerSnapshot } from './invariants';
import { groupsOf, partitionFromGroups, reachable, type PartitionMap } from './network';
import { Prng } from './prng';
import type { MutableBrief, NodeContext, Protocol } from './protocol';
import { raft } from './raft';
import type { RuleId } from './rules';
import { simple } from './simple';
import type { Change, NodeBrief, TraceKind, TraceRecord } from './trace';
import type { ClusterView, LogEntry, Message, MessageBody, NodeId, NodeView, ProtocolName, Result, TimerKind, TimerView, Violation } from './types';

const PROTOCOLS: Record<ProtocolName, Protocol<unknown>> = {
  raft: raft as Protocol<unknown>,
  simple: simple as Protocol<unknown>,
};

const TIMER_KINDS: readonly TimerKind[] = ['election', 'heartbeat', 'wait'];

/**
 * One node's timer of one kind. Mutable and re-armed in place: a follower re-arms its election
 * timer on every AppendEntries, so a later deadline only moves `deadline`; the firing already
 * queued pops early and re-queues itself (see discardStale). A clear or an earlier deadline bumps
 * `gen`, which makes the queued firing stale.
 */
interface TimerSlot {
  gen: number;
  armed: boolean;
  start: number;
  deadline: number;
  /** When this generation's firing sits in the queue. */
  queuedAt: number;
  /**
   * Tie-break order taken when the timer was last armed: a re-queued firing keeps it, so its place
   * among same-millisecond events does not depend on when the lazy re-queue happened to run.
   */
  order: number;
}

type NodeTimers = Record<TimerKind, TimerSlot>;

function newTimers(): NodeTimers {
  const slot = (): TimerSlot => ({ gen: 0, armed: false, start: 0, deadline: 0, queuedAt: 0, order: 0 });
  return { election: slot(), heartbeat: slot(), wait: slot() };
}

function copyTimers(t: NodeTimers): NodeTimers {
  return { election: { ...t.election }, heartbeat: { ...t.heartbeat }, wait: { ...t.wait } };
}

export interface SimulationSnapshot {
  readonly config: ClusterConfig;
  readonly now: number;
  readonly seq: number;
  readonly order: number;
  readonly nextMessageId: number;
  readonly nextEntryId: number;
  readonly rng: number;
  readonly states: readonly unknown[];
  readonly timers: readonly NodeTimers[];
  readonly queue: readonly QueuedEvent[];
  readonly partition: PartitionMap;
  readonly active: number;
  readonly down: readonly boolean[];
  readonly checker: CheckerSnapshot;
  readonly messageEvents: number;
}

const NO_CHANGES: readonly Change[] = [];
const NO_MESSAGES: readonly Message[] = [];

export class Simulation {
  readonly config: ClusterConfig;
  private readonly protocol: Protocol<unknown>;
  private states: unknown[];
  private timers: NodeTimers[];
  private queue: EventQueue;
  private readonly rng: Prng;
  private checker: InvariantChecker;
  private partition: PartitionMap = null;
  private now = 0;
  private seq = 0;
  private order = 0;
  private nextMessageId = 1;
  private nextEntryId = 1;
  private active: number;
  /** down[id]: the node is crashed (kept here so delivery needs no protocol call). */
  private down: boolean[];
  /** Sends plus deliveries, the benchmark's unit of work. */
  messageEvents = 0;

  // Per-event scratch, reused so the hot path allocates only what the record keeps.
  private readonly ctx: SimContext;
  private rule: RuleId | null = null;
  private sent: Message[] | null = null;
  private readonly before = emptyBrief();
  private readonly after = emptyBrief();
  private logBefore: readonly LogEntry[] = [];

  constructor(config: ClusterConfig, snapshot?: SimulationSnapshot) {
    this.config = config;
    this.protocol = PROTOCOLS[config.protocol];
    this.ctx = new SimContext(this);
    if (snapshot) {
      this.rng = new Prng(0);
      this.rng.state = snapshot.rng;
      this.now = snapshot.now;
      this.seq = snapshot.seq;
      this.order = snapshot.order;
      this.nextMessageId = snapshot.nextMessageId;
      this.nextEntryId = snapshot.nextEntryId;
      this.states = snapshot.states.map((s) => this.protocol.restore(s));
      this.timers = snapshot.timers.map(copyTimers);
      this.queue = new EventQueue(snapshot.queue);
      this.partition = snapshot.partition;
      this.active = snapshot.active;
      this.down = snapshot.down.slice();
      this.checker = InvariantChecker.restore(config.protocol, snapshot.checker);
      this.messageEvents = snapshot.messageEvents;
      return;
    }
    this.rng = new Prng(config.seed);
    this.queue = new EventQueue();
    this.checker = new InvariantChecker(config.protocol);
    this.active = config.size;
    this.down = new Array<boolean>(config.size).fill(false);
    this.timers = [];
    this.states = [];
    for (let id = 0; id < config.size; id++) {
      this.timers.push(newTimers());
      this.ctx.id = id;
      this.states.push(this.protocol.init(this.ctx));
    }
  }

  get time(): number {
    return this.now;
  }

  /** Sequence number of the last record (the number of records so far). */
  get lastSeq(): number {
    return this.seq;
  }

  get size(): number {
    return this.config.size;
  }

  /** Time of the next event that will apply, or null when nothing is scheduled. */
  nextEventTime(): number | null {
    this.discardStale();
    return this.queue.peek()?.time ?? null;
  }

  /** Applies exactly one event; null when the queue is empty. */
  step(): TraceRecord | null {
    this.discardStale();
    const event = this.queue.pop();
    if (event === undefined) return null;
    this.now = event.time;
    if (event.message !== undefined) return this.deliver(event.message);
    const timer = event.timer!;
    this.timers[event.node]![timer].armed = false;
    this.protocol.onTimer(this.begin(event.node), timer, this.ctx);
    return this.end(event.node, 'timer', timer);
  }

  /**
   * Applies events up to `time` (inclusive), then moves the clock to `time`. Stops early, with the
   * clock at that event, when `stop` accepts a record or after `maxRecords` records.
   */
  runUntil(time: number, stop?: (r: TraceRecord) => boolean, maxRecords = Infinity): { stoppedBy: TraceRecord | null; done: boolean } {
    let count = 0;
    for (;;) {
      const next = this.nextEventTime();
      if (next === null || next > time) {
        if (time > this.now) this.now = time;
        return { stoppedBy: null, done: true };
      }
      if (count >= maxRecords) return { stoppedBy: null, done: false };
      const record = this.step()!;
      count++;
      if (stop?.(record)) return { stoppedBy: record, done: false };
    }
  }

  /** Moves the clock forward without applying anything (inputs happen between events). */
  advanceTo(time: number): void {
    if (time > this.now) this.now = time;
  }

  // ---- inputs -------------------------------------------------------------------------------

  crash(node: NodeId): Result<{ record: TraceRecord }> {
    const bad = this.checkNode(node);
    if (bad) return bad;
    if (this.crashed(node)) return { ok: false, error: `node ${node} is already crashed; recover it first, or crash another node` };
    this.active--;
    this.down[node] = true;
    this.protocol.onCrash(this.begin(node), this.ctx);
    for (const kind of TIMER_KINDS) this.clearTimer(node, kind);
    return { ok: true, record: this.end(node, 'crash') };
  }

  recover(node: NodeId): Result<{ record: TraceRecord }> {
    const bad = this.checkNode(node);
    if (bad) return bad;
    if (!this.crashed(node)) return { ok: false, error: `node ${node} is not crashed, so there is nothing to recover; crash it first` };
    this.active++;
    this.down[node] = false;
    this.protocol.onRecover(this.begin(node), this.ctx);
    return { ok: true, record: this.end(node, 'recover') };
  }

  timeout(node: NodeId): Result<{ record: TraceRecord }> {
    const bad = this.checkNode(node);
    if (bad) return bad;
    if (this.crashed(node)) return { ok: false, error: `node ${node} is crashed and runs no timers; recover it first` };
    const result = this.protocol.onForcedTimeout(this.begin(node), this.ctx);
    // A refused input changed nothing, so it leaves no record.
    return result.ok ? { ok: true, record: this.end(node, 'timeout') } : result;
  }

  request(value: string): Result<{ record: TraceRecord; leader: NodeId; entry: LogEntry }> {
    const command = typeof value === 'string' ? value.trim() : '';
    if (command === '' || command.length > 200 || command.includes('\n') || command.includes('\r')) {
      return { ok: false, error: 'a client request needs a value: one line of text, 1-200 characters (e.g. request x=1)' };
    }
    const onClientRequest = this.protocol.onClientRequest;
    if (!onClientRequest) {
      return { ok: false, error: `the ${this.config.protocol} protocol has no log, so it takes no client requests; start a raft cluster to replicate commands` };
    }
    const leader = this.leader();
    if (leader === null) {
      return { ok: false, error: 'there is no leader right now (an election is under way, or too many nodes are down); run until a leader is elected, then send the request again' };
    }
    const result = onClientRequest(this.begin(leader), command, this.ctx);
    return result.ok ? { ok: true, record: this.end(leader, 'request', undefined, undefined, command), leader, entry: result.entry } : result;
  }

  partitionInto(groups: readonly (readonly NodeId[])[]): Result<{ record: TraceRecord }> {
    const parsed = partitionFromGroups(groups, this.config.size);
    if (!parsed.ok) return parsed;
    this.partition = parsed.partition;
    // @rule net.partition
    return { ok: true, record: this.clusterRecord('partition', 'net.partition', groups.map((g) => g.join(' ')).join(' | ')) };
  }

  heal(): Result<{ record: TraceRecord }> {
    if (this.partition === null) return { ok: false, error: 'the network is not partitioned, so there is nothing to heal' };
    this.partition = null;
    // @rule net.heal
    return { ok: true, record: this.clusterRecord('heal', 'net.heal') };
  }

  drop(messageId: number): Result<{ record: TraceRecord }> {
    const removed = this.queue.remove((e) => e.message?.id === messageId);
    if (removed === undefined) {
      return { ok: false, error: `message ${messageId} is not in flight (it was delivered or lost already, or never existed); pick one of the messages in flight` };
    }
    const message = removed.message!;
    // @rule net.drop
    return { ok: true, record: this.record(message.to, 'drop', 'net.drop', NO_CHANGES, NO_MESSAGES, undefined, message) };
  }

  // ---- views --------------------------------------------------------------------------------

  /** The live leader of the highest term (the one a client would reach), if any. */
  leader(): NodeId | null {
    let best: NodeId | null = null;
    let bestTerm = -1;
    for (let id = 0; id < this.config.size; id++) {
      const b = this.protocol.readBrief(this.states[id], this.after);
      if (b.role === 'leader' && (b.currentTerm ?? 0) > bestTerm) {
        best = id;
        bestTerm = b.currentTerm ?? 0;
      }
    }
    return best;
  }

  brief(node: NodeId): NodeBrief {
    return this.protocol.readBrief(this.states[node], emptyBrief());
  }

  nodeView(node: NodeId): NodeView {
    const t = this.timers[node]!;
    const timers: TimerView[] = [];
    for (const kind of TIMER_KINDS) {
      const slot = t[kind];
      if (slot.armed) timers.push({ kind, start: slot.start, deadline: slot.deadline });
    }
    return { ...this.protocol.view(this.states[node], node), timers };
  }

  messagesInFlight(): Message[] {
    const out: Message[] = [];
    for (const e of this.queue.items()) if (e.message) out.push(e.message);
    return out.sort((a, b) => a.id - b.id);
  }

  view(): ClusterView {
    const nodes: NodeView[] = [];
    for (let id = 0; id < this.config.size; id++) nodes.push(this.nodeView(id));
    return {
      protocol: this.config.protocol,
      seed: this.config.seed,
      time: this.now,
      seq: this.seq,
      nodes,
      messages: this.messagesInFlight(),
      partitions: groupsOf(this.partition),
      violations: this.checker.violations.slice(),
    };
  }

  violations(): readonly Violation[] {
    return this.checker.violations;
  }

  snapshot(): SimulationSnapshot {
    return {
      config: this.config,
      now: this.now,
      seq: this.seq,
      order: this.order,
      nextMessageId: this.nextMessageId,
      nextEntryId: this.nextEntryId,
      rng: this.rng.state,
      states: this.states.map((s) => this.protocol.snapshot(s)),
      timers: this.timers.map(copyTimers),
      queue: this.queue.items().slice(),
      partition: this.partition,
      active: this.active,
      down: this.down.slice(),
      checker: this.checker.snapshot(),
      messageEvents: this.messageEvents,
    };
  }

  static restore(snapshot: SimulationSnapshot): Simulation {
    return new Simulation(snapshot.config, snapshot);
  }

  // ---- internals ----------------------------------------------------------------------------

  private crashed(node: NodeId): boolean {
    return this.down[node]!;
  }

  private checkNode(node: NodeId): { ok: false; error: string } | null {
    if (Number.isInteger(node) && node >= 0 && node < this.config.size) return null;
    return { ok: false, error: `node ${node} does not exist: the cluster has nodes 0-${this.config.size - 1}` };
  }

  private deliver(m: Message): TraceRecord {
    this.messageEvents++;
    // @rule net.lost.random
    if (m.dropped) return this.record(m.to, 'lost', 'net.lost.random', NO_CHANGES, NO_MESSAGES, undefined, m);
    // @rule net.lost.partition
    if (!reachable(this.partition, m.from, m.to)) return this.record(m.to, 'lost', 'net.lost.partition', NO_CHANGES, NO_MESSAGES, undefined, m);
    // @rule net.lost.crashed
    if (this.down[m.to]) return this.record(m.to, 'lost', 'net.lost.crashed', NO_CHANGES, NO_MESSAGES, undefined, m);
    this.protocol.onMessage(this.begin(m.to), m, this.ctx);
    return this.end(m.to, 'deliver', undefined, m);
  }

  /** Starts an event at one node: notes what the record will compare against. Pair with `end`. */
  private begin(node: NodeId): unknown {
    const state = this.states[node];
    this.protocol.readBrief(state, this.before);
    this.logBefore = this.protocol.logOf(state);
    this.rule = null;
    this.sent = null;
    this.ctx.id = node;
    return state;
  }

  /** Turns what the handler did at `node` into a record, checking the invariants on the way. */
  private end(node: NodeId, kind: TraceKind, timer?: TimerKind, message?: Message, detail?: string): TraceRecord {
    const state = this.states[node];
    const after = this.protocol.readBrief(state, this.after);
    const changes = diff(this.before, after);
    const violation = this.checker.check(node, this.before, this.logBefore, after, this.protocol.logOf(state), this.seq + 1, this.now);
    // @rule sim.ignored
    const rule = this.rule ?? 'sim.ignored';
    return this.record(node, kind, rule, changes, this.sent ?? NO_MESSAGES, timer, message, detail, violation);
  }

  private clusterRecord(kind: TraceKind, rule: RuleId, detail?: string): TraceRecord {
    return this.record(-1, kind, rule, NO_CHANGES, NO_MESSAGES, undefined, undefined, detail);
  }

  private record(
    node: NodeId,
    kind: TraceKind,
    rule: RuleId,
    changes: readonly Change[],
    sent: readonly Message[],
    timer?: TimerKind,
    message?: Message,
    detail?: string,
    violation?: Violation,
  ): TraceRecord {
    this.seq++;
    // Every field always present: one object shape for all records keeps V8 on its fast path.
    return { seq: this.seq, time: this.now, node, kind, rule, timer, message, changes, sent, detail, violation };
  }

  /** Pops queued timer firings that are not events: cancelled ones, and ones re-armed for later. */
  private discardStale(): void {
    for (;;) {
      const top = this.queue.peek();
      if (top === undefined || top.message !== undefined) return;
      const slot = this.timers[top.node]![top.timer!];
      if (slot.gen === top.gen && slot.deadline <= top.time) return;
      this.queue.pop();
      if (slot.gen === top.gen) {
        slot.queuedAt = slot.deadline;
        this.queue.push({ time: slot.deadline, order: slot.order, node: top.node, timer: top.timer!, gen: slot.gen });
      }
    }
  }

  // ---- what the context does for a protocol ---------------------------------------------------

  /** @internal */ sendFrom(from: NodeId, to: NodeId, body: MessageBody): void {
    const c = this.config;
    const deliverAt = this.now + this.rng.int(c.latencyMin, c.latencyMax);
    // Object.assign onto a fixed header measures ~10x faster here than spreading the (polymorphic) body.
    const message = Object.assign({ id: this.nextMessageId++, from, to, sentAt: this.now, deliverAt, dropped: this.rng.chance(c.dropRate) }, body) as Message;
    this.enqueue(message);
    if (this.rng.chance(c.duplicateRate)) {
      const copyAt = this.now + this.rng.int(c.latencyMin, c.latencyMax);
      // The copy takes its own path through the network: its own delay and its own chance of loss.
      this.enqueue(Object.assign({}, message, { id: this.nextMessageId++, deliverAt: copyAt, dropped: this.rng.chance(c.dropRate), duplicateOf: message.id }));
    }
  }

  private enqueue(message: Message): void {
    this.messageEvents++;
    (this.sent ??= []).push(message);
    this.queue.push({ time: message.deliverAt, order: this.order++, node: message.to, message });
  }

  /** @internal */ setTimer(node: NodeId, kind: TimerKind, delay: number): void {
    const slot = this.timers[node]![kind];
    const deadline = this.now + Math.max(0, delay);
    slot.start = this.now;
    slot.deadline = deadline;
    slot.order = this.order++;
    if (slot.armed && slot.queuedAt <= deadline) return; // the queued firing re-queues itself
    slot.gen++;
    slot.armed = true;
    slot.queuedAt = deadline;
    this.queue.push({ time: deadline, order: slot.order, node, timer: kind, gen: slot.gen });
  }

  /** @internal */ clearTimer(node: NodeId, kind: TimerKind): void {
    const slot = this.timers[node]![kind];
    slot.gen++;
    slot.armed = false;
  }

  /** @internal */ setRule(rule: RuleId): void {
    this.rule = rule;
  }

  /** @internal */ random(): number {
    return this.rng.next();
  }

  /** @internal */ activeCount(): number {
    return this.active;
  }

  /** @internal */ newEntryId(): number {
    return this.nextEntryId++;
  }

  /** @internal */ currentTime(): number {
    return this.now;
  }
}

/** The one context object a simulation hands its protocol; `id` is set per event. */
class SimContext implements NodeContext {
  id = 0;
  readonly size: number;
  readonly config: ClusterConfig;

  constructor(private readonly sim: Simulation) {
    this.size = sim.config.size;
    this.config = sim.config;
  }

  get now(): number {
    return this.sim.currentTime();
  }

  random(): number {
    return this.sim.random();
  }

  send(to: NodeId, body: MessageBody): void {
    this.sim.sendFrom(this.id, to, body);
  }

  setTimer(kind: TimerKind, delay: number): void {
    this.sim.setTimer(this.id, kind, delay);
  }

  clearTimer(kind: TimerKind): void {
    this.sim.clearTimer(this.id, kind);
  }

  rule(id: RuleId): void {
    this.sim.setRule(id);
  }

  activeCount(): number {
    return this.sim.activeCount();
  }

  nextEntryId(): number {
    return this.sim.newEntryId();
  }
}

function emptyBrief(): MutableBrief {
  return { role: 'follower', currentTerm: null, votedFor: null, leader: null, logLength: 0, commitIndex: 0 };
}

/** Unrolled on purpose: a loop over field names is a megamorphic keyed load on every event. */
function diff(b: NodeBrief, a: NodeBrief): readonly Change[] {
  let changes: Change[] | null = null;
  if (b.role !== a.role) (changes ??= []).push({ field: 'role', before: b.role, after: a.role });
  if (b.currentTerm !== a.currentTerm) (changes ??= []).push({ field: 'currentTerm', before: b.currentTerm, after: a.currentTerm });
  if (b.votedFor !== a.votedFor) (changes ??= []).push({ field: 'votedFor', before: b.votedFor, after: a.votedFor });
  if (b.leader !== a.leader) (changes ??= []).push({ field: 'leader', before: b.leader, after: a.leader });
  if (b.logLength !== a.logLength) (changes ??= []).push({ field: 'logLength', before: b.logLength, after: a.logLength });
  if (b.commitIndex !== a.commitIndex) (changes ??= []).push({ field: 'commitIndex', before: b.commitIndex, after: a.commitIndex });
  return changes ?? NO_CHANGES;
}
