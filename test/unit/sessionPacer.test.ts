import * as assert from 'node:assert/strict';
import { Pacer, type SliceReport } from '../../src/session/pacer';
import { FakeScheduler, ScriptedTimeline } from './sessionFakes';

const OPTIONS = { sliceBudgetMs: 10, framePeriodMs: 16, maxFrameGapMs: 100 };

describe('session pacing (Pacer)', () => {
  it('follows the wall clock at 1x when the simulation keeps up', () => {
    const clock = new FakeScheduler();
    const timeline = new ScriptedTimeline(clock, 10, 0.001);
    const pacer = new Pacer(clock, () => undefined, OPTIONS);
    pacer.start(timeline, { kind: 'realtime' });
    clock.advance(1000);
    assert.ok(Math.abs(timeline.time - 1000) <= 20, `simulated ${timeline.time} ms in 1000 wall ms`);
    assert.equal(pacer.achievedSpeed, null);
  });

  it('runs at the requested speed', () => {
    const clock = new FakeScheduler();
    const timeline = new ScriptedTimeline(clock, 10, 0.001);
    const pacer = new Pacer(clock, () => undefined, OPTIONS);
    pacer.speed = 25;
    pacer.start(timeline, { kind: 'realtime' });
    clock.advance(2000);
    assert.ok(Math.abs(timeline.time - 50_000) <= 25 * 20, `simulated ${timeline.time} ms in 2000 wall ms at 25x`);
  });

  it('never holds the thread much past its budget and reports the achieved rate when it falls behind', () => {
    const clock = new FakeScheduler();
    // 100x with a record every simulated ms costing 0.05 wall ms needs 5 wall ms per wall ms: impossible.
    const timeline = new ScriptedTimeline(clock, 1, 0.05);
    const pacer = new Pacer(clock, () => undefined, OPTIONS);
    pacer.speed = 100;
    pacer.start(timeline, { kind: 'realtime' });
    clock.advance(3000);
    const blocks = pacer.blocks.summary();
    assert.ok(blocks.maxMs <= OPTIONS.sliceBudgetMs + 1.5, `longest slice ${blocks.maxMs} ms`);
    const achieved = pacer.achievedSpeed;
    assert.ok(achieved !== null, 'achieved speed is reported');
    // 10 ms of work per 16 ms frame at 0.05 ms per simulated ms = 12.5x.
    assert.ok(achieved > 9 && achieved < 16, `achieved ${achieved}x`);
    assert.ok(timeline.time > 25_000 && timeline.time < 50_000, `simulated ${timeline.time} ms`);
  });

  it('does not owe the time a blocked host lost', () => {
    const clock = new FakeScheduler();
    const timeline = new ScriptedTimeline(clock, 10, 0);
    const pacer = new Pacer(clock, () => undefined, OPTIONS);
    pacer.start(timeline, { kind: 'realtime' });
    clock.advance(16);
    const before = timeline.time;
    clock.spend(5000); // the host was busy elsewhere for 5 s
    clock.advance(1);
    assert.ok(timeline.time - before <= OPTIONS.maxFrameGapMs + 1, `jumped ${timeline.time - before} ms`);
  });

  it('fast mode stops at the first record the observer accepts, in slices', () => {
    const clock = new FakeScheduler();
    const timeline = new ScriptedTimeline(clock, 1, 0.01);
    const reports: SliceReport[] = [];
    const pacer = new Pacer(clock, (r) => reports.push(r), OPTIONS);
    pacer.start(timeline, { kind: 'fast', until: 1e9, observe: (r) => r.seq === 5000 });
    clock.advance(1000);
    assert.equal(timeline.seq, 5000);
    assert.equal(pacer.running, false);
    const last = reports[reports.length - 1]!;
    assert.equal(last.stoppedBy?.seq, 5000);
    assert.ok(reports.length > 1, 'it took several slices, yielding between them');
    assert.equal(reports.reduce((n, r) => n + r.records, 0), 5000);
    assert.equal(clock.pendingTimers, 0);
  });

  it('fast mode gives up at its time limit', () => {
    const clock = new FakeScheduler();
    const timeline = new ScriptedTimeline(clock, 10, 0);
    const reports: SliceReport[] = [];
    const pacer = new Pacer(clock, (r) => reports.push(r), OPTIONS);
    pacer.start(timeline, { kind: 'fast', until: 500, observe: () => false });
    clock.advance(100);
    assert.equal(timeline.time, 500);
    assert.equal(pacer.running, false);
    assert.equal(reports[reports.length - 1]!.reachedLimit, true);
  });

  it('stop holds the timeline still', () => {
    const clock = new FakeScheduler();
    const timeline = new ScriptedTimeline(clock, 10, 0);
    const pacer = new Pacer(clock, () => undefined, OPTIONS);
    pacer.start(timeline, { kind: 'realtime' });
    clock.advance(200);
    pacer.stop();
    const held = timeline.time;
    clock.advance(5000);
    assert.equal(timeline.time, held);
    assert.equal(clock.pendingTimers, 0);
  });
});
