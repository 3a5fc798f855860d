// History: seeking anywhere (step, stepBack, seekSeq, seekTime) lands on exactly the state a
// straight run reaches; old records are regenerated identically; an input behind the head starts
// a new branch; History.replay rebuilds a run from its inputs.
import * as assert from 'node:assert/strict';
import type { ClusterConfig } from '../../../src/core/config';
import { History } from '../../../src/core/history';
import type { Input } from '../../../src/core/inputs';
import type { TraceRecord } from '../../../src/core/trace';
import { config, ok } from './helpers';

/** Inputs applied at the head when the run reaches these record numbers. */
const PLAN = new Map<number, Input>([
  [400, { kind: 'crash', node: 1 }],
  [900, { kind: 'request', value: 'a' }],
  [1500, { kind: 'partition', groups: [[0, 1], [2, 3, 4]] }],
  [2200, { kind: 'recover', node: 1 }],
  [2600, { kind: 'heal' }],
  [3000, { kind: 'request', value: 'b' }],
]);
const LENGTH = 3600;

interface Straight {
  readonly config: ClusterConfig;
  readonly history: History;
  /** views[seq]: JSON of the cluster view right after record `seq` (0: the start). */
  readonly views: string[];
  readonly times: number[];
  readonly records: TraceRecord[];
}

/** One record at a time from the start, keeping every view: the ground truth seeks are compared with. */
function straightRun(plan: ReadonlyMap<number, Input> = PLAN, length = LENGTH, c = config({ size: 5, seed: 11, dropRate: 0.05, duplicateRate: 0.05 })): Straight {
  const history = new History(c);
  const views = [JSON.stringify(history.view())];
  const times = [0];
  const records: TraceRecord[] = [];
  while (history.seq < length) {
    const input = plan.get(history.seq);
    const record = input ? history.apply(input) : null;
    const r = record ? ok(record).record : history.step()!;
    assert.equal(r.seq, views.length);
    records.push(r);
    views.push(JSON.stringify(history.view()));
    times.push(history.time);
  }
  return { config: c, history, views, times, records };
}

describe('history', () => {
  let run: Straight;
  before(() => {
    run = straightRun();
  });

  it('seekSeq lands on exactly the state the straight run had at that record, backwards and forwards', () => {
    const h = run.history;
    for (const seq of [0, 1, 2, 499, 500, 501, 1499, 1500, 1501, 2199, 3599, 3600, 1234, 17, 3000, 2601]) {
      h.seekSeq(seq);
      assert.equal(h.seq, seq);
      assert.equal(JSON.stringify(h.view()), run.views[seq], `view at seq ${seq}`);
      if (seq === LENGTH) continue; // a step at the head would extend the run
      assert.equal(h.step()!.seq, seq + 1);
      assert.equal(JSON.stringify(h.view()), run.views[seq + 1], `one step after seq ${seq}`);
    }
    h.seekSeq(LENGTH);
  });

  it('stepBack undoes exactly one record at a time', () => {
    const h = run.history;
    h.seekSeq(2650);
    for (let seq = 2649; seq >= 2550; seq--) {
      ok(h.stepBack());
      assert.equal(JSON.stringify(h.view()), run.views[seq], `after stepping back to ${seq}`);
    }
    h.seekSeq(0);
    const atStart = h.stepBack();
    assert.equal(atStart.ok, false);
    assert.match(!atStart.ok ? atStart.error : '', /already at the start/);
    assert.equal(JSON.stringify(h.view()), run.views[0]);
    h.seekSeq(LENGTH);
  });

  it('seekTime lands on the state after every record up to that time, with the clock at that time', () => {
    const h = run.history;
    for (const time of [0, 1, 777, run.times[1500]!, run.times[1500]! + 1, 5432, run.times[400]!, run.times[LENGTH]! - 1]) {
      h.seekTime(time);
      let seq = 0;
      while (seq < LENGTH && run.times[seq + 1]! <= time) seq++;
      assert.equal(h.seq, seq, `records up to t=${time}`);
      assert.equal(JSON.stringify(h.view()), JSON.stringify({ ...JSON.parse(run.views[seq]!), time }), `view at t=${time}`);
    }
    h.seekSeq(LENGTH);
  });

  it('records() regenerates records that fell out of memory, identical to the originals', () => {
    const h = run.history;
    assert.ok(h.stats().recent < LENGTH / 2, `only recent records are kept (${h.stats().recent})`);
    for (const [from, to] of [[1, 50], [395, 405], [1490, 1510], [LENGTH - 20, LENGTH], [LENGTH - 5, LENGTH + 50]] as const) {
      assert.equal(JSON.stringify(h.records(from, to)), JSON.stringify(run.records.slice(from - 1, to)), `records ${from}-${to}`);
    }
    assert.deepEqual(h.records(10, 5), []);
  });

  it('keeps a snapshot per interval, not per record', () => {
    const { snapshots, inputs } = run.history.stats();
    assert.equal(inputs, PLAN.size);
    assert.ok(snapshots >= 2 && snapshots <= LENGTH / 100, `${snapshots} snapshots for ${LENGTH} records`);
  });

  it('History.replay rebuilds the state at any record from the recorded inputs', () => {
    for (const seq of [0, 401, 1800, LENGTH]) {
      const rebuilt = History.replay(run.config, run.history.inputs(), seq);
      assert.equal(JSON.stringify(rebuilt.view()), run.views[seq], `replayed to ${seq}`);
    }
  });

  it('History.replay to a saved seq and clock lands on that record, not on later events of the same millisecond', () => {
    const h = new History(config({ size: 5, seed: 4 }));
    h.runUntil(3000);
    for (let i = 0; i < 300; i++) {
      h.step();
      const rebuilt = History.replay(h.config, h.inputs(), h.seq, h.time);
      assert.equal(rebuilt.seq, h.seq, `after step ${i}`);
      assert.equal(JSON.stringify(rebuilt.view()), JSON.stringify(h.view()), `after step ${i}`);
    }
  });

  it('History.replay with the recorded head keeps the timeline beyond the saved point', () => {
    const h = new History(config({ size: 5, seed: 6 }));
    h.runUntil(4000);
    const { record } = ok(h.apply({ kind: 'request', value: 'later' }));
    h.runUntil(8000);
    const head = { seq: h.headSeq, time: h.headTime };
    const ahead = h.records(h.seq - 40, h.seq);
    h.seekSeq(record.seq - 5); // before the request, which lies in the recorded future now
    const rebuilt = History.replay(h.config, h.inputs(), h.seq, h.time, head);
    assert.equal(rebuilt.seq, h.seq);
    assert.equal(JSON.stringify(rebuilt.view()), JSON.stringify(h.view()));
    assert.deepEqual([rebuilt.headSeq, rebuilt.headTime], [head.seq, head.time]);
    assert.equal(rebuilt.inputs().length, h.inputs().length, 'the recorded input ahead is kept');
    rebuilt.seekSeq(head.seq);
    assert.equal(JSON.stringify(rebuilt.records(head.seq - 40, head.seq)), JSON.stringify(ahead));
  });

  it('a replayed history takes snapshots as it goes, so seeks after a reload stay cheap', () => {
    const rebuilt = History.replay(run.config, run.history.inputs(), LENGTH);
    assert.equal(rebuilt.stats().snapshots, run.history.stats().snapshots);
  });

  it('seeks are clamped to the recorded run (last: seeking to the end time may apply the rest of that millisecond)', () => {
    const h = run.history;
    h.seekSeq(LENGTH + 1000);
    assert.equal(h.seq, LENGTH);
    h.seekSeq(-5);
    assert.equal(JSON.stringify(h.view()), run.views[0]);
    h.seekTime(1e9);
    assert.equal(h.time, run.times[LENGTH]);
    // Events due in the head's last millisecond may still be applied, so the head can move on by those.
    assert.ok(h.seq >= LENGTH && h.records(LENGTH + 1, h.seq).every((r) => r.time === run.times[LENGTH]));
  });

  it('an input behind the head discards the recorded future and starts a new branch', () => {
    const branch = straightRun(PLAN, 1000);
    const h = branch.history;
    h.seekSeq(700);
    ok(h.apply({ kind: 'crash', node: 3 }));
    assert.equal(h.headSeq, 701, 'the future after 700 is gone');
    assert.deepEqual(h.inputs().map((r) => r.afterSeq), [400, 700]);
    while (h.seq < 1000) h.step();
    // The same branch taken by a straight run from the start.
    const expected = straightRun(new Map([...PLAN].filter(([seq]) => seq < 700).concat([[700, { kind: 'crash', node: 3 }]])), 1000);
    assert.equal(JSON.stringify(h.view()), expected.views[1000]);
    h.seekSeq(850);
    assert.equal(JSON.stringify(h.view()), expected.views[850]);
  });

  it('a refused input behind the head keeps the recorded future', () => {
    const h = straightRun(PLAN, 1000).history;
    h.seekSeq(300);
    const refused = h.apply({ kind: 'recover', node: 2 });
    assert.equal(refused.ok, false);
    assert.equal(h.headSeq, 1000);
    assert.equal(h.inputs().length, 2);
  });
});
