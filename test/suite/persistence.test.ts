// A window reload brings the cluster back exactly where it was, paused: the saved config, seed,
// inputs and position replay deterministically.
import * as assert from 'node:assert/strict';
import type { RaftClusterApi } from '../../src/extension';
import { electLeader, freshCluster, ok, raftApi } from './raftApi';

describe('persistence across reloads', () => {
  let api: RaftClusterApi;
  before(async () => {
    api = await raftApi();
  });
  after(async () => {
    if (api.session.running) await ok('raft.stopCluster');
  });

  it('restores the same cluster at the same event, paused', async () => {
    await freshCluster(api, 5, { paused: true, seed: 99 });
    const leader = await electLeader(api);
    await ok('raft.clientRequest', { value: 'y=2' });
    await ok('raft.crashNode', leader);
    await electLeader(api);
    await ok('raft.step');
    await ok('raft.stepBack');
    await ok('raft.resume');
    await new Promise((r) => setTimeout(r, 300));
    await ok('raft.pause');
    const before = api.session.view();
    await api.persistence.save();
    const saved = api.persistence.saved() as { seq: number };
    assert.equal(saved.seq, before!.seq);

    await ok('raft.resume'); // move on, then come back the way a reload would
    await new Promise((r) => setTimeout(r, 200));
    const restored = api.persistence.restore();
    assert.ok(restored.ok && restored.restored);
    assert.equal(api.session.paused, true);
    assert.deepEqual(api.session.view(), before);
  });

  it('forgets the saved cluster when it is stopped', async () => {
    await freshCluster(api, 3, { paused: true });
    await ok('raft.stopCluster');
    await api.persistence.save();
    assert.equal(api.persistence.saved(), undefined);
  });
});
