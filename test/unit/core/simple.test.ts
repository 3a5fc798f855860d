// The `simple` protocol against the reference document (shared/reference/000_049fab7488be82d5.txt):
// its constants, its blocking waits, crash/recover, votes counted against the active nodes, and
// the schedule where it elects two leaders at once, which the invariant checker must catch.
import * as assert from 'node:assert/strict';
import { DEFAULTS } from '../../../src/core/config';
import { CANDIDACY_WAIT_MAX, CANDIDACY_WAIT_MIN, HEARTBEAT_TIMEOUT, RESIGN_COOLDOWN, simple, VOTE_COLLECTION } from '../../../src/core/simple';
import type { SimpleState } from '../../../src/core/simple/state';
import { Simulation } from '../../../src/core/simulation';
import type { MessageBody, NodeId, TimerKind } from '../../../src/core/types';
import { config, FakeContext, message, ok, recordsUntil, runUntil, type Sent } from './helpers';

class SimpleNode {
  readonly ctx: FakeContext;
  readonly s: SimpleState;
  constructor(id: NodeId, size: number) {
    this.ctx = new FakeContext(id, size, { protocol: 'simple' });
    this.s = simple.init(this.ctx);
  }
  step(from: NodeId, body: MessageBody): Sent[] {
    simple.onMessage(this.s, message(from, this.ctx.id, body), this.ctx);
    return this.ctx.take();
  }
  timer(kind: TimerKind): Sent[] {
    simple.onTimer(this.s, kind, this.ctx);
    return this.ctx.take();
  }
  /** Follower timeout, then the random wait ends with no rival: it is in the election, collecting votes. */
  announce(): Sent[] {
    assert.ok(simple.onForcedTimeout(this.s, this.ctx).ok);
    this.ctx.now += CANDIDACY_WAIT_MAX;
    return this.timer('wait');
  }
}

const kinds = (sent: Sent[]) => sent.map((m) => `${m.body.kind}->${m.to}`);

describe('simple protocol: the reference constants', () => {
  it('are the original\'s: 1 s heartbeat timeout, 5 s cooldown, 1-3 s random wait, 2 s vote collection, 0.5 s heartbeat', () => {
    assert.deepEqual([HEARTBEAT_TIMEOUT, RESIGN_COOLDOWN, CANDIDACY_WAIT_MIN, CANDIDACY_WAIT_MAX, VOTE_COLLECTION], [1000, 5000, 1000, 3000, 2000]);
    assert.equal(DEFAULTS.simple.heartbeatInterval, 500);
  });

  it('a follower becomes candidate 1 s after the last heartbeat it heard', () => {
    const n = new SimpleNode(0, 3);
    assert.equal(n.ctx.timers.get('election'), 1000, 'last_heartbeat starts at 0');
    n.ctx.now = 2500;
    n.step(1, { kind: 'heartbeat' });
    assert.equal(n.ctx.timers.get('election'), 1000);
    assert.equal(n.s.lastHeartbeat, 2500);
    assert.equal(n.s.leader, 1);
    n.timer('election');
    assert.equal(n.s.role, 'candidate');
  });

  it('a new candidate clears its votes, forgets the leader and sleeps a random 1-3 s', () => {
    const n = new SimpleNode(0, 3);
    const waits: number[] = [];
    for (let i = 0; i < 2000; i++) {
      Object.assign(n.s, { role: 'follower', waiting: null, voted: true, leader: 2 });
      assert.ok(simple.onForcedTimeout(n.s, n.ctx).ok);
      assert.deepEqual([n.s.role, n.s.voted, n.s.leader, n.s.election, n.s.waiting], ['candidate', false, null, false, 'candidacy']);
      assert.deepEqual(n.s.votes, [0, 0, 0]);
      waits.push(n.ctx.timers.get('wait')!);
    }
    assert.ok(waits.every((w) => Number.isInteger(w) && w >= 1000 && w <= 3000), 'every wait within 1-3 s');
    assert.ok(Math.min(...waits) < 1020 && Math.max(...waits) > 2980, `spans 1-3 s: ${Math.min(...waits)}..${Math.max(...waits)}`);
  });

  it('after the wait, with no rival, it broadcasts candidacy, votes for itself and collects votes for 2 s', () => {
    const n = new SimpleNode(0, 3);
    const sent = n.announce();
    assert.deepEqual(kinds(sent), ['candidacy->1', 'candidacy->2', 'vote->1', 'vote->2'], 'broadcast reaches everyone; its own copy is read at once');
    assert.deepEqual([n.s.election, n.s.voted, n.s.votes[0], n.s.waiting], [true, true, 1, 'election']);
    assert.equal(n.ctx.timers.get('wait'), 2000);
    assert.equal(n.ctx.lastRule, 'simple.candidate.announce');
  });

  it('resigning after a lost election starts the 5 s cooldown', () => {
    const n = new SimpleNode(0, 3);
    n.announce();
    n.ctx.now += VOTE_COLLECTION;
    n.timer('wait');
    assert.equal(n.ctx.lastRule, 'simple.election.lose');
    assert.equal(n.s.role, 'follower');
    assert.equal(n.s.resigned, n.ctx.now);
    assert.equal(n.ctx.timers.get('election'), 5000, 'no candidacy for 5 s although no heartbeat for over 1 s');
  });

  it('the leader broadcasts a heartbeat every 0.5 s, and its own copy does not demote it', () => {
    const n = new SimpleNode(0, 3);
    n.announce();
    n.step(1, { kind: 'vote', candidate: 0 });
    n.ctx.now += VOTE_COLLECTION;
    assert.deepEqual(kinds(n.timer('wait')), ['heartbeat->1', 'heartbeat->2']);
    assert.equal(n.s.role, 'leader');
    n.ctx.now += 500;
    assert.deepEqual(kinds(n.timer('heartbeat')), ['heartbeat->1', 'heartbeat->2']);
    assert.equal(n.ctx.timers.get('heartbeat'), 500);
    assert.deepEqual([n.s.role, n.s.leader, n.s.lastHeartbeat], ['leader', 0, n.ctx.now]);
  });

  it('a heartbeat from another node makes a leader its follower', () => {
    const n = new SimpleNode(0, 3);
    n.announce();
    n.step(1, { kind: 'vote', candidate: 0 });
    n.timer('wait');
    n.step(2, { kind: 'heartbeat' });
    assert.deepEqual([n.s.role, n.s.leader], ['follower', 2]);
    assert.ok(!n.ctx.timers.has('heartbeat'));
    assert.equal(n.ctx.timers.get('election'), 1000);
  });
});

describe('simple protocol: votes', () => {
  it('a node votes once (broadcasting the vote) and ignores later candidacies', () => {
    const n = new SimpleNode(0, 3);
    assert.deepEqual(kinds(n.step(1, { kind: 'candidacy' })), ['vote->1', 'vote->2']);
    assert.equal(n.s.voted, true);
    assert.deepEqual(n.step(2, { kind: 'candidacy' }), []);
    assert.equal(n.ctx.lastRule, 'simple.candidacy.alreadyVoted');
  });

  it('a majority of the active nodes names the leader at every node that counts the votes', () => {
    const n = new SimpleNode(0, 3);
    n.step(1, { kind: 'vote', candidate: 1 });
    assert.equal(n.s.leader, null, '1 vote of 3 active');
    n.step(2, { kind: 'vote', candidate: 1 });
    assert.equal(n.s.leader, 1, '2 votes of 3 active');
    assert.equal(n.s.role, 'follower');
  });

  // [active nodes, votes for the candidate including its own, won]
  const counts: [number, number, boolean][] = [
    [5, 2, false],
    [5, 3, true],
    [3, 2, true],
    [2, 2, true],
    [4, 2, false],
  ];
  for (const [active, votes, won] of counts) {
    it(`${votes} votes with ${active} of 5 nodes working ${won ? 'win' : 'lose'}: the count is against the active nodes`, () => {
      const n = new SimpleNode(0, 5);
      n.announce();
      for (let voter = 1; voter < votes; voter++) n.step(voter, { kind: 'vote', candidate: 0 });
      n.ctx.active = active;
      n.timer('wait');
      assert.equal(n.s.role, won ? 'leader' : 'follower');
    });
  }
});

describe('simple protocol: blocking waits, crash and recover', () => {
  it('messages arriving during a wait stay unread in the inbox and are read when it ends', () => {
    const n = new SimpleNode(0, 3);
    assert.ok(simple.onForcedTimeout(n.s, n.ctx).ok);
    assert.deepEqual(n.step(1, { kind: 'candidacy' }), [], 'no vote while asleep');
    assert.equal(n.ctx.lastRule, 'simple.inbox.hold');
    assert.deepEqual([n.s.inbox.length, n.s.voted, n.s.otherCandidateFound], [1, false, false]);
    assert.equal(simple.view(n.s, 0).inbox, 1);
    n.ctx.now += CANDIDACY_WAIT_MAX;
    const sent = n.timer('wait');
    assert.deepEqual(kinds(sent), ['vote->1', 'vote->2'], 'on waking it reads the candidacy and votes');
    assert.equal(n.s.role, 'follower', 'another candidate appeared during the wait: it yields');
    assert.equal(n.s.resigned, null, 'yielding is not resigning');
    assert.equal(simple.view(n.s, 0).inbox, 0);
  });

  it('in a simulation, the inbox count in NodeView rises during the wait and empties when it ends', () => {
    const sim = new Simulation(config({ protocol: 'simple', size: 3, seed: 1 }));
    const hold = runUntil(sim, (r) => r.rule === 'simple.inbox.hold', 5000, 'a held message');
    const node = hold.node;
    assert.deepEqual(hold.changes, [], 'holding a message changes nothing');
    let held = 1;
    assert.equal(sim.nodeView(node).inbox, held);
    const wake = runUntil(
      sim,
      (r) => {
        if (r.node === node && r.rule === 'simple.inbox.hold') assert.equal(sim.nodeView(node).inbox, ++held);
        return r.node === node && r.kind === 'timer' && r.timer === 'wait';
      },
      5000,
      'the wait to end',
    );
    assert.ok(held >= 2, `${held} messages held`);
    assert.equal(sim.nodeView(wake.node).inbox, 0);
  });

  it('a crash clears the inbox; recover returns the node as a follower with an empty inbox', () => {
    const sim = new Simulation(config({ protocol: 'simple', size: 3, seed: 1 }));
    const hold = runUntil(sim, (r) => r.rule === 'simple.inbox.hold', 5000, 'a held message');
    const node = hold.node;
    assert.equal(sim.nodeView(node).role, 'candidate');
    ok(sim.crash(node));
    let view = sim.nodeView(node);
    assert.deepEqual([view.role, view.inbox, view.timers, view.extra.working, view.extra.waiting], ['crashed', 0, [], false, null]);
    const lost = recordsUntil(sim, sim.time + 1000).filter((r) => r.message?.to === node);
    assert.ok(lost.length > 0 && lost.every((r) => r.rule === 'net.lost.crashed'), 'messages to a crashed node are lost');
    ok(sim.recover(node));
    view = sim.nodeView(node);
    assert.deepEqual([view.role, view.inbox, view.extra.working], ['follower', 0, true]);
    assert.ok(view.timers.some((t) => t.kind === 'election'), 'it watches for heartbeats again');
  });

  it('only a follower\'s heartbeat timeout can be forced', () => {
    const n = new SimpleNode(0, 3);
    assert.ok(simple.onForcedTimeout(n.s, n.ctx).ok);
    const again = simple.onForcedTimeout(n.s, n.ctx);
    assert.equal(again.ok, false);
    assert.match(!again.ok ? again.error : '', /node 0 is a candidate; only a follower/);
  });
});

describe('simple protocol: clusters', () => {
  it('elects a leader that heartbeats every 500 ms', () => {
    const sim = new Simulation(config({ protocol: 'simple', size: 3, seed: 1 }));
    runUntil(sim, () => sim.leader() !== null, 15_000, 'a leader');
    const leader = sim.leader()!;
    const beats = recordsUntil(sim, sim.time + 5000).filter((r) => r.rule === 'simple.leader.heartbeat' && r.node === leader);
    assert.equal(beats.length, 10);
    beats.slice(1).forEach((b, i) => assert.equal(b.time - beats[i]!.time, 500));
    assert.ok(sim.view().nodes.every((n) => n.leader === leader));
  });

  it('two working nodes of five elect a leader, because votes are counted against the active nodes', () => {
    const sim = new Simulation(config({ protocol: 'simple', size: 5, seed: 2 }));
    for (const id of [0, 1, 2]) ok(sim.crash(id));
    runUntil(sim, () => sim.leader() !== null, 20_000, 'a leader of 2 working nodes');
    assert.ok([3, 4].includes(sim.leader()!));
  });

  it('takes no client requests: it has no log', () => {
    const sim = new Simulation(config({ protocol: 'simple', size: 3, seed: 1 }));
    sim.runUntil(8000);
    const result = sim.request('x');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /simple protocol has no log/);
  });

  // The lesson scenario: `raft-cluster --protocol simple --nodes 5 --seed 1`, then
  // `run 6s`, `partition 1 2 | 0 3 4`, `run 10s`. Found by a seeded search (seeds 1-60; 34 of the
  // 57 with a leader at 6 s end with two leaders within 10 s of this split).
  it('a partition gives two leaders at once, and the checker catches it (seed 1, 5 nodes)', () => {
    const sim = new Simulation(config({ protocol: 'simple', size: 5, seed: 1 }));
    sim.runUntil(6000);
    assert.equal(sim.leader(), 1, 'node 1 leads at 6 s');
    ok(sim.partitionInto([[1, 2], [0, 3, 4]]));
    const caught = runUntil(sim, (r) => r.violation !== undefined, 10_000, 'a violation');
    assert.deepEqual([caught.time, caught.node, caught.rule], [10_483, 3, 'simple.election.win']);
    assert.deepEqual(sim.violations().map((v) => [v.invariant, v.message, v.nodes]), [
      ['Election Safety', 'two leaders at once: node 3 became leader while node 1 still leads', [3, 1]],
    ]);
    assert.deepEqual(sim.view().nodes.filter((n) => n.role === 'leader').map((n) => n.id), [1, 3]);
    assert.deepEqual(sim.view().violations, sim.violations(), 'violations are part of the state');
  });
});
