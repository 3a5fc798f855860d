// The extension loads in a real extension host, activates, hands back its API, and registers
// every command its manifest promises.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RaftClusterApi } from '../../src/extension';

const EXTENSION_ID = 'raft-cluster.raft-cluster';

function raftExtension(): vscode.Extension<RaftClusterApi> {
  const extension = vscode.extensions.getExtension<RaftClusterApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}

describe('smoke: the extension in a real extension host', () => {
  it('activates and returns its API', async () => {
    const api = await raftExtension().activate();
    assert.equal(raftExtension().isActive, true);
    assert.equal(typeof api, 'object', 'activate() should return the test API object');
    assert.notEqual(api, null);
  });

  it('registers raft.startCluster', async () => {
    await raftExtension().activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('raft.startCluster'), 'raft.startCluster is not registered');
  });

  it('registers every command contributed in package.json', async () => {
    const extension = raftExtension();
    await extension.activate();
    const contributed = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed but not registered');
  });
});
