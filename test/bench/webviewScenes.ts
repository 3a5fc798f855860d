// Real snapshots for the panel bench and screenshots: the core's History run forward, turned into
// wire snapshots by the session's own SnapshotBuilder, so what is drawn is what the extension sends.
import { normalizeConfig, type ClusterConfig } from '../../src/core/config';
import { History } from '../../src/core/history';
import type { Input } from '../../src/core/inputs';
import type { ClusterSnapshot } from '../../src/protocol/messages';
import { SnapshotBuilder } from '../../src/session/snapshot';

export interface Scene {
  readonly history: History;
  snapshot(opts?: { paused?: boolean; speed?: number }): ClusterSnapshot;
  runUntil(time: number): void;
  apply(input: Input): void;
  /** Runs until some node leads (or `limit` simulated ms pass). */
  runUntilLeader(limit?: number): void;
}

export function scene(config: Partial<ClusterConfig>): Scene {
  const normalized = normalizeConfig(config);
  if (normalized.problems.length) throw new Error(normalized.problems.map((p) => p.message).join('; '));
  const history = new History(normalized.config);
  const builder = new SnapshotBuilder();
  return {
    history,
    snapshot: ({ paused = false, speed = 1 } = {}) =>
      builder.build(history, { paused, speed, achievedSpeed: null, headSeq: history.headSeq, headTime: history.headTime }),
    runUntil: (time) => void history.runUntil(time),
    apply: (input) => {
      const r = history.apply(input);
      if (!r.ok) throw new Error(r.error);
    },
    runUntilLeader: (limit = 60_000) => {
      const end = history.time + limit;
      while (history.leader() === null && history.time < end) history.runUntil(history.time + 50);
    },
  };
}

/** Configuration that keeps about 200 messages in flight in a 25-node raft cluster once it has a leader. */
export const BUSY_25: Partial<ClusterConfig> = {
  protocol: 'raft',
  size: 25,
  seed: 7,
  heartbeatInterval: 170,
  latencyMin: 350,
  latencyMax: 650,
  electionTimeoutMin: 4000,
  electionTimeoutMax: 8000,
};

/** Snapshots every `stepMs` simulated ms for `count` frames, with a client request every `requestEvery` ms. */
export function frames(s: Scene, count: number, stepMs: number, requestEvery = 0): ClusterSnapshot[] {
  const out: ClusterSnapshot[] = [];
  let nextRequest = s.history.time + requestEvery;
  for (let i = 0; i < count; i++) {
    s.runUntil(s.history.time + stepMs);
    if (requestEvery > 0 && s.history.time >= nextRequest && s.history.leader() !== null) {
      s.apply({ kind: 'request', value: `x=${i}` });
      nextRequest += requestEvery;
    }
    out.push(s.snapshot());
  }
  return out;
}
