import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isParseError, parseHostMessage, parseWebviewMessage, WIRE_LIMITS } from '../../src/protocol/validate';
import { clone, realSnapshot, VALID_WEBVIEW_MESSAGES, validHostMessages } from './protocolFixtures';

type Json = Record<string, unknown>;

function error(result: unknown): string {
  assert.ok(isParseError(result as never), `expected an error, got ${JSON.stringify(result)?.slice(0, 200)}`);
  return (result as { error: string }).error;
}

describe('protocol validators: valid messages', () => {
  it('accept every host message the session really sends, unchanged', () => {
    for (const message of validHostMessages()) {
      const wire = clone(message);
      const parsed = parseHostMessage(wire);
      assert.ok(!isParseError(parsed), JSON.stringify(parsed).slice(0, 300));
      assert.deepEqual(parsed, wire);
    }
  });

  it('accept every kind of webview message', () => {
    for (const message of VALID_WEBVIEW_MESSAGES) assert.deepEqual(parseWebviewMessage(clone(message)), message);
  });
});

describe('protocol validators: malformed messages say what is wrong', () => {
  const snapshot = (): Json => clone(realSnapshot('raft')) as unknown as Json;
  const host = (s: Json): unknown => ({ type: 'snapshot', snapshot: s });

  it('names the field and the value', () => {
    const s = snapshot();
    (s.nodes as Json[])[1]!.role = 'boss';
    assert.match(error(parseHostMessage(host(s))), /snapshot\.nodes\[1\]\.role must be one of follower, candidate, leader, crashed, not "boss"/);
    assert.match(error(parseWebviewMessage({ type: 'setSpeed', speed: 1000 })), /message\.speed must be between 0\.001 and 100, not 1000/);
    assert.match(error(parseWebviewMessage({ type: 'launch' })), /message\.type must be one of ready, command/);
    assert.match(error(parseWebviewMessage(null)), /message must be an object, not null/);
  });

  it('refuses references to nodes the snapshot does not have', () => {
    const s = snapshot();
    (s.messages as Json[]).push({ ...(s.messages as Json[])[0], id: 999, to: 42 });
    assert.match(error(parseHostMessage(host(s))), /to names node 42, which is not in the snapshot/);
    const t = snapshot();
    (t.nodes as Json[])[0]!.votesReceived = [7];
    assert.match(error(parseHostMessage(host(t))), /votesReceived\[0\] names node 7/);
  });

  it('refuses inconsistent values the renderer would trip on', () => {
    const s = snapshot();
    (s.nodes as Json[])[0]!.commitIndex = 99;
    assert.match(error(parseHostMessage(host(s))), /commitIndex \(99\) is past the end of its log/);
    const t = snapshot();
    t.partitions = [[0, 1], [1, 2, 3, 4]];
    assert.match(error(parseHostMessage(host(t))), /puts node 1 in a second group/);
    const u = snapshot();
    (u.nodes as Json[])[1]!.id = (u.nodes as Json[])[0]!.id;
    assert.match(error(parseHostMessage(host(u))), /repeats node/);
    const v = snapshot();
    (v.session as Json).headSeq = 0;
    (v as Json).seq = 5;
    assert.match(error(parseHostMessage(host(v))), /headSeq \(0\) is before snapshot\.seq/);
  });

  it('refuses message fields that do not fit the kind', () => {
    const s = snapshot();
    const m = (s.messages as Json[])[0]!;
    const reply = m.kind === 'RequestVoteReply' || m.kind === 'AppendEntriesReply';
    m.granted = reply ? null : true;
    assert.match(error(parseHostMessage(host(s))), reply ? /granted must be true or false/ : /granted must be null for a/);
    const t = snapshot();
    Object.assign((t.messages as Json[])[0]!, { kind: 'heartbeat', term: 3, granted: null, entries: 0 });
    assert.match(error(parseHostMessage(host(t))), /term must be null for a heartbeat message/);
    const u = snapshot();
    Object.assign((u.messages as Json[])[0]!, { kind: 'RequestVote', term: 3, granted: null, entries: 2 });
    assert.match(error(parseHostMessage(host(u))), /entries must be 0 for a RequestVote/);
  });

  it('refuses partitions that are not a split of the cluster into groups', () => {
    assert.match(error(parseWebviewMessage({ type: 'partition', groups: [[0, 1, 2]] })), /at least 2 groups/);
    assert.match(error(parseWebviewMessage({ type: 'partition', groups: [[0], []] })), /groups\[1\] is empty/);
    assert.match(error(parseWebviewMessage({ type: 'partition', groups: [[0, 1], [1]] })), /puts node 1 in a second group/);
  });

  it('refuses unknown fields on webview messages and oversized arrays', () => {
    assert.match(error(parseWebviewMessage({ type: 'ready', extra: 1 })), /unknown field "extra"/);
    const s = snapshot();
    s.events = Array.from({ length: WIRE_LIMITS.events + 1 }, () => (s.events as Json[])[0]);
    assert.match(error(parseHostMessage(host(s))), /snapshot\.events must be an array of at most 200/);
  });

  it('never throws on hostile objects: throwing getters, cycles, proxies', () => {
    const getter = { get type(): string { throw new Error('boom'); } };
    assert.match(error(parseWebviewMessage(getter)), /could not be read: boom/);
    const cyclic: Json = { type: 'snapshot' };
    cyclic.snapshot = cyclic;
    assert.ok(isParseError(parseHostMessage(cyclic)));
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); }, get: () => 'ready' });
    assert.ok(isParseError(parseWebviewMessage(proxy)));
  });
});

/** Ways to break a valid message: each returns a copy that must be refused. */
const BREAKERS: readonly ((o: Json, key: string) => void)[] = [
  (o, k) => delete o[k],
  (o, k) => (o[k] = null),
  (o, k) => (o[k] = 'nonsense'),
  (o, k) => (o[k] = Number.NaN),
  (o, k) => (o[k] = -1.5),
  (o, k) => (o[k] = { nested: true }),
  (o, k) => (o[k] = [1, 'two', null]),
  (o, k) => (o[k] = Number.POSITIVE_INFINITY),
];

/** Every (object, key) pair inside a value, so a breaker can hit any depth. */
function slots(value: unknown, out: [Json, string][] = []): [Json, string][] {
  if (typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value)) {
    out.push([value as Json, key]);
    slots((value as Json)[key], out);
  }
  return out;
}

/** Fields the wire types allow to be null, and free-text fields any string may fill. */
const NULLABLE = new Set(['granted', 'votedFor', 'leader', 'currentTerm', 'term', 'nextIndex', 'matchIndex', 'partitions', 'achievedSpeed']);
const FREE_TEXT = new Set(['text', 'summary', 'message', 'invariant', 'rule', 'value']);
/** Each node's `extra` record: protocol fields whose values may be any string, number, boolean or null. */
const extras = new WeakSet<object>();

/** Every field name of the wire types in messages.ts; others (the core's prevId on log entries) are ignored. */
const WIRE_FIELDS = new Set([
  'type', 'snapshot', 'seq', 'protocol', 'seed', 'time', 'nodes', 'messages', 'partitions', 'violations', 'events', 'session',
  'electionTimeoutMax', 'heartbeatInterval', 'id', 'role', 'currentTerm', 'votedFor', 'leader', 'log', 'commitIndex', 'lastApplied',
  'nextIndex', 'matchIndex', 'votesReceived', 'timers', 'inbox', 'extra', 'term', 'value', 'kind', 'start', 'deadline', 'from', 'to',
  'sentAt', 'deliverAt', 'granted', 'entries', 'summary', 'invariant', 'message', 'node', 'rule', 'text', 'paused', 'speed',
  'achievedSpeed', 'headSeq', 'headTime',
]);

/** The oracle: did breaking `key` of `target` still leave a message the wire types allow? */
function stillValid(target: Json, key: string, broken: unknown): boolean {
  if (!Array.isArray(target) && !extras.has(target) && !WIRE_FIELDS.has(key)) return true;
  const primitive = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  if (extras.has(target)) return broken === undefined || primitive(broken);
  if (key === 'extra') return typeof broken === 'object' && broken !== null && !Array.isArray(broken) && Object.values(broken).every(primitive);
  if (broken === null) return NULLABLE.has(key);
  // An event's kind is a free word; a message's kind is one of the wire kinds.
  if (typeof broken === 'string') return FREE_TEXT.has(key) || (key === 'kind' && 'text' in target);
  return false;
}

describe('protocol validators: fuzz (1,000 random and malformed messages each way)', () => {
  const hostSamples = validHostMessages();

  it('host -> webview: nothing throws, every malformed message is refused', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(hostSamples.length - 1), fc.nat(), fc.nat(BREAKERS.length - 1), fc.anything(), fc.boolean(), (which, where, how, junk, useJunk) => {
        if (useJunk) {
          // Arbitrary values: must not throw; anything accepted must really be a host message.
          const r = parseHostMessage(junk);
          if (!isParseError(r)) assert.ok(['noCluster', 'selectEvent', 'snapshot'].includes(r.type));
          return;
        }
        const message = clone(hostSamples[which]!) as unknown as Json;
        for (const n of (message.snapshot as Json | undefined)?.nodes as Json[] | undefined ?? []) extras.add(n.extra as object);
        const all = slots(message);
        const [target, key] = all[where % all.length]!;
        const before = JSON.stringify(target[key]);
        BREAKERS[how]!(target, key);
        if (JSON.stringify(target[key]) === before) return;
        if (stillValid(target, key, target[key])) return;
        const r = parseHostMessage(message);
        assert.ok(isParseError(r), `accepted a message with ${key} broken to ${JSON.stringify(target[key])}`);
        refused++;
      }),
      { numRuns: 1000, seed: 20261204 },
    );
    assert.ok(refused > 300, `only ${refused} malformed messages were generated`);
  });

  it('webview -> host: nothing throws, every malformed message is refused', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(VALID_WEBVIEW_MESSAGES.length - 1), fc.nat(), fc.nat(BREAKERS.length - 1), fc.anything(), fc.boolean(), (which, where, how, junk, useJunk) => {
        if (useJunk) {
          const r = parseWebviewMessage(junk);
          // fc.anything() can produce { type: 'ready' } by chance; anything else must be refused.
          if (!isParseError(r)) assert.deepEqual(r, { type: 'ready' });
          return;
        }
        const message = clone(VALID_WEBVIEW_MESSAGES[which]!) as unknown as Json;
        const all = slots(message);
        const [target, key] = all[where % all.length]!;
        const before = JSON.stringify(target[key]);
        BREAKERS[how]!(target, key);
        if (JSON.stringify(target[key]) === before) return;
        const r = parseWebviewMessage(message);
        assert.ok(isParseError(r), `accepted ${JSON.stringify(message)}`);
        refused++;
      }),
      { numRuns: 1000, seed: 20261204 },
    );
    assert.ok(refused > 300, `only ${refused} malformed messages were generated`);
  });
});
