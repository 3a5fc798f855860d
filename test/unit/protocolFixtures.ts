// Valid wire messages for the protocol tests: a real snapshot from the core (so the validators
// accept what the session really sends), and one of each webview message.
import { normalizeConfig } from '../../src/core/config';
import { History } from '../../src/core/history';
import type { ClusterSnapshot, HostMessage, WebviewMessage } from '../../src/protocol/messages';
import { SnapshotBuilder } from '../../src/session/snapshot';

export function realSnapshot(protocol: 'raft' | 'simple' = 'raft', size = 5, runMs = 4000): ClusterSnapshot {
  const history = new History(normalizeConfig({ protocol, size, seed: 3 }).config);
  history.runUntil(runMs);
  if (protocol === 'raft' && history.leader() !== null) history.apply({ kind: 'request', value: 'x=1' });
  history.runUntil(runMs + 150);
  return new SnapshotBuilder().build(history, { paused: true, speed: 1, achievedSpeed: null, headSeq: history.headSeq, headTime: history.headTime });
}

/** A deep, plain-JSON copy (what postMessage delivers). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function validHostMessages(): HostMessage[] {
  return [
    { type: 'snapshot', snapshot: realSnapshot('raft') },
    { type: 'snapshot', snapshot: realSnapshot('simple', 3) },
    { type: 'noCluster' },
    { type: 'selectEvent', seq: 12 },
  ];
}

export const VALID_WEBVIEW_MESSAGES: readonly WebviewMessage[] = [
  { type: 'ready' },
  { type: 'command', command: 'start' },
  { type: 'command', command: 'pause' },
  { type: 'command', command: 'resume' },
  { type: 'command', command: 'step' },
  { type: 'command', command: 'stepBack' },
  { type: 'command', command: 'runUntilLeader' },
  { type: 'command', command: 'heal' },
  { type: 'nodeCommand', command: 'crash', node: 2 },
  { type: 'nodeCommand', command: 'recover', node: 0 },
  { type: 'nodeCommand', command: 'timeout', node: 4 },
  { type: 'nodeCommand', command: 'request', node: 1 },
  { type: 'setSpeed', speed: 0.001 },
  { type: 'setSpeed', speed: 2.5 },
  { type: 'setSpeed', speed: 100 },
  { type: 'seek', seq: 0 },
  { type: 'seek', seq: 999 },
  { type: 'drop', message: 17 },
  { type: 'partition', groups: [[0, 1], [2, 3, 4]] },
  { type: 'partition', groups: [[0], [1], [2]] },
  { type: 'showCode', seq: 5 },
];
