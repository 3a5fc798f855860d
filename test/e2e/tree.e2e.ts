// The user's day in the browser workbench: "Raft: Start Cluster" from the palette, the Nodes tree
// fills in and elects a leader, right-click the leader -> Crash Node, another node takes over; a
// window reload brings the cluster back where it was, paused.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { chooseFromContextMenu, chooseQuickPickItem, closeQuickInput, paletteEntries, quickPickLabels, openViewContainer, runCommand, screenshot, treeRows, waitForWorkbench, type Workbench, openWorkbench } from './lib';

const ELECTION_MS = 20_000;

/** Tree rows of nodes (n0, n1, ...) whose description starts with `role`. */
function nodeRows(page: Page, role?: string): Locator {
  const rows = treeRows(page, 'Nodes').filter({ has: page.locator('.label-name', { hasText: /^n\d+$/ }) });
  return role ? rows.filter({ has: page.locator('.label-description', { hasText: new RegExp(`^${role}\\b`) }) }) : rows;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The palette, searched for exactly `title`, does not offer it. */
async function assertNotInPalette(page: Page, title: string, when: string): Promise<void> {
  const entries = await paletteEntries(page, title).catch(() => [] as string[]);
  await closeQuickInput(page);
  assert.ok(!entries.includes(title), `${title} is hidden ${when}: ${JSON.stringify(entries)}`);
}

async function rowName(row: Locator): Promise<string> {
  return (await row.locator('.label-name').first().textContent())!.trim();
}

async function statusBarText(page: Page): Promise<string> {
  return (await page.locator('.part.statusbar .statusbar-item', { hasText: /Raft/ }).first().textContent({ timeout: ELECTION_MS }))!.trim();
}

describe('Nodes tree: the palette flow and crashing from the tree', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('starts a cluster from the palette with the size and protocol quick picks', async () => {
    const { page } = workbench;
    // The palette lists what was contributed when it opened: wait for the extension's contributions.
    await page.locator('.part.activitybar .action-item a[aria-label^="Raft"]').first().waitFor({ state: 'visible' });
    for (const hidden of ['Raft: Crash Node', 'Raft: Pause', 'Raft: Step Back', 'Raft: Stop Cluster']) await assertNotInPalette(page, hidden, 'with no cluster');
    await runCommand(page, 'Raft: Start Cluster');
    await chooseQuickPickItem(page, '5 nodes');
    await chooseQuickPickItem(page, 'raft');
    await openViewContainer(page, 'Raft');
    await nodeRows(page).nth(4).waitFor({ state: 'visible' });
    assert.equal(await nodeRows(page).count(), 5);
    await nodeRows(page, 'leader').first().waitFor({ state: 'visible', timeout: ELECTION_MS });
    assert.equal(await nodeRows(page, 'leader').count(), 1, 'exactly one leader');
    const leader = await rowName(nodeRows(page, 'leader').first());
    await page.locator('.part.statusbar .statusbar-item', { hasText: `${leader} leads` }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'tree-started');
    for (const shown of ['Raft: Crash Node', 'Raft: Pause', 'Raft: Step', 'Raft: Client Request']) {
      const entries = await paletteEntries(page, shown);
      await closeQuickInput(page);
      assert.ok(entries.includes(shown), `${shown} is offered: ${JSON.stringify(entries)}`);
    }
    for (const hidden of ['Raft: Resume', 'Raft: Recover Node', 'Raft: Heal Network']) await assertNotInPalette(page, hidden, 'while it cannot apply');
  });

  it('right-click the leader -> Crash Node: it shows crashed and another node becomes leader', async () => {
    const { page } = workbench;
    const leaderRow = nodeRows(page, 'leader').first();
    const leader = await rowName(leaderRow);
    await chooseFromContextMenu(page, leaderRow, 'Crash Node');
    const crashedRow = nodeRows(page, 'crashed');
    // A menu can ignore a click that lands as it opens; the chosen item keeps the focus, so Enter picks it.
    await crashedRow.first().waitFor({ state: 'visible', timeout: 3000 }).catch(async () => {
      if (await page.locator('.monaco-menu').first().isVisible()) await page.keyboard.press('Enter');
      await crashedRow.first().waitFor({ state: 'visible' });
    });
    assert.equal(await rowName(crashedRow.first()), leader);
    const icon = crashedRow.first().locator('.codicon-circle-slash');
    assert.equal(await icon.count(), 1, 'the crashed node has the crashed icon');
    await until(async () => {
      const rows = nodeRows(page, 'leader');
      return (await rows.count()) === 1 && (await rowName(rows.first())) !== leader;
    }, ELECTION_MS, 'another node becomes leader');
    const next = await rowName(nodeRows(page, 'leader').first());
    assert.notEqual(next, leader);
    assert.match(await statusBarText(page), new RegExp(`${next} leads, term \\d+, 1 crashed`));
    await screenshot(page, 'tree-crashed-new-leader');
  });

  it('a window reload brings the cluster back where it was, paused', async () => {
    const { page } = workbench;
    await runCommand(page, 'Raft: Pause');
    await page.locator('.part.sidebar', { hasText: /Paused at event \d+/ }).first().waitFor({ state: 'visible' });
    await page.waitForTimeout(500); // the tree's last refresh after the pause
    const before = await nodeRows(page).evaluateAll((rows) => rows.map((r) => r.textContent));
    const pausedAt = async (): Promise<string> => /Paused at event \d+, t = [\d.]+ s/.exec((await page.locator('.part.sidebar').first().textContent()) ?? '')?.[0] ?? 'no pause line';
    const pointBefore = await pausedAt();
    await runCommand(page, 'Developer: Reload Window');
    await waitForWorkbench(page);
    // The reload may restore the Raft side bar already open, where clicking its icon would close it.
    await page.locator('.part.activitybar .action-item a[aria-label^="Raft"]').first().waitFor({ state: 'visible' });
    await runCommand(page, 'View: Show Raft');
    await nodeRows(page, 'crashed').first().waitFor({ state: 'visible', timeout: ELECTION_MS });
    const after = await nodeRows(page).evaluateAll((rows) => rows.map((r) => r.textContent));
    assert.deepEqual(after, before);
    await page.locator('.part.sidebar', { hasText: /Paused at event \d+/ }).first().waitFor({ state: 'visible' });
    assert.equal(await pausedAt(), pointBefore, 'the same event and time');
    await screenshot(page, 'tree-after-reload');
  });

  it('expands a node into its fields and shows them all in the tooltip', async () => {
    const { page } = workbench;
    const leaderRow = nodeRows(page, 'leader').first();
    await leaderRow.click();
    await page.keyboard.press('ArrowRight');
    const details = treeRows(page, 'Nodes');
    for (const field of ['currentTerm', 'votedFor', 'commitIndex', 'nextIndex', 'matchIndex', 'heartbeat timer']) {
      await details.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${field}$`) }) }).first().waitFor({ state: 'visible' });
    }
    await page.mouse.move(700, 600);
    await leaderRow.locator('.label-name').hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'currentTerm' });
    await hover.first().waitFor({ state: 'visible' });
    assert.match((await hover.first().textContent()) ?? '', /matchIndex/);
    await screenshot(page, 'tree-details-tooltip');
  });

  it('clicking the status bar item opens the cluster panel', async () => {
    const { page } = workbench;
    await page.locator('.part.statusbar .statusbar-item', { hasText: /Raft: n\d+ leads/ }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'Raft Cluster' }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'tree-status-bar-opens-panel');
  });

  it('from the palette, Recover Node offers only the crashed node; Start asks before replacing the cluster', async () => {
    const { page } = workbench;
    const crashed = await rowName(nodeRows(page, 'crashed').first());
    await runCommand(page, 'Raft: Recover Node');
    await page.locator('.quick-input-widget .monaco-list-row .label-name', { hasText: /^\s*n\d+\s*$/ }).first().waitFor({ state: 'visible' });
    assert.deepEqual(await quickPickLabels(page), [crashed], 'only crashed nodes are offered');
    await chooseQuickPickItem(page, crashed);
    await until(async () => (await nodeRows(page, 'crashed').count()) === 0, 5000, `${crashed} recovers`);

    await runCommand(page, 'Raft: Start Cluster');
    await chooseQuickPickItem(page, '3 nodes');
    await chooseQuickPickItem(page, 'raft');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    assert.match((await dialog.textContent()) ?? '', /A 5-node raft cluster is running\. Replace it with a new 3-node raft cluster\?/);
    await screenshot(page, 'tree-replace-dialog');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await nodeRows(page).count(), 5, 'the running cluster is kept');
  });
});
