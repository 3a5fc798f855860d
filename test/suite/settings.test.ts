// raft.* settings: out-of-range values are clamped with a warning naming the setting; speed
// applies to the running cluster at once, the rest at the next start.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RaftClusterApi } from '../../src/extension';
import { freshCluster, ok, raftApi } from './raftApi';

const KEYS = ['size', 'latencyMax', 'dropRate', 'speed', 'electionTimeoutMin', 'protocol'];

describe('settings', () => {
  let api: RaftClusterApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('raft');
  before(async () => {
    api = await raftApi();
  });
  afterEach(async () => {
    for (const key of KEYS) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    if (api.session.running) await ok('raft.stopCluster');
  });

  it('clamps out-of-range values with a warning naming each setting', async () => {
    await config().update('size', 40, vscode.ConfigurationTarget.Global);
    await config().update('latencyMax', 99_999, vscode.ConfigurationTarget.Global);
    await config().update('dropRate', 3, vscode.ConfigurationTarget.Global);
    const settings = await api.waitFor(() => (api.settings().cluster.size === 25 ? api.settings() : undefined), 3000, 'the new settings');
    assert.equal(settings.cluster.latencyMax, 10_000);
    assert.equal(settings.cluster.dropRate, 0.9);
    for (const name of ['raft.size', 'raft.latencyMax', 'raft.dropRate']) {
      assert.ok(settings.warnings.some((w) => w.startsWith(name)), `a warning names ${name}: ${settings.warnings.join(' | ')}`);
    }
    const shown = await api.waitFor(() => api.notices().find((n) => n.severity === 'warning' && n.text.includes('raft.latencyMax')), 3000, 'the warning shown');
    assert.match(shown.text, /raft\.latencyMax must be between 0 and 10000 \(ms\), not 99999; using 10000/);

    const start = await ok('raft.startCluster', { replace: true, paused: true, seed: 5 });
    assert.equal(start.size, 25, 'the clamped size is used');
    assert.equal(api.session.config!.latencyMax, 10_000);
    assert.equal(api.session.config!.dropRate, 0.9);
  });

  it('applies speed now and says the others wait for the next start', async () => {
    await freshCluster(api, 3, { paused: true });
    const shown = api.notices().length;
    await config().update('speed', 7, vscode.ConfigurationTarget.Global);
    await api.waitFor(() => api.session.speed === 7, 3000, 'speed applied');
    await config().update('electionTimeoutMin', 1000, vscode.ConfigurationTarget.Global);
    const notices = await api.waitFor(() => (api.notices().length >= shown + 2 ? api.notices().slice(shown) : undefined), 3000, 'two notices');
    assert.ok(notices.some((n) => /raft\.speed applied now/.test(n.text)));
    assert.ok(notices.some((n) => /raft\.electionTimeoutMin applies at the next Start Cluster/.test(n.text)));
    assert.equal(api.session.config!.electionTimeoutMin, 1500, 'the running cluster keeps its timing');
  });

  it('uses the protocol defaults for values left unset', async () => {
    await config().update('protocol', 'simple', vscode.ConfigurationTarget.Global);
    const settings = await api.waitFor(() => (api.settings().cluster.protocol === 'simple' ? api.settings() : undefined), 3000, 'protocol setting');
    assert.equal(settings.cluster.size, 3, 'simple defaults to the original 3 nodes');
    assert.equal(settings.cluster.electionTimeoutMin, 1000);
    assert.deepEqual(settings.warnings, []);
  });
});
