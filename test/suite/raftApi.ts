// Shared by the integration suites: the running extension's API and command helpers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RaftClusterApi } from '../../src/extension';
import type { CommandResult } from '../../src/vscode/commandResult';

export const EXTENSION_ID = 'raft-cluster.raft-cluster';

export async function raftApi(): Promise<RaftClusterApi> {
  const extension = vscode.extensions.getExtension<RaftClusterApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this extension host`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

export async function run(command: string, ...args: unknown[]): Promise<CommandResult> {
  const result = await vscode.commands.executeCommand<CommandResult>(command, ...args);
  assert.equal(typeof result, 'object', `${command} resolved to ${String(result)}, not a result object`);
  return result;
}

export async function ok(command: string, ...args: unknown[]): Promise<CommandResult & { ok: true }> {
  const result = await run(command, ...args);
  assert.ok(result.ok, `${command} failed: ${!result.ok ? result.error : ''}`);
  return result;
}

/** A fresh cluster (replacing any other) with a fixed seed, so each test sees a reproducible run. */
export async function freshCluster(api: RaftClusterApi, size: number, options: { protocol?: 'raft' | 'simple'; paused?: boolean; seed?: number } = {}): Promise<void> {
  await ok('raft.startCluster', { size, protocol: options.protocol ?? 'raft', seed: options.seed ?? 11, replace: true, paused: options.paused ?? false });
  assert.equal(api.session.view()!.nodes.length, size);
}

export function leaders(api: RaftClusterApi): number[] {
  return api.session.view()!.nodes.filter((n) => n.role === 'leader').map((n) => n.id);
}

export async function electLeader(api: RaftClusterApi): Promise<number> {
  const result = await ok('raft.runUntilLeader');
  const leader = result.node as number;
  assert.equal(api.session.view()!.nodes[leader]!.role, 'leader', 'run until leader stopped at the election');
  return leader;
}
