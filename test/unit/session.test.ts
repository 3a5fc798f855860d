import * as assert from 'node:assert/strict';
import { normalizeConfig, type ClusterConfig } from '../../src/core';
import { parsePersisted } from '../../src/session/persistence';
import { NO_CLUSTER, Session } from '../../src/session/session';
import { FakeScheduler } from './sessionFakes';
import { coreHistories } from '../../src/session/coreHistories';

function config(size: number, protocol: 'raft' | 'simple' = 'raft', seed = 7): ClusterConfig {
  return normalizeConfig({ size, protocol, seed }).config;
}

function newSession(clock = new FakeScheduler()): { session: Session; clock: FakeScheduler } {
  return { session: new Session({ scheduler: clock, histories: coreHistories }), clock };
}

/** Runs the fake wall clock until the cluster has a leader (bounded). */
function untilLeader(session: Session, clock: FakeScheduler): number {
  for (let i = 0; i < 200; i++) {
    const leader = session.timeline!.leader();
    if (leader !== null) return leader;
    clock.advance(100);
  }
  throw new Error('no leader within 20 s');
}

describe('Session', () => {
  it('runs in real time and elects one leader in 3 and 5 node clusters', () => {
    for (const size of [3, 5]) {
      const { session, clock } = newSession();
      session.start(config(size));
      clock.advance(1000);
      assert.ok(Math.abs(session.timeline!.time - 1000) <= 20, `1 s of wall time ran ${session.timeline!.time} simulated ms`);
      untilLeader(session, clock);
      clock.advance(2000);
      const leaders = session.view()!.nodes.filter((n) => n.role === 'leader');
      assert.equal(leaders.length, 1, `${size} nodes: one leader`);
      session.dispose();
    }
  });

  it('pause holds time still; resume continues', () => {
    const { session, clock } = newSession();
    session.start(config(5));
    clock.advance(2000);
    assert.equal(session.pause().ok, true);
    const { time, seq } = session.timeline!;
    clock.advance(5000);
    assert.equal(session.timeline!.time, time);
    assert.equal(session.timeline!.seq, seq);
    session.resume();
    clock.advance(500);
    assert.ok(session.timeline!.time > time);
  });

  it('step applies exactly one record and stepBack undoes it', () => {
    const { session, clock } = newSession();
    session.start(config(5));
    clock.advance(3000);
    const seq = session.timeline!.seq;
    const before = JSON.stringify(session.view()!.nodes);
    const stepped = session.step();
    assert.ok(stepped.ok);
    assert.equal(stepped.record.seq, seq + 1);
    assert.equal(session.timeline!.seq, seq + 1);
    assert.equal(session.paused, true);
    const back = session.stepBack();
    assert.ok(back.ok);
    assert.equal(session.timeline!.seq, seq);
    assert.equal(JSON.stringify(session.view()!.nodes), before);
  });

  it('run until leader pauses at the record that elected it; after a leader crash a new one wins a higher term', async () => {
    const { session, clock } = newSession();
    session.start(config(5), { paused: true });
    const pending = session.runUntil('leader');
    clock.advance(1000);
    const first = await pending;
    assert.ok(first.ok, 'a leader was elected');
    assert.equal(session.paused, true);
    const leader = first.record.node;
    assert.equal(session.view()!.nodes[leader]!.role, 'leader');
    const term = session.view()!.nodes[leader]!.currentTerm!;

    assert.ok(session.apply({ kind: 'crash', node: leader }).ok);
    const again = session.runUntil('leader');
    clock.advance(1000);
    const second = await again;
    assert.ok(second.ok);
    assert.notEqual(second.record.node, leader);
    assert.ok(session.view()!.nodes[second.record.node]!.currentTerm! > term);
    assert.equal(session.view()!.nodes[leader]!.role, 'crashed');
  });

  it('run until gives up at its limit, paused, saying why', async () => {
    const { session, clock } = newSession();
    session.start(config(3), { paused: true });
    for (const node of [0, 1, 2]) assert.ok(session.apply({ kind: 'crash', node }).ok);
    const pending = session.runUntil('leader', 20_000);
    clock.advance(1000);
    const result = await pending;
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /no leader was elected/);
    assert.equal(session.paused, true);
  });

  it('pausing ends a pending run until with a reason', async () => {
    const { session } = newSession();
    session.start(config(3), { paused: true });
    const pending = session.runUntil('violation');
    session.pause();
    const result = await pending;
    assert.equal(result.ok, false);
  });

  it('answers bad input with a message and keeps the state', () => {
    const { session, clock } = newSession();
    assert.deepEqual(session.apply({ kind: 'crash', node: 0 }), { ok: false, error: NO_CLUSTER });
    assert.equal(session.step().ok, false);
    session.start(config(5));
    clock.advance(4000);
    session.pause();
    assert.ok(session.apply({ kind: 'crash', node: 1 }).ok);
    const state = JSON.stringify(session.current());
    const bad = [
      session.apply({ kind: 'crash', node: 1 }),
      session.apply({ kind: 'recover', node: 2 }),
      session.apply({ kind: 'crash', node: 9 }),
      session.apply({ kind: 'partition', groups: [[0, 1], [1, 2, 3, 4]] }),
      session.apply({ kind: 'partition', groups: [[0, 1], [2, 3]] }),
      session.setSpeed(500),
      session.setSpeed('fast'),
      session.seek(-1),
      session.seek(1e9),
    ];
    for (const result of bad) {
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.error.length > 10, 'the error says what was wrong');
    }
    assert.equal(session.speed, 1);
    assert.equal(JSON.stringify(session.current()), state);
  });

  it('rebuilds a saved run exactly, paused', () => {
    const { session, clock } = newSession();
    session.start(config(5));
    clock.advance(4000);
    const leader = session.timeline!.leader();
    if (leader !== null) assert.ok(session.apply({ kind: 'crash', node: leader }).ok);
    clock.advance(3000);
    session.setSpeed(3);
    const saved = JSON.parse(JSON.stringify(session.persisted()));
    const parsed = parsePersisted(saved);
    assert.ok(parsed.ok);
    const restored = newSession().session;
    assert.ok(restored.restore(parsed.state).ok);
    assert.equal(restored.paused, true);
    assert.equal(restored.speed, 3);
    assert.deepEqual(restored.view(), session.view());
  });

  it('rejects damaged saved state with a message', () => {
    const base = { version: 1, config: {}, inputs: [], seq: 5, time: 100, speed: 1 };
    for (const data of [null, 42, { version: 99 }, { ...base, inputs: 'x' }, { ...base, speed: 1000 }, { ...base, head: { seq: 4, time: 200 } }, { ...base, head: { seq: 9, time: 50 } }, { ...base, head: 'end' }]) {
      const parsed = parsePersisted(data);
      assert.equal(parsed.ok, false);
      assert.match(!parsed.ok ? parsed.error : '', /Start Cluster/);
    }
  });

  it('throttles change events to 60 a second and reports state changes at once', () => {
    const { session, clock } = newSession();
    let changes = 0;
    let states = 0;
    session.onDidChange(() => changes++);
    session.onDidChangeState(() => states++);
    session.start(config(5));
    assert.equal(states, 1);
    clock.advance(1000);
    assert.ok(changes >= 30 && changes <= 61, `${changes} change events in 1 s`);
    session.pause();
    assert.equal(states, 2);
  });

  it('hands every applied record to record listeners, in order', () => {
    const { session, clock } = newSession();
    const seqs: number[] = [];
    session.onRecords((records) => seqs.push(...records.map((r) => r.seq)));
    session.start(config(5));
    clock.advance(3000);
    session.step();
    assert.ok(seqs.length > 10);
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1));
    assert.equal(seqs[seqs.length - 1], session.timeline!.seq);
  });

  it('builds a complete wire snapshot with explained events', () => {
    const { session, clock } = newSession();
    assert.equal(session.current(), null);
    session.start(config(5));
    clock.advance(5000);
    session.pause();
    const snapshot = session.current()!;
    assert.equal(snapshot.nodes.length, 5);
    assert.equal(snapshot.seq, session.timeline!.seq);
    assert.equal(snapshot.session.paused, true);
    assert.ok(snapshot.events.length > 0 && snapshot.events.length <= 200);
    assert.equal(snapshot.events[snapshot.events.length - 1]!.seq, snapshot.seq);
    for (const e of snapshot.events) assert.ok(e.text.length > 0);
    for (const m of snapshot.messages) assert.ok(m.summary.length > 0);
    assert.equal(session.current(), snapshot, 'unchanged state reuses the snapshot');
  });
});
