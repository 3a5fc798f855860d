// A window reload brings the cluster back exactly where it was, paused: the saved config, seed,
// inputs and position replay deterministically.
import * as assert from 'node:assert/strict';
import type { RaftClusterApi } from '../../src/extension';
import { parsePersisted } from '../../src/session/persistence';
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
    // A copy of what a reload would read: once the run moves on, the store follows it.
    const saved = structuredClone(api.persistence.saved()) as { seq: number };
    assert.equal(saved.seq, before!.seq);

    await ok('raft.resume'); // move on, then come back the way a reload would
    await new Promise((r) => setTimeout(r, 200));
    const parsed = parsePersisted(saved);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.ok(api.session.restore(parsed.state).ok);
    assert.equal(api.session.paused, true);
    assert.deepEqual(api.session.view(), before);
  });

  it('keeps the recorded future: after stepping back, a reload can still step forward into it', async () => {
    await freshCluster(api, 3, { paused: true, seed: 5 });
    await electLeader(api);
    await ok('raft.clientRequest', { value: 'ahead' });
    for (let i = 0; i < 5; i++) await ok('raft.step');
    const head = api.session.timeline!.headSeq;
    for (let i = 0; i < 8; i++) await ok('raft.stepBack'); // back over the request
    await api.persistence.save();
    const saved = structuredClone(api.persistence.saved());
    const before = api.session.view();
    const parsed = parsePersisted(saved);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.ok(api.session.restore(parsed.state).ok);
    assert.deepEqual(api.session.view(), before);
    assert.equal(api.session.timeline!.headSeq, head, 'the recorded end is back');
    for (let i = 0; i < 8; i++) await ok('raft.step');
    assert.equal(api.session.view()!.seq, head);
  });

  it('restore() rebuilds what the store saved last', async () => {
    await freshCluster(api, 3, { paused: true, seed: 7 });
    await electLeader(api);
    await ok('raft.pause');
    await api.persistence.save();
    const before = api.session.view();
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
