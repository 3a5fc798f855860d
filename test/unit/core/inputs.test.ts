// Bad input anywhere: every refused input answers ok:false with a message saying what was wrong
// and what to do, and leaves the cluster exactly as it was. Config values are clamped and reported.
import * as assert from 'node:assert/strict';
import { DEFAULTS, normalizeConfig } from '../../../src/core/config';
import { History } from '../../../src/core/history';
import type { Input } from '../../../src/core/inputs';
import { Simulation } from '../../../src/core/simulation';
import { config, ok, runUntilLeader } from './helpers';

/** A 5-node raft cluster with a leader, one crashed follower, and messages in flight. */
function cluster(): { sim: Simulation; leader: number; crashed: number } {
  const sim = new Simulation(config({ size: 5, seed: 21 }));
  const leader = runUntilLeader(sim);
  const crashed = (leader + 1) % 5;
  ok(sim.crash(crashed));
  sim.runUntil(sim.time + 50);
  return { sim, leader, crashed };
}

function refused(sim: Simulation, what: string, apply: () => { ok: boolean }, error: RegExp): void {
  const before = JSON.stringify(sim.view());
  const seq = sim.lastSeq;
  const result = apply() as { ok: boolean; error?: string };
  assert.equal(result.ok, false, `${what} is refused`);
  assert.match(result.error ?? '', error, what);
  assert.ok(/[a-z]/.test(result.error!) && !result.error!.includes('\n'), `${what}: one readable line`);
  assert.equal(sim.lastSeq, seq, `${what} leaves no record`);
  assert.equal(JSON.stringify(sim.view()), before, `${what} changes nothing`);
}

describe('input validation', () => {
  it('refuses nodes that do not exist', () => {
    const { sim } = cluster();
    for (const node of [-1, 5, 1.5, Number.NaN, 1e9]) {
      refused(sim, `crash ${node}`, () => sim.crash(node), /does not exist: the cluster has nodes 0-4/);
      refused(sim, `recover ${node}`, () => sim.recover(node), /does not exist/);
      refused(sim, `timeout ${node}`, () => sim.timeout(node), /does not exist/);
    }
  });

  it('refuses crashing a crashed node, recovering a live one, and timeouts that cannot happen', () => {
    const { sim, leader, crashed } = cluster();
    refused(sim, 'crash a crashed node', () => sim.crash(crashed), new RegExp(`node ${crashed} is already crashed; recover it first`));
    refused(sim, 'recover a live node', () => sim.recover(leader), new RegExp(`node ${leader} is not crashed, so there is nothing to recover`));
    refused(sim, 'timeout a crashed node', () => sim.timeout(crashed), /is crashed and runs no timers; recover it first/);
    refused(sim, 'timeout the leader', () => sim.timeout(leader), /is the leader and runs no election timer/);
  });

  it('refuses client requests without a one-line value of 1-200 characters', () => {
    const { sim } = cluster();
    for (const value of ['', '   ', 'a\nb', 'a\rb', 'x'.repeat(201), 42 as unknown as string, undefined as unknown as string]) {
      refused(sim, `request ${JSON.stringify(value)}`, () => sim.request(value), /a client request needs a value: one line of text, 1-200 characters/);
    }
    assert.equal(ok(sim.request('x'.repeat(200))).entry.value.length, 200);
  });

  it('refuses bad partitions, healing a whole network, and dropping a message not in flight', () => {
    const { sim } = cluster();
    refused(sim, 'one group', () => sim.partitionInto([[0, 1, 2, 3, 4]]), /at least two groups/);
    refused(sim, 'a node twice', () => sim.partitionInto([[0, 1], [1, 2, 3, 4]]), /node 1 is in two groups/);
    refused(sim, 'a node missing', () => sim.partitionInto([[0, 1], [2, 3]]), /node 4 is in no group/);
    refused(sim, 'heal', () => sim.heal(), /the network is not partitioned, so there is nothing to heal/);
    refused(sim, 'drop', () => sim.drop(987_654), /message 987654 is not in flight.*pick one of the messages in flight/);
  });

  it('refuses what a protocol or a cluster size cannot do', () => {
    const simple = new Simulation(config({ protocol: 'simple', size: 3 }));
    refused(simple, 'a request to simple', () => simple.request('x'), /the simple protocol has no log, so it takes no client requests/);
    simple.runUntil(1500);
    const candidate = simple.view().nodes.find((n) => n.role === 'candidate')!;
    refused(simple, 'timeout a simple candidate', () => simple.timeout(candidate.id), /only a follower's heartbeat timeout can be forced/);
    const one = new Simulation(config({ size: 1 }));
    refused(one, 'partition a cluster of one', () => one.partitionInto([[0], [0]]), /a cluster of one node cannot be partitioned/);
    const raft = new Simulation(config({ size: 3 }));
    refused(raft, 'a request with no leader', () => raft.request('x'), /there is no leader right now.*run until a leader is elected/);
  });

  it('a refused input through a History records nothing and keeps the recorded future', () => {
    const history = new History(config({ size: 3, seed: 2 }));
    history.runUntil(5000);
    ok(history.apply({ kind: 'crash', node: 0 }));
    history.runUntil(8000);
    history.seekSeq(10);
    const before = JSON.stringify(history.view());
    const head = history.headSeq;
    for (const input of [{ kind: 'recover', node: 1 }, { kind: 'heal' }, { kind: 'crash', node: 7 }] as Input[]) {
      assert.equal(history.apply(input).ok, false);
      assert.equal(JSON.stringify(history.view()), before);
      assert.equal(history.headSeq, head);
      assert.equal(history.inputs().length, 1);
    }
  });
});

describe('config validation', () => {
  it('fills in each protocol\'s defaults', () => {
    assert.deepEqual(normalizeConfig({}), { config: { ...DEFAULTS.raft, size: 5, seed: 1 }, problems: [] });
    assert.deepEqual(normalizeConfig({ protocol: 'simple' }).config, { ...DEFAULTS.simple, size: 3, seed: 1 });
  });

  // [input, field, value used, message]
  const cases: [Record<string, unknown>, string, unknown, RegExp][] = [
    [{ size: 0 }, 'size', 1, /size must be between 1 and 101 \(nodes\), not 0; using 1/],
    [{ size: 500 }, 'size', 101, /size must be between 1 and 101/],
    [{ size: 'five' }, 'size', 5, /size must be a number \(nodes\), not "five"; using 5/],
    [{ size: Number.NaN }, 'size', 5, /size must be a number/],
    [{ seed: -1 }, 'seed', 0, /seed must be between 0 and 4294967295/],
    [{ dropRate: 2 }, 'dropRate', 0.9, /dropRate must be between 0 and 0.9, not 2; using 0.9/],
    [{ duplicateRate: -0.5 }, 'duplicateRate', 0, /duplicateRate must be between 0 and 0.9/],
    [{ heartbeatInterval: 1 }, 'heartbeatInterval', 5, /heartbeatInterval must be between 5 and 30000 \(ms\)/],
    [{ electionTimeoutMin: 500, electionTimeoutMax: 100 }, 'electionTimeoutMax', 500, /electionTimeoutMax \(100 ms\) is below electionTimeoutMin; using 500 ms/],
    [{ latencyMin: 300, latencyMax: 100 }, 'latencyMax', 300, /latencyMax \(100 ms\) is below latencyMin; using 300 ms/],
    [{ protocol: 'paxos' }, 'protocol', 'raft', /protocol must be "raft" or "simple", not "paxos"; using "raft"/],
  ];
  for (const [input, field, value, message] of cases) {
    it(`clamps ${JSON.stringify(input)} and says so`, () => {
      const { config: c, problems } = normalizeConfig(input);
      assert.equal((c as unknown as Record<string, unknown>)[field], value);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.field, field);
      assert.match(problems[0]!.message, message);
    });
  }

  it('rounds whole-number fields without complaint', () => {
    const { config: c, problems } = normalizeConfig({ size: 2.6, latencyMax: 150.2 });
    assert.deepEqual([c.size, c.latencyMax, problems], [3, 150, []]);
  });
});
