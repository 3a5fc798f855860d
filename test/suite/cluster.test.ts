// The user's day, through the real commands: start, watch a leader emerge, crash it, see another
// win a higher term, recover, pause and step through events with the tree agreeing.
import * as assert from 'node:assert/strict';
import type { RaftClusterApi } from '../../src/extension';
import { electLeader, freshCluster, leaders, ok, raftApi } from './raftApi';

describe('cluster: commands in the real extension host', () => {
  let api: RaftClusterApi;
  before(async () => {
    api = await raftApi();
    await ok('raft.setSpeed', 20);
  });
  after(async () => {
    if (api.session.running) await ok('raft.stopCluster');
  });

  for (const size of [3, 5]) {
    it(`starts ${size} nodes and exactly one leader is elected`, async () => {
      await freshCluster(api, size);
      assert.equal(api.contextKey('raft.clusterRunning'), true);
      const leader = await api.waitFor(() => (leaders(api).length === 1 ? leaders(api)[0] : undefined), 15_000, 'a leader');
      // Stays the only leader while heartbeats flow.
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(leaders(api), [leader]);
      await api.waitFor(() => api.statusBarText().includes(`n${leader} leads`), 2000, 'the status bar names the leader');
    });
  }

  it('crashing the leader elects another in a higher term; recovering brings it back as a follower', async () => {
    await freshCluster(api, 5, { paused: true });
    const first = await electLeader(api);
    const term = api.session.view()!.nodes[first]!.currentTerm!;
    await ok('raft.crashNode', { nodeId: first });
    assert.equal(api.session.view()!.nodes[first]!.role, 'crashed');
    const second = await electLeader(api);
    assert.notEqual(second, first);
    assert.ok(api.session.view()!.nodes[second]!.currentTerm! > term, 'the new leader has a higher term');
    await ok('raft.recoverNode', first);
    assert.notEqual(api.session.view()!.nodes[first]!.role, 'crashed');
    await ok('raft.step');
    await api.waitFor(() => api.contextKey('raft.anyCrashed') === false, 2000, 'raft.anyCrashed cleared');
  });

  it('step applies exactly one event and the tree agrees; step back undoes it', async () => {
    await freshCluster(api, 5, { paused: true });
    await electLeader(api);
    const seq = api.session.timeline!.seq;
    const before = JSON.stringify(api.session.view()!.nodes);
    const step = await ok('raft.step');
    assert.equal(step.seq, seq + 1);
    assert.equal(api.session.timeline!.seq, seq + 1);
    assert.equal(api.session.paused, true);
    assert.equal(typeof step.text, 'string');
    const view = api.session.view()!;
    const items = api.tree.getChildren().map((e) => api.tree.getTreeItem(e));
    assert.equal(items.length, view.nodes.length);
    items.forEach((item, i) => {
      const node = view.nodes[i]!;
      assert.equal(item.label, `n${node.id}`);
      assert.equal(item.contextValue, `${node.role}Node`);
      assert.match(String(item.description), new RegExp(`^${node.role} · term ${node.currentTerm} · log ${node.log.length}/${node.commitIndex}$`));
    });
    await ok('raft.stepBack');
    assert.equal(api.session.timeline!.seq, seq);
    assert.equal(JSON.stringify(api.session.view()!.nodes), before);
  });

  it('pause holds time still and resume moves it again', async () => {
    await freshCluster(api, 3);
    await new Promise((r) => setTimeout(r, 200));
    await ok('raft.pause');
    assert.equal(api.contextKey('raft.paused'), true);
    const { time, seq } = api.session.timeline!;
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(api.session.timeline!.time, time);
    assert.equal(api.session.timeline!.seq, seq);
    await ok('raft.resume');
    await api.waitFor(() => api.session.timeline!.time > time, 2000, 'the clock moves after resume');
    assert.equal(api.contextKey('raft.paused'), false);
  });

  it('client requests reach the leader and commit; partition and heal', async () => {
    await freshCluster(api, 5, { paused: true });
    const leader = await electLeader(api);
    const request = await ok('raft.clientRequest', { value: 'x=1' });
    assert.equal(request.leader, leader);
    const commit = await ok('raft.runUntil', 'commit');
    assert.equal(commit.node, leader);
    const others = [0, 1, 2, 3, 4].filter((n) => n !== leader);
    await ok('raft.partition', [[leader, others[0]!], others.slice(1)]);
    assert.notEqual(api.session.view()!.partitions, null);
    await ok('raft.heal');
    assert.equal(api.session.view()!.partitions, null);
  });

  it('seek moves to an event of the recorded timeline; a node menu argument is a tree element', async () => {
    await freshCluster(api, 3, { paused: true });
    await electLeader(api);
    const head = api.session.timeline!.seq;
    await ok('raft.seek', 2);
    assert.equal(api.session.timeline!.seq, 2);
    await ok('raft.seek', head);
    const [element] = api.tree.getChildren();
    await ok('raft.crashNode', element);
    assert.equal(api.session.view()!.nodes[0]!.role, 'crashed');
    await api.waitFor(() => api.tree.getTreeItem(api.tree.getChildren()[0]!).contextValue === 'crashedNode', 1000, 'the tree shows the crash');
  });

  it('the tree refreshes at most 10 times a second, and only when something it shows changed', async () => {
    await freshCluster(api, 5);
    await ok('raft.setSpeed', 100);
    await new Promise((r) => setTimeout(r, 300));
    const before = api.tree.refreshes;
    await new Promise((r) => setTimeout(r, 2000));
    const refreshes = api.tree.refreshes - before;
    assert.ok(refreshes > 0 && refreshes <= 21, `${refreshes} tree refreshes in 2 s at 100x`);
    await ok('raft.pause');
    await new Promise((r) => setTimeout(r, 300));
    const paused = api.tree.refreshes;
    await ok('raft.setSpeed', 3); // not shown in the tree
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(api.tree.refreshes, paused, 'no refresh without a change the tree shows');
    await ok('raft.setSpeed', 20);
  });

  it('stop clears the cluster and the context key', async () => {
    await freshCluster(api, 3);
    await ok('raft.stopCluster');
    assert.equal(api.session.running, false);
    assert.equal(api.contextKey('raft.clusterRunning'), false);
    assert.deepEqual(api.tree.getChildren(), []);
  });
});
