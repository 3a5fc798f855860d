// Validators for both directions of the host <-> webview channel. Each returns the message, typed, or
// `{ error }` naming the first thing that was wrong, so the receiver can log and drop it. They never
// throw, whatever they are given (cycles, getters that throw, huge arrays), and they check the
// cross-references the renderer relies on (message endpoints and votes name existing nodes).
import {
  MAX_SPEED,
  MIN_SPEED,
  type ClusterSnapshot,
  type HostMessage,
  type WebviewMessage,
} from './messages';

export type Parsed<T> = T | { readonly error: string };

/** Bounds that keep a hostile or corrupt message from costing the receiver much. */
export const WIRE_LIMITS = {
  nodes: 101,
  messages: 10_000,
  events: 200,
  violations: 1_000,
  logEntries: 100_000,
  text: 10_000,
  extraFields: 64,
} as const;

const ROLES = ['follower', 'candidate', 'leader', 'crashed'] as const;
const KINDS = ['RequestVote', 'RequestVoteReply', 'AppendEntries', 'AppendEntriesReply', 'heartbeat', 'candidacy', 'vote'] as const;
const RAFT_KINDS: readonly string[] = ['RequestVote', 'RequestVoteReply', 'AppendEntries', 'AppendEntriesReply'];
const TIMER_KINDS = ['election', 'heartbeat', 'wait'] as const;
const PROTOCOLS = ['raft', 'simple'] as const;
const COMMANDS = ['start', 'pause', 'resume', 'step', 'stepBack', 'runUntilLeader', 'heal'] as const;
const NODE_COMMANDS = ['crash', 'recover', 'timeout', 'request'] as const;

/** Thrown only inside this module and always caught by the two entry points. */
class Invalid extends Error {}

type Obj = Record<string, unknown>;

function fail(path: string, what: string, value: unknown): never {
  throw new Invalid(`${path} must be ${what}, not ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'missing';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

function obj(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  return value as Obj;
}

function onlyKeys(o: Obj, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new Invalid(`${path} has an unknown field ${JSON.stringify(key.slice(0, 40))}`);
  }
}

function num(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a finite number', value);
  return value;
}

function int(value: unknown, path: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) fail(path, `an integer >= ${min}`, value);
  return value;
}

function intOrNull(value: unknown, path: string, min = 0): number | null {
  return value === null ? null : int(value, path, min);
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length > WIRE_LIMITS.text) fail(path, `a string of at most ${WIRE_LIMITS.text} characters`, value);
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) fail(path, `one of ${options.join(', ')}`, value);
  return value as T;
}

function arr(value: unknown, path: string, max: number): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array', value);
  if (value.length > max) fail(path, `an array of at most ${max}`, value);
  // A structured clone keeps holes, and forEach/map would skip them silently.
  for (let i = 0; i < value.length; i++) if (!(i in value)) throw new Invalid(`${path}[${i}] is missing (the array has a hole)`);
  return value;
}

/** Simulated milliseconds: finite and not negative. */
function time(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(path, 'a time in ms (a finite number >= 0)', value);
  return value;
}

function positive(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(path, 'a number above 0', value);
  return value;
}

function nodeRef(value: unknown, path: string, ids: ReadonlySet<number>): number {
  const id = int(value, path);
  if (!ids.has(id)) throw new Invalid(`${path} names node ${id}, which is not in the snapshot`);
  return id;
}

function validateSnapshot(value: unknown, path: string): ClusterSnapshot {
  const s = obj(value, path);
  oneOf(s.protocol, `${path}.protocol`, PROTOCOLS);
  int(s.seed, `${path}.seed`);
  time(s.time, `${path}.time`);
  int(s.seq, `${path}.seq`);
  positive(s.electionTimeoutMax, `${path}.electionTimeoutMax`);
  positive(s.heartbeatInterval, `${path}.heartbeatInterval`);

  const nodes = arr(s.nodes, `${path}.nodes`, WIRE_LIMITS.nodes);
  const ids = new Set<number>();
  nodes.forEach((n, i) => {
    const id = int(obj(n, `${path}.nodes[${i}]`).id, `${path}.nodes[${i}].id`);
    if (ids.has(id)) throw new Invalid(`${path}.nodes[${i}].id repeats node ${id}`);
    ids.add(id);
  });
  nodes.forEach((n, i) => validateNode(n as Obj, `${path}.nodes[${i}]`, ids));

  arr(s.messages, `${path}.messages`, WIRE_LIMITS.messages).forEach((m, i) => validateMessage(m, `${path}.messages[${i}]`, ids));

  if (s.partitions !== null) {
    const seen = new Set<number>();
    arr(s.partitions, `${path}.partitions`, WIRE_LIMITS.nodes).forEach((g, i) => {
      arr(g, `${path}.partitions[${i}]`, WIRE_LIMITS.nodes).forEach((id, j) => {
        const p = `${path}.partitions[${i}][${j}]`;
        const node = nodeRef(id, p, ids);
        if (seen.has(node)) throw new Invalid(`${p} puts node ${node} in a second group`);
        seen.add(node);
      });
    });
  }

  arr(s.violations, `${path}.violations`, WIRE_LIMITS.violations).forEach((v, i) => {
    const p = `${path}.violations[${i}]`;
    const o = obj(v, p);
    str(o.invariant, `${p}.invariant`);
    time(o.time, `${p}.time`);
    int(o.seq, `${p}.seq`);
    str(o.message, `${p}.message`);
    arr(o.nodes, `${p}.nodes`, WIRE_LIMITS.nodes).forEach((id, j) => int(id, `${p}.nodes[${j}]`));
  });

  arr(s.events, `${path}.events`, WIRE_LIMITS.events).forEach((e, i) => {
    const p = `${path}.events[${i}]`;
    const o = obj(e, p);
    int(o.seq, `${p}.seq`);
    time(o.time, `${p}.time`);
    int(o.node, `${p}.node`, -1);
    str(o.kind, `${p}.kind`);
    str(o.rule, `${p}.rule`);
    str(o.text, `${p}.text`);
  });

  const session = obj(s.session, `${path}.session`);
  bool(session.paused, `${path}.session.paused`);
  positive(session.speed, `${path}.session.speed`);
  if (session.achievedSpeed !== null) time(session.achievedSpeed, `${path}.session.achievedSpeed`);
  const headSeq = int(session.headSeq, `${path}.session.headSeq`);
  time(session.headTime, `${path}.session.headTime`);
  if (headSeq < (s.seq as number)) throw new Invalid(`${path}.session.headSeq (${headSeq}) is before ${path}.seq (${String(s.seq)})`);
  return s as unknown as ClusterSnapshot;
}

function validateNode(n: Obj, p: string, ids: ReadonlySet<number>): void {
  oneOf(n.role, `${p}.role`, ROLES);
  intOrNull(n.currentTerm, `${p}.currentTerm`);
  if (n.votedFor !== null) nodeRef(n.votedFor, `${p}.votedFor`, ids);
  if (n.leader !== null) nodeRef(n.leader, `${p}.leader`, ids);
  const log = arr(n.log, `${p}.log`, WIRE_LIMITS.logEntries);
  log.forEach((e, i) => {
    const o = obj(e, `${p}.log[${i}]`);
    int(o.id, `${p}.log[${i}].id`);
    int(o.term, `${p}.log[${i}].term`);
    str(o.value, `${p}.log[${i}].value`);
  });
  const commitIndex = int(n.commitIndex, `${p}.commitIndex`);
  if (commitIndex > log.length) throw new Invalid(`${p}.commitIndex (${commitIndex}) is past the end of its log (${log.length})`);
  int(n.lastApplied, `${p}.lastApplied`);
  for (const field of ['nextIndex', 'matchIndex'] as const) {
    if (n[field] === null) continue;
    const values = arr(n[field], `${p}.${field}`, WIRE_LIMITS.nodes);
    values.forEach((v, i) => int(v, `${p}.${field}[${i}]`));
  }
  arr(n.votesReceived, `${p}.votesReceived`, WIRE_LIMITS.nodes).forEach((v, i) => nodeRef(v, `${p}.votesReceived[${i}]`, ids));
  arr(n.timers, `${p}.timers`, TIMER_KINDS.length).forEach((t, i) => {
    const o = obj(t, `${p}.timers[${i}]`);
    oneOf(o.kind, `${p}.timers[${i}].kind`, TIMER_KINDS);
    const start = time(o.start, `${p}.timers[${i}].start`);
    if (time(o.deadline, `${p}.timers[${i}].deadline`) < start) fail(`${p}.timers[${i}].deadline`, `at or after its start (${start})`, o.deadline);
  });
  int(n.inbox, `${p}.inbox`);
  const extra = obj(n.extra, `${p}.extra`);
  const keys = Object.keys(extra);
  if (keys.length > WIRE_LIMITS.extraFields) fail(`${p}.extra`, `at most ${WIRE_LIMITS.extraFields} fields`, extra);
  for (const key of keys) {
    const v = extra[key];
    if (v !== null && typeof v !== 'boolean' && typeof v !== 'number') str(v, `${p}.extra.${key.slice(0, 40)}`);
    if (typeof v === 'number') num(v, `${p}.extra.${key.slice(0, 40)}`);
  }
}

function validateMessage(m: unknown, p: string, ids: ReadonlySet<number>): void {
  const o = obj(m, p);
  int(o.id, `${p}.id`);
  nodeRef(o.from, `${p}.from`, ids);
  nodeRef(o.to, `${p}.to`, ids);
  const kind = oneOf(o.kind, `${p}.kind`, KINDS);
  const sentAt = time(o.sentAt, `${p}.sentAt`);
  if (time(o.deliverAt, `${p}.deliverAt`) < sentAt) fail(`${p}.deliverAt`, `at or after sentAt (${sentAt})`, o.deliverAt);
  // The fields must fit the kind: the renderer draws replies by `granted` and raft kinds by `term`.
  if (RAFT_KINDS.includes(kind)) int(o.term, `${p}.term`);
  else if (o.term !== null) fail(`${p}.term`, `null for a ${kind} message (simple has no terms)`, o.term);
  if (kind.endsWith('Reply')) bool(o.granted, `${p}.granted`);
  else if (o.granted !== null) fail(`${p}.granted`, `null for a ${kind} (only replies grant or refuse)`, o.granted);
  if (int(o.entries, `${p}.entries`) > 0 && kind !== 'AppendEntries') fail(`${p}.entries`, `0 for a ${kind} (only AppendEntries carries entries)`, o.entries);
  str(o.summary, `${p}.summary`);
  bool(o.dropped, `${p}.dropped`);
}

function guarded<T>(run: () => T): Parsed<T> {
  try {
    return run();
  } catch (e) {
    // Anything else (a throwing getter, a stack overflow) is reported the same way: never rethrown.
    if (e instanceof Invalid) return { error: e.message };
    return { error: `message could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function isParseError<T>(result: Parsed<T>): result is { readonly error: string } {
  return typeof result === 'object' && result !== null && 'error' in result && !('type' in result);
}

/** Host -> webview. */
export function parseHostMessage(x: unknown): Parsed<HostMessage> {
  return guarded((): HostMessage => {
    const o = obj(x, 'message');
    const type = oneOf(o.type, 'message.type', ['snapshot', 'noCluster', 'selectEvent'] as const);
    switch (type) {
      case 'snapshot':
        onlyKeys(o, 'message', ['type', 'snapshot']);
        return { type, snapshot: validateSnapshot(o.snapshot, 'snapshot') };
      case 'noCluster':
        onlyKeys(o, 'message', ['type']);
        return { type };
      case 'selectEvent':
        onlyKeys(o, 'message', ['type', 'seq']);
        return { type, seq: int(o.seq, 'message.seq') };
    }
  });
}

/** Webview -> host. The webview is treated as untrusted: every field is checked, unknown ones refused. */
export function parseWebviewMessage(x: unknown): Parsed<WebviewMessage> {
  return guarded((): WebviewMessage => {
    const o = obj(x, 'message');
    const type = oneOf(o.type, 'message.type', ['ready', 'command', 'nodeCommand', 'setSpeed', 'seek', 'drop', 'partition', 'showCode'] as const);
    switch (type) {
      case 'ready':
        onlyKeys(o, 'message', ['type']);
        return { type };
      case 'command':
        onlyKeys(o, 'message', ['type', 'command']);
        return { type, command: oneOf(o.command, 'message.command', COMMANDS) };
      case 'nodeCommand':
        onlyKeys(o, 'message', ['type', 'command', 'node']);
        return { type, command: oneOf(o.command, 'message.command', NODE_COMMANDS), node: int(o.node, 'message.node') };
      case 'setSpeed': {
        onlyKeys(o, 'message', ['type', 'speed']);
        const speed = num(o.speed, 'message.speed');
        if (speed < MIN_SPEED || speed > MAX_SPEED) fail('message.speed', `between ${MIN_SPEED} and ${MAX_SPEED}`, speed);
        return { type, speed };
      }
      case 'seek':
        onlyKeys(o, 'message', ['type', 'seq']);
        return { type, seq: int(o.seq, 'message.seq') };
      case 'drop':
        onlyKeys(o, 'message', ['type', 'message']);
        return { type, message: int(o.message, 'message.message') };
      case 'partition': {
        onlyKeys(o, 'message', ['type', 'groups']);
        const seen = new Set<number>();
        const groups = arr(o.groups, 'message.groups', WIRE_LIMITS.nodes).map((g, i) => {
          const group = arr(g, `message.groups[${i}]`, WIRE_LIMITS.nodes).map((id, j) => {
            const node = int(id, `message.groups[${i}][${j}]`);
            if (seen.has(node)) throw new Invalid(`message.groups[${i}][${j}] puts node ${node} in a second group`);
            seen.add(node);
            return node;
          });
          if (group.length === 0) throw new Invalid(`message.groups[${i}] is empty: every group needs at least one node`);
          return group;
        });
        if (groups.length < 2) fail('message.groups', 'at least 2 groups (use heal to join the network)', o.groups);
        return { type, groups };
      }
      case 'showCode':
        onlyKeys(o, 'message', ['type', 'seq']);
        return { type, seq: int(o.seq, 'message.seq') };
    }
  });
}
