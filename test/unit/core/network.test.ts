// The simulated network: latency within its range, drop and duplicate rates honoured, partitions
// stopping cross-group delivery, and a hand-dropped message removed exactly.
import * as assert from 'node:assert/strict';
import { partitionFromGroups } from '../../../src/core/network';
import { Simulation } from '../../../src/core/simulation';
import type { TraceRecord } from '../../../src/core/trace';
import type { Message } from '../../../src/core/types';
import { config, ok, recordsUntil, runUntil, runUntilLeader } from './helpers';

const sentIn = (records: readonly TraceRecord[]): Message[] => records.flatMap((r) => r.sent);

describe('network', () => {
  it('delays every message by a latency within [latencyMin, latencyMax], spread over the range', () => {
    const sim = new Simulation(config({ size: 5, seed: 1, heartbeatInterval: 50, latencyMin: 30, latencyMax: 70, duplicateRate: 0.1 }));
    const delays = sentIn(recordsUntil(sim, 30_000)).map((m) => m.deliverAt - m.sentAt);
    assert.ok(delays.length > 1000, `${delays.length} messages`);
    assert.ok(delays.every((d) => Number.isInteger(d) && d >= 30 && d <= 70), 'every delay within 30-70 ms');
    assert.deepEqual([Math.min(...delays), Math.max(...delays)], [30, 70]);
  });

  it('delivers each message at the time it was given', () => {
    const sim = new Simulation(config({ size: 3, seed: 2, heartbeatInterval: 50 }));
    const arrivals = recordsUntil(sim, 10_000).filter((r) => r.message !== undefined);
    assert.ok(arrivals.length > 100 && arrivals.every((r) => r.time === r.message!.deliverAt));
  });

  it('loses about dropRate of the messages, each as a "lost" record', () => {
    const sim = new Simulation(config({ size: 5, seed: 3, heartbeatInterval: 50, dropRate: 0.3 }));
    const records = recordsUntil(sim, 60_000);
    const originals = sentIn(records).filter((m) => m.duplicateOf === undefined);
    const dropped = originals.filter((m) => m.dropped);
    assert.ok(originals.length > 2000, `${originals.length} messages`);
    const rate = dropped.length / originals.length;
    assert.ok(Math.abs(rate - 0.3) < 0.03, `drop rate ${rate}`);
    const lost = new Set(records.filter((r) => r.rule === 'net.lost.random').map((r) => r.message!.id));
    const delivered = records.filter((r) => r.kind === 'deliver').map((r) => r.message!);
    assert.ok(delivered.every((m) => !m.dropped), 'no dropped message is delivered');
    assert.ok(dropped.filter((m) => m.deliverAt <= sim.time).every((m) => lost.has(m.id)), 'every dropped message arrives as lost');
  });

  it('duplicates about duplicateRate of the messages, as copies with their own id and latency', () => {
    const sim = new Simulation(config({ size: 5, seed: 4, heartbeatInterval: 50, duplicateRate: 0.2, latencyMin: 10, latencyMax: 90 }));
    const sent = sentIn(recordsUntil(sim, 60_000));
    const byId = new Map(sent.map((m) => [m.id, m]));
    const copies = sent.filter((m) => m.duplicateOf !== undefined);
    const rate = copies.length / (sent.length - copies.length);
    assert.ok(Math.abs(rate - 0.2) < 0.03, `duplicate rate ${rate}`);
    for (const copy of copies) {
      const { id, deliverAt, duplicateOf, ...body } = copy;
      const original = byId.get(duplicateOf!)!;
      const { id: _id, deliverAt: _at, ...originalBody } = original;
      assert.deepEqual(body, originalBody, 'a copy carries the same message');
      assert.ok(id !== original.id && deliverAt - copy.sentAt >= 10 && deliverAt - copy.sentAt <= 90);
    }
    assert.ok(new Set(copies.map((c) => c.deliverAt - byId.get(c.duplicateOf!)!.deliverAt)).size > 10, 'copies take their own time');
  });

  it('a partition stops delivery between groups and nowhere else; heal restores it', () => {
    const sim = new Simulation(config({ size: 5, seed: 5 }));
    runUntilLeader(sim);
    ok(sim.partitionInto([[0, 1], [2, 3, 4]]));
    const group = (id: number) => (id <= 1 ? 0 : 1);
    const during = recordsUntil(sim, sim.time + 10_000).filter((r) => r.message !== undefined);
    const across = during.filter((r) => group(r.message!.from) !== group(r.message!.to));
    assert.ok(across.length > 10, 'messages tried to cross');
    assert.ok(across.every((r) => r.kind === 'lost' && r.rule === 'net.lost.partition'), 'none crossed');
    assert.ok(during.filter((r) => r.kind === 'deliver').length > 10, 'within groups they still arrive');
    assert.deepEqual(sim.view().partitions, [[0, 1], [2, 3, 4]]);
    ok(sim.heal());
    assert.equal(sim.view().partitions, null);
    const after = recordsUntil(sim, sim.time + 5000).filter((r) => r.kind === 'deliver' && group(r.message!.from) !== group(r.message!.to));
    assert.ok(after.length > 0, 'after heal, messages cross again');
  });

  it('partition groups must cover every node exactly once, in at least two non-empty groups', () => {
    const bad: [number[][], RegExp][] = [
      [[[0, 1, 2, 3, 4]], /at least two groups/],
      [[[0, 1, 2], []], /group 2 of the partition is empty/],
      [[[0, 1], [1, 2, 3, 4]], /node 1 is in two groups/],
      [[[0, 1], [2, 3]], /node 4 is in no group/],
      [[[0], [1]], /nodes 2, 3, 4 are in no group/],
      [[[0, 1], [2, 3, 4, 9]], /node 9 does not exist: the cluster has nodes 0-4/],
      [[[0, 1.5], [2, 3, 4]], /node 1.5 does not exist/],
    ];
    for (const [groups, error] of bad) {
      const result = partitionFromGroups(groups, 5);
      assert.equal(result.ok, false, JSON.stringify(groups));
      assert.match(!result.ok ? result.error : '', error);
    }
    assert.match((partitionFromGroups([[0]], 1) as { error: string }).error, /a cluster of one node cannot be partitioned/);
    assert.deepEqual(partitionFromGroups([[3, 0], [1], [4, 2]], 5), { ok: true, partition: [0, 1, 2, 0, 2] });
  });

  it('dropping a message in flight by hand removes exactly that message', () => {
    const sim = new Simulation(config({ size: 5, seed: 6 }));
    runUntil(sim, () => sim.messagesInFlight().length >= 3, 10_000, 'three messages in flight');
    const inFlight = sim.messagesInFlight();
    const victim = inFlight[1]!;
    const { record } = ok(sim.drop(victim.id));
    assert.deepEqual([record.kind, record.rule, record.message], ['drop', 'net.drop', victim]);
    assert.deepEqual(sim.messagesInFlight(), inFlight.filter((m) => m.id !== victim.id));
    const later = recordsUntil(sim, victim.deliverAt + 1000);
    assert.ok(!later.some((r) => r.message?.id === victim.id), 'it never arrives');
    assert.ok(inFlight.filter((m) => m !== victim).every((m) => later.some((r) => r.message?.id === m.id)), 'the others all arrive');
    const again = sim.drop(victim.id);
    assert.equal(again.ok, false);
    assert.match(!again.ok ? again.error : '', /message \d+ is not in flight/);
  });
});
