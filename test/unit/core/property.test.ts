// Property tests with fast-check: random fault schedules on raft never break an invariant, and any
// run is rebuilt exactly from its config, seed and recorded inputs.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { History } from '../../../src/core/history';
import { runSchedule, scheduleConfig, MAX_NODES, MIN_NODES, type Action, type Schedule } from '../../fuzz/schedule';

const pick = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function actionOf(size: number): fc.Arbitrary<Action> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }).map((count): Action => ({ kind: 'request', count })) },
    { weight: 1, arbitrary: fc.constant<Action>({ kind: 'isolateLeader' }) },
    { weight: 2, arbitrary: pick.map((p): Action => ({ kind: 'crash', pick: p })) },
    { weight: 1, arbitrary: fc.constant<Action>({ kind: 'crashLeader' }) },
    { weight: 2, arbitrary: pick.map((p): Action => ({ kind: 'recover', pick: p })) },
    { weight: 1, arbitrary: pick.map((p): Action => ({ kind: 'timeout', pick: p })) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: size, maxLength: size }).map((groupOf): Action => ({ kind: 'partition', groupOf })) },
    { weight: 1, arbitrary: fc.constant<Action>({ kind: 'heal' }) },
    { weight: 1, arbitrary: pick.map((p): Action => ({ kind: 'drop', pick: p })) },
  );
}

/** raft schedules: 3-7 nodes, fast timings, random loss and duplication, up to 60 faults and requests. */
const raftSchedule: fc.Arbitrary<Schedule> = fc.integer({ min: MIN_NODES, max: MAX_NODES }).chain((size) =>
  fc
    .record({
      seed: fc.nat(),
      dropRate: fc.constantFrom(0, 0.05, 0.2),
      duplicateRate: fc.constantFrom(0, 0.1, 0.3),
      latencyMax: fc.integer({ min: 1, max: 200 }),
      steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 400 }), action: actionOf(size) }), { maxLength: 60 }),
    })
    .map(({ seed, dropRate, duplicateRate, latencyMax, steps }) => {
      let at = 0;
      const timed = steps.map(({ gap, action }) => ({ at: (at += gap), action }));
      const config = scheduleConfig({ protocol: 'raft', size, seed, dropRate, duplicateRate, latencyMin: 0, latencyMax, electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50 });
      return { config, steps: timed, duration: at + 3000 };
    }),
);

describe('raft properties (fast-check)', () => {
  it('random schedules of crashes, recoveries, partitions, heals, drops and requests never break an invariant', () => {
    fc.assert(
      fc.property(raftSchedule, (schedule) => {
        const { violations } = runSchedule(schedule);
        assert.deepEqual(violations, [], `config ${JSON.stringify(schedule.config)}`);
      }),
      { numRuns: 300, seed: 20_240_601 },
    );
  });

  it('the same schedule runs to the same state, and History.replay rebuilds it from the recorded inputs', () => {
    fc.assert(
      fc.property(raftSchedule, (schedule) => {
        const first = runSchedule(schedule);
        const second = runSchedule(schedule);
        const view = JSON.stringify(first.sim.view());
        assert.equal(JSON.stringify(second.sim.view()), view);
        const rebuilt = History.replay(schedule.config, first.inputs, first.records, schedule.duration);
        assert.equal(JSON.stringify(rebuilt.view()), view);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
