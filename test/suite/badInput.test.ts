// Every bad input gets a message saying what was wrong and what to do, and the cluster keeps its state.
import * as assert from 'node:assert/strict';
import type { RaftClusterApi } from '../../src/extension';
import { electLeader, freshCluster, ok, raftApi, run } from './raftApi';

async function expectError(api: RaftClusterApi, pattern: RegExp, command: string, ...args: unknown[]): Promise<void> {
  const before = JSON.stringify(api.session.current());
  const shown = api.notices().length;
  const result = await run(command, ...args);
  assert.equal(result.ok, false, `${command}(${JSON.stringify(args)}) should fail`);
  const error = !result.ok ? result.error : '';
  assert.match(error, pattern, `${command}: ${error}`);
  const notice = api.notices()[shown];
  assert.ok(notice && notice.severity === 'error' && notice.text === error, `${command}: the user was shown the error`);
  assert.equal(JSON.stringify(api.session.current()), before, `${command}: the cluster kept its state`);
}

describe('bad input: clear messages, state kept', () => {
  let api: RaftClusterApi;
  before(async () => {
    api = await raftApi();
  });
  after(async () => {
    if (api.session.running) await ok('raft.stopCluster');
  });

  it('answers commands when no cluster is running', async () => {
    if (api.session.running) await ok('raft.stopCluster');
    for (const command of ['raft.stopCluster', 'raft.crashNode', 'raft.recoverNode', 'raft.pause', 'raft.resume', 'raft.step', 'raft.stepBack', 'raft.runUntilLeader', 'raft.heal', 'raft.clientRequest', 'raft.partition', 'raft.seek', 'raft.dropMessage']) {
      await expectError(api, /No Raft cluster is running\. Start one with "Raft: Start Cluster"/, command, command === 'raft.seek' ? 3 : command.includes('Node') ? 0 : undefined);
    }
  });

  it('rejects unknown nodes, crashing a crashed node, recovering a live one and bad arguments', async () => {
    await freshCluster(api, 5, { paused: true });
    await electLeader(api);
    await ok('raft.crashNode', 1);
    await expectError(api, /node 7 does not exist: the cluster has nodes 0-4/i, 'raft.crashNode', 7);
    await expectError(api, /node 1 is already crashed/i, 'raft.crashNode', { nodeId: 1 });
    await expectError(api, /node 2 is not crashed/i, 'raft.recoverNode', 2);
    await expectError(api, /needs a node id such as 2/, 'raft.crashNode', 'n2');
    await expectError(api, /needs a node id such as 2/, 'raft.recoverNode', { nodeId: -1 });
    await expectError(api, /speed must be a number from 0\.001 to 100/i, 'raft.setSpeed', 1000);
    await expectError(api, /speed must be a number/i, 'raft.setSpeed', 'fast');
    await expectError(api, /Cannot seek to -4/, 'raft.seek', -4);
    await expectError(api, /Run Until stops at/, 'raft.runUntil', 'lunch');
    await expectError(api, /not in flight/, 'raft.dropMessage', 999_999);
    await expectError(api, /nothing to heal/, 'raft.heal');
  });

  it('rejects partitions that name a node twice or leave one out', async () => {
    await freshCluster(api, 5, { paused: true });
    await expectError(api, /node 2 is in two groups/i, 'raft.partition', [[0, 1, 2], [2, 3, 4]]);
    await expectError(api, /node 4 is in no group/i, 'raft.partition', [[0, 1], [2, 3]]);
    await expectError(api, /at least two non-empty groups/, 'raft.partition', [[0, 1, 2, 3, 4]]);
    await expectError(api, /at least two non-empty groups/, 'raft.partition', 'half');
  });

  it('rejects a client request without a leader', async () => {
    await freshCluster(api, 3, { paused: true });
    assert.equal(api.session.timeline!.leader(), null);
    await expectError(api, /there is no leader right now/i, 'raft.clientRequest', { value: 'x=1' });
    await expectError(api, /non-empty/, 'raft.clientRequest', { value: '   ' });
  });

  it('caps the size at 1..25 and checks the protocol and seed', async () => {
    await freshCluster(api, 3, { paused: true });
    for (const size of [0, 26, 2.5, -3, '5']) {
      await expectError(api, /A cluster has 1 to 25 nodes/, 'raft.startCluster', { size, replace: true });
    }
    await expectError(api, /"raft" or "simple"/, 'raft.startCluster', { size: 3, protocol: 'paxos', replace: true });
    await expectError(api, /seed is a whole number/, 'raft.startCluster', { size: 3, seed: -1, replace: true });
    assert.equal(api.session.view()!.nodes.length, 3);
  });
});
