// The raft rules working together in a whole simulated cluster: elections, replication, crash and
// recovery, and the repair of a diverged follower's log by nextIndex back-off (§5.3).
import * as assert from 'node:assert/strict';
import { Simulation } from '../../../src/core/simulation';
import type { TraceRecord } from '../../../src/core/trace';
import { config, ok, recordsUntil, runUntil, runUntilLeader } from './helpers';

const values = (sim: Simulation, id: number): string[] => sim.nodeView(id).log.map((e) => e.value);

describe('raft cluster (simulation)', () => {
  it('elects exactly one leader that every node follows, with election timers in [min, max]', () => {
    const sim = new Simulation(config({ size: 5, seed: 3 }));
    const leader = runUntilLeader(sim);
    sim.runUntil(sim.time + 2000);
    const view = sim.view();
    assert.deepEqual(view.nodes.filter((n) => n.role === 'leader').map((n) => n.id), [leader]);
    const term = view.nodes[leader]!.currentTerm;
    for (const n of view.nodes) {
      assert.equal(n.leader, leader, `node ${n.id} follows the leader`);
      assert.equal(n.currentTerm, term);
      if (n.id === leader) continue;
      const election = n.timers.find((t) => t.kind === 'election')!;
      assert.ok(election.deadline - election.start >= 1500 && election.deadline - election.start <= 3000, `node ${n.id} timeout ${election.deadline - election.start}`);
    }
    assert.deepEqual(view.violations, []);
  });

  it('followers that hear heartbeats never time out (re-armed timers never fire)', () => {
    const sim = new Simulation(config({ size: 5, seed: 4 }));
    const leader = runUntilLeader(sim);
    const records = recordsUntil(sim, sim.time + 20_000);
    assert.deepEqual(records.filter((r) => r.kind === 'timer' && r.timer === 'election').map((r) => r.node), []);
    assert.ok(records.filter((r) => r.kind === 'timer' && r.timer === 'heartbeat' && r.node === leader).length >= 39, 'the leader beats every 500 ms');
  });

  it('replicates client requests to every node and commits them everywhere', () => {
    const sim = new Simulation(config({ size: 5, seed: 5 }));
    const leader = runUntilLeader(sim);
    for (const v of ['a', 'b', 'c']) assert.equal(ok(sim.request(v)).leader, leader);
    sim.runUntil(sim.time + 2000);
    for (const n of sim.view().nodes) {
      assert.deepEqual(n.log.map((e) => e.value), ['a', 'b', 'c'], `node ${n.id} log`);
      assert.equal(n.commitIndex, 3, `node ${n.id} commitIndex`);
      assert.equal(n.lastApplied, 3);
    }
  });

  it('a client request with no leader is refused, saying why', () => {
    const sim = new Simulation(config({ size: 3 }));
    const result = sim.request('x');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /no leader/);
  });

  it('a crashed leader keeps its persistent state, loses the volatile, and catches up after recovery', () => {
    const sim = new Simulation(config({ size: 3, seed: 6 }));
    const old = runUntilLeader(sim);
    ok(sim.request('a'));
    sim.runUntil(sim.time + 1000);
    const before = sim.nodeView(old);
    assert.equal(before.commitIndex, 1);
    ok(sim.crash(old));
    const crashed = sim.nodeView(old);
    assert.equal(crashed.role, 'crashed');
    assert.deepEqual([crashed.currentTerm, crashed.votedFor, crashed.log], [before.currentTerm, before.votedFor, before.log]);
    assert.deepEqual([crashed.commitIndex, crashed.lastApplied, crashed.nextIndex, crashed.matchIndex, crashed.leader], [0, 0, null, null, null]);
    assert.deepEqual(crashed.timers, []);
    runUntil(sim, () => sim.leader() !== null && sim.leader() !== old, 30_000, 'a new leader');
    const leader = sim.leader()!;
    assert.ok(sim.nodeView(leader).currentTerm! > before.currentTerm!);
    ok(sim.request('b'));
    sim.runUntil(sim.time + 1000);
    ok(sim.recover(old));
    assert.equal(sim.nodeView(old).role, 'follower');
    sim.runUntil(sim.time + 2000);
    assert.deepEqual(values(sim, old), ['a', 'b']);
    assert.equal(sim.nodeView(old).commitIndex, 2);
    assert.equal(sim.nodeView(old).currentTerm, sim.nodeView(leader).currentTerm);
    assert.deepEqual(sim.violations(), []);
  });

  it('a leader cut off in a minority cannot commit; after healing, back-off repairs its diverged log', () => {
    const sim = new Simulation(config({ size: 3, seed: 7 }));
    const l = runUntilLeader(sim);
    ok(sim.request('a'));
    sim.runUntil(sim.time + 1000);
    ok(sim.partitionInto([[l], [0, 1, 2].filter((id) => id !== l)]));
    // The cut-off leader still takes requests (it cannot know), but cannot commit them.
    assert.equal(ok(sim.request('x')).leader, l);
    assert.equal(ok(sim.request('y')).leader, l);
    runUntil(sim, () => sim.leader() !== l, 30_000, 'a leader in the majority');
    const n = sim.leader()!;
    assert.equal(ok(sim.request('z')).leader, n);
    sim.runUntil(sim.time + 1000);
    assert.equal(sim.nodeView(l).commitIndex, 1, 'the minority leader committed nothing new');
    assert.deepEqual(values(sim, l), ['a', 'x', 'y']);
    // A third node takes over with nextIndex past the point where the old leader's log diverges.
    const m = [0, 1, 2].find((id) => id !== l && id !== n)!;
    ok(sim.timeout(m));
    runUntil(sim, () => sim.leader() === m, 10_000, `node ${m} leading`);
    ok(sim.request('w'));
    ok(sim.heal());
    const records = recordsUntil(sim, sim.time + 3000);
    for (let id = 0; id < 3; id++) {
      assert.deepEqual(values(sim, id), ['a', 'z', 'w'], `node ${id} log`);
      assert.equal(sim.nodeView(id).commitIndex, 3, `node ${id} commitIndex`);
    }
    const rules = (r: TraceRecord) => r.rule;
    assert.ok(records.filter((r) => r.node === l).map(rules).includes('raft.append.reject'), 'the old leader refused at the divergence');
    assert.ok(records.filter((r) => r.node === m).map(rules).includes('raft.replicate.backoff'), 'the new leader backed nextIndex off');
    assert.deepEqual(sim.violations(), []);
  });

  it('a cluster of one elects itself and commits alone', () => {
    const sim = new Simulation(config({ size: 1 }));
    assert.equal(runUntilLeader(sim, 5000), 0);
    ok(sim.request('x'));
    assert.equal(sim.nodeView(0).commitIndex, 1);
    assert.deepEqual(sim.messagesInFlight(), []);
  });

  it('with a majority down no leader is elected, and terms keep rising', () => {
    const sim = new Simulation(config({ size: 5, seed: 8 }));
    for (const id of [0, 1, 2]) ok(sim.crash(id));
    sim.runUntil(30_000);
    assert.equal(sim.leader(), null);
    assert.ok(sim.nodeView(3).currentTerm! >= 3 && sim.nodeView(4).currentTerm! >= 3);
  });
});
