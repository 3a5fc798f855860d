// Activation stays cheap (the budget is 50 ms): activate() itself, and loading the bundle.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, raftApi } from './raftApi';

describe('activation', () => {
  it('activate() and loading dist/extension.js each take well under 50 ms', async () => {
    const api = await raftApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const main = path.join(extension.extensionPath, String(extension.packageJSON.main));
    // A fresh evaluation of the bundle (no activation): what the host pays before activate() runs.
    const resolved = require.resolve(main);
    const cached = require.cache[resolved];
    delete require.cache[resolved];
    const started = performance.now();
    require(resolved);
    const loadMs = performance.now() - started;
    if (cached) require.cache[resolved] = cached;
    console.log(`      activate() ${api.activationMs.toFixed(1)} ms; loading ${path.basename(main)} ${loadMs.toFixed(1)} ms`);
    assert.ok(api.activationMs < 50, `activate() took ${api.activationMs} ms`);
    assert.ok(loadMs < 50, `loading the bundle took ${loadMs} ms`);
  });
});
