// The small pieces under the simulation: the event queue's order, the seeded PRNG, one-event steps,
// and trace records that every rule id and explanation covers.
import * as assert from 'node:assert/strict';
import { EventQueue, type QueuedEvent } from '../../../src/core/eventQueue';
import { explain } from '../../../src/core/explain';
import { History } from '../../../src/core/history';
import { Prng } from '../../../src/core/prng';
import { RULES } from '../../../src/core/rules';
import { Simulation } from '../../../src/core/simulation';
import { generateSchedule, runSchedule } from '../../fuzz/schedule';
import { config } from './helpers';

describe('event queue', () => {
  it('pops by time, and by insertion order among equal times; remove keeps the rest in order', () => {
    const rng = new Prng(5);
    const queue = new EventQueue();
    const pushed: QueuedEvent[] = [];
    for (let order = 0; order < 2000; order++) {
      const e = { time: rng.int(0, 100), order, node: 0 };
      pushed.push(e);
      queue.push(e);
    }
    const removed = new Set<QueuedEvent>();
    for (let i = 0; i < 300; i++) {
      const victim = pushed[rng.int(0, pushed.length - 1)]!;
      const got = queue.remove((e) => e === victim);
      assert.equal(got, removed.has(victim) ? undefined : victim);
      removed.add(victim);
    }
    const expected = pushed.filter((e) => !removed.has(e)).sort((a, b) => a.time - b.time || a.order - b.order);
    const popped: QueuedEvent[] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) popped.push(e);
    assert.deepEqual(popped, expected);
  });
});

describe('prng', () => {
  it('replays the same sequence from the same seed or saved state, on every machine', () => {
    const a = new Prng(42);
    // mulberry32: fixed values, so a change of generator (and with it every recorded seed) is noticed.
    assert.deepEqual([a.next(), a.next()].map((x) => Math.floor(x * 1e9)), [601103751, 448290558]);
    const saved = a.state;
    const next = [a.next(), a.next(), a.next()];
    const b = new Prng(0);
    b.state = saved;
    assert.deepEqual([b.next(), b.next(), b.next()], next);
  });

  it('int(min, max) is uniform over both ends inclusive; chance(0) draws nothing', () => {
    const rng = new Prng(7);
    const counts = new Map<number, number>();
    for (let i = 0; i < 6000; i++) {
      const v = rng.int(3, 8);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    assert.deepEqual([...counts.keys()].sort(), [3, 4, 5, 6, 7, 8]);
    assert.ok([...counts.values()].every((n) => Math.abs(n - 1000) < 150), JSON.stringify([...counts]));
    const state = rng.state;
    assert.equal(rng.chance(0), false);
    assert.equal(rng.state, state);
    assert.equal(rng.int(5, 5), 5);
  });
});

describe('simulation steps', () => {
  it('step() applies exactly one event, in time order; runUntil(t) stops with the clock at t', () => {
    const sim = new Simulation(config({ size: 3, seed: 9 }));
    let last = 0;
    for (let i = 1; i <= 500; i++) {
      const r = sim.step()!;
      assert.equal(r.seq, i);
      assert.equal(sim.lastSeq, i);
      assert.ok(r.time >= last);
      last = r.time;
    }
    const next = sim.nextEventTime()!;
    sim.runUntil(next - 1);
    assert.equal(sim.lastSeq, 500, 'nothing before the next event');
    assert.equal(sim.time, next - 1);
    sim.runUntil(next);
    assert.ok(sim.lastSeq > 500 && sim.nextEventTime()! > next);
  });

  it('every record names a known rule and explains itself in words (both protocols, random schedules with every input)', () => {
    for (const protocol of ['raft', 'simple'] as const) {
      for (const seed of [1, 2, 3]) {
        const schedule = generateSchedule(seed, protocol);
        const run = runSchedule(schedule);
        const history = History.replay(schedule.config, run.inputs, run.records);
        const records = history.records(1, run.records);
        assert.equal(records.length, run.records);
        for (const r of records) {
          assert.ok(r.rule in RULES, `${r.rule} is a rule`);
          const text = explain(r, protocol);
          assert.ok(text.startsWith(r.node < 0 ? 'cluster: ' : `node ${r.node}: `) && !text.includes('undefined'), text);
        }
      }
    }
  });
});
