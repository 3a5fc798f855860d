// A person's first minute: the palette offers the Raft commands, the Raft icon opens the Nodes
// view, and the helpers reach into a webview (the built-in Markdown preview stands in for ours).
import * as assert from 'node:assert/strict';
import {
  chooseQuickPickItem,
  closeQuickInput,
  findInFrames,
  openViewContainer,
  openWorkbench,
  paletteEntries,
  runCommand,
  screenshot,
  viewPane,
  type Workbench,
} from './lib';

describe('smoke: the extension in the browser workbench', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ files: { 'notes.md': '# Notes from the harness\n' } });
  });

  after(async () => {
    await workbench?.close();
  });

  it('offers "Raft: Start Cluster" in the command palette', async () => {
    const entries = await paletteEntries(workbench.page, 'Raft: Start');
    await screenshot(workbench.page, 'smoke-palette');
    assert.ok(entries.includes('Raft: Start Cluster'), `palette shows ${JSON.stringify(entries)}`);
    await closeQuickInput(workbench.page);
  });

  it('opens the Nodes view from the Raft activity-bar icon', async () => {
    await openViewContainer(workbench.page, 'Raft');
    await viewPane(workbench.page, 'Nodes').locator('.pane-body').waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'smoke-nodes-view');
  });

  it('runs a command by its title and finds content inside a webview frame', async () => {
    const { page } = workbench;
    await runCommand(page, 'Go to File...');
    await page.locator('.quick-input-widget input').fill('notes.md');
    await chooseQuickPickItem(page, 'notes.md');
    await page.locator('.tabs-container .tab', { hasText: 'notes.md' }).waitFor({ state: 'visible' });
    await runCommand(page, 'Markdown: Open Preview');
    const heading = await findInFrames(page, 'h1', { hasText: 'Notes from the harness' });
    assert.equal((await heading.first().textContent())?.trim(), 'Notes from the harness');
    await screenshot(page, 'smoke-webview-frame');
  });
});
