// The panel's webview on its own in headless Chromium, with the HTML and CSP the extension serves
// and a stand-in for the VS Code API that records what the panel posts: 1,000 malformed host
// messages change nothing; every control and key posts the right message; selection survives in
// getState; the live region speaks; the CSP is never violated. (panel.e2e.ts covers the same panel
// inside the real workbench.)
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ClusterSnapshot, WebviewMessage } from '../../src/protocol/messages';
import type { PageGlobals } from '../bench/pageGlobals';
import { postToPanel, startPanelHost, type PanelHost } from '../bench/webviewPage';
import { scene } from '../bench/webviewScenes';

function paused(): { snapshot: ClusterSnapshot; crashedNext: ClusterSnapshot } {
  const s = scene({ protocol: 'raft', size: 5, seed: 3 });
  s.runUntilLeader();
  s.apply({ kind: 'request', value: 'x=1' });
  s.runUntil(s.history.time + 120);
  const snapshot = s.snapshot({ paused: true });
  const follower = snapshot.nodes.find((n) => n.role === 'follower')!.id;
  s.apply({ kind: 'crash', node: follower });
  return { snapshot, crashedNext: s.snapshot({ paused: true }) };
}

async function posted(page: Page): Promise<WebviewMessage[]> {
  return (await page.evaluate(() => (globalThis as unknown as PageGlobals).__posted)) as WebviewMessage[];
}

async function lastPosted(page: Page): Promise<WebviewMessage | undefined> {
  return (await posted(page)).at(-1);
}

/** Deterministic junk: broken copies of a valid snapshot message, and assorted non-messages. */
function malformed(valid: ClusterSnapshot, count: number): unknown[] {
  let seed = 11;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const junk: unknown[] = [null, 42, 'snapshot', [], {}, { type: 'snapshot' }, { type: 'selectEvent', seq: -1 }, { type: 'noCluster', extra: 1 }, { type: 'boom' }];
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      out.push(pick(junk));
      continue;
    }
    const copy = JSON.parse(JSON.stringify({ type: 'snapshot', snapshot: valid })) as { snapshot: Record<string, unknown> };
    const nodes = copy.snapshot.nodes as Record<string, unknown>[];
    const targets: Record<string, unknown>[] = [copy.snapshot, pick(nodes), copy.snapshot.session as Record<string, unknown>];
    const messages = copy.snapshot.messages as Record<string, unknown>[];
    if (messages.length) targets.push(pick(messages));
    const target = pick(targets);
    const key = pick(Object.keys(target).filter((k) => k !== 'extra' && k !== 'summary' && k !== 'text'));
    // None of these is a valid value of any wire field left in play (nullable fields get 'x').
    target[key] = pick([null, 'x', -7, Number.POSITIVE_INFINITY, { a: 1 }, [null]]);
    if (target[key] === null && ['votedFor', 'leader', 'currentTerm', 'term', 'granted', 'nextIndex', 'matchIndex', 'partitions', 'achievedSpeed'].includes(key)) target[key] = 'x';
    out.push(copy);
  }
  return out;
}

describe('Cluster panel webview (standalone Chromium)', () => {
  let host: PanelHost;
  let page: Page;
  const { snapshot, crashedNext } = paused();

  before(async () => {
    host = await startPanelHost();
    page = await host.open({ width: 1280, height: 820, theme: 'dark', quiet: true });
    await postToPanel(page, { type: 'snapshot', snapshot });
    await page.locator('svg.graph .node').nth(4).waitFor({ state: 'attached' });
  });
  after(async () => {
    await host?.close();
  });

  afterEach(async () => {
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations), [], 'no CSP violations');
  });

  it('says ready first', async () => {
    assert.deepEqual((await posted(page))[0], { type: 'ready' });
  });

  it('ignores 1,000 malformed host messages: nothing drawn changes, each one is logged', async () => {
    const before = await page.locator('#app').innerHTML();
    const warningsBefore = (await page.evaluate(() => (globalThis as unknown as PageGlobals).__warnings)).length;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Typed loosely for Playwright's argument check; the values go through its serializer as they are.
    const junk = malformed(snapshot, 1000) as unknown as string[];
    await page.evaluate((messages: string[]) => {
      for (const m of messages) (globalThis as unknown as PageGlobals).window.postMessage(m, '*');
    }, junk);
    await page.waitForTimeout(300);
    assert.deepEqual(errors, []);
    assert.equal(await page.locator('#app').innerHTML(), before, 'the panel looks exactly as before');
    const warnings = (await page.evaluate(() => (globalThis as unknown as PageGlobals).__warnings)).slice(warningsBefore);
    assert.equal(warnings.length, 1000);
    assert.ok(warnings.every((w) => w.includes('dropped a malformed message')), warnings.find((w) => !w.includes('dropped')));
  });

  it('posts commands from the toolbar and from the keyboard', async () => {
    await page.locator('vscode-button[aria-label="Step one event"]').click();
    assert.deepEqual(await lastPosted(page), { type: 'command', command: 'step' });
    await page.locator('vscode-button[aria-label="Step back"]').click();
    assert.deepEqual(await lastPosted(page), { type: 'command', command: 'stepBack' });
    await page.locator('svg.graph').click({ position: { x: 3, y: 3 } });
    const keys: [string, WebviewMessage][] = [
      ['ArrowRight', { type: 'command', command: 'step' }],
      ['ArrowLeft', { type: 'command', command: 'stepBack' }],
      [' ', { type: 'command', command: 'resume' }],
      ['l', { type: 'command', command: 'runUntilLeader' }],
      ['+', { type: 'setSpeed', speed: 2 }],
      ['-', { type: 'setSpeed', speed: 0.5 }],
      ['Home', { type: 'seek', seq: 0 }],
      ['End', { type: 'seek', seq: snapshot.session.headSeq }],
    ];
    for (const [key, expected] of keys) {
      await page.keyboard.press(key);
      assert.deepEqual(await lastPosted(page), expected, `key ${key}`);
    }
  });

  it('inspects a node with every field, acts on it, and keeps the selection in getState', async () => {
    const leader = snapshot.nodes.find((n) => n.role === 'leader')!;
    await page.locator(`svg.graph .node[data-node="${leader.id}"]`).click();
    const inspector = page.locator('.inspector');
    await inspector.waitFor({ state: 'visible' });
    for (const field of ['role', 'currentTerm', 'votedFor', 'leader', 'log length', 'commitIndex', 'lastApplied', 'nextIndex', 'matchIndex', 'votesReceived', 'heartbeat timer', 'inbox']) {
      assert.equal(await inspector.locator('dt', { hasText: new RegExp(`^${field}$`) }).count(), 1, `shows ${field}`);
    }
    assert.match((await inspector.locator('h2').textContent()) ?? '', new RegExp(`Node n${leader.id}`));
    await inspector.locator('vscode-button[aria-label="Crash"]').click();
    assert.deepEqual(await lastPosted(page), { type: 'nodeCommand', command: 'crash', node: leader.id });
    await page.keyboard.press('t');
    assert.deepEqual(await lastPosted(page), { type: 'nodeCommand', command: 'timeout', node: leader.id });
    const state = (await page.evaluate(() => (globalThis as unknown as PageGlobals).__state)) as { selectedNode: number };
    assert.equal(state.selectedNode, leader.id);
    await page.keyboard.press('Escape');
    await inspector.waitFor({ state: 'hidden' });
  });

  it('selects a message from the keyboard and drops it', async () => {
    assert.ok(snapshot.messages.length > 0, 'the scene has messages in flight');
    await page.keyboard.press('m');
    const inspector = page.locator('.inspector');
    await inspector.waitFor({ state: 'visible' });
    const title = (await inspector.locator('h2').textContent()) ?? '';
    const id = Number(/#(\d+)/.exec(title)?.[1]);
    assert.ok(snapshot.messages.some((m) => m.id === id), `inspects message ${id}`);
    for (const field of ['kind', 'from', 'to', 'term', 'entries', 'sentAt', 'deliverAt', 'state', 'summary']) {
      assert.equal(await inspector.locator('dt', { hasText: new RegExp(`^${field}$`) }).count(), 1, `shows ${field}`);
    }
    await page.keyboard.press('d');
    assert.deepEqual(await lastPosted(page), { type: 'drop', message: id });
    await inspector.locator('vscode-button[aria-label="Drop"]').click();
    assert.deepEqual(await lastPosted(page), { type: 'drop', message: id });
    await page.keyboard.press('Escape');
  });

  it('seeks from the event list and the scrubber, and links each event to its code', async () => {
    const row = page.locator('.events li').nth(2);
    const seq = Number(await row.getAttribute('data-seq'));
    await row.click();
    assert.deepEqual(await lastPosted(page), { type: 'seek', seq });
    await row.locator('.code-link').click();
    assert.deepEqual(await lastPosted(page), { type: 'showCode', seq });
    const scrubber = page.locator('.timeline input[type="range"]');
    await scrubber.focus();
    await scrubber.press('ArrowLeft');
    await page.waitForTimeout(150);
    assert.deepEqual(await lastPosted(page), { type: 'seek', seq: snapshot.seq - 1 });
  });

  it('partitions by picking nodes, and refuses a partition with one group', async () => {
    await page.locator('svg.graph').click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('p');
    const bar = page.locator('.partition-bar');
    await bar.waitFor({ state: 'visible' });
    await bar.locator('vscode-button[aria-label="Apply"]').click();
    assert.match((await bar.locator('.problem').textContent()) ?? '', /Every node is in group A/);
    await page.locator('svg.graph .node[data-node="1"]').click();
    await page.locator('svg.graph .node[data-node="3"]').click();
    assert.equal(await page.locator('svg.graph .region.draft').count(), 2, 'the draft is drawn as two regions');
    await bar.locator('vscode-button[aria-label="Apply"]').click();
    assert.deepEqual(await lastPosted(page), { type: 'partition', groups: [[0, 2, 4], [1, 3]] });
    await bar.waitFor({ state: 'hidden' });
  });

  it('partitions by dragging a node onto empty space', async () => {
    await page.keyboard.press('p');
    const bar = page.locator('.partition-bar');
    await bar.waitFor({ state: 'visible' });
    const box = (await page.locator('svg.graph .node[data-node="2"] .body').boundingBox())!;
    const graph = (await page.locator('svg.graph').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2, { steps: 8 });
    await page.mouse.up();
    await bar.locator('vscode-button[aria-label="Apply"]').click();
    assert.deepEqual(await lastPosted(page), { type: 'partition', groups: [[0, 1, 3, 4], [2]] });
  });

  it('animates between snapshots while playing, and holds still under reduced motion', async () => {
    const playing = { ...snapshot, session: { ...snapshot.session, paused: false, speed: 1 } };
    const clockAfter = async (p: Page): Promise<number> => {
      await postToPanel(p, { type: 'snapshot', snapshot: playing });
      await p.waitForTimeout(200);
      return Number.parseFloat((await p.locator('.clock').textContent()) ?? '');
    };
    const moved = await clockAfter(page);
    assert.ok(moved * 1000 > snapshot.time + 50, `the clock ran on from ${snapshot.time} ms to ${moved} s`);
    assert.ok(moved * 1000 <= snapshot.time + 260, 'but no further than a quarter second ahead of the host');
    const still = await host.open({ width: 900, height: 700, theme: 'light', reduceMotion: true });
    assert.equal(await clockAfter(still), snapshot.time / 1000, 'reduced motion: time moves only with snapshots');
    await still.close();
  });

  it('announces a crash in the live region and greys the node', async () => {
    await postToPanel(page, { type: 'snapshot', snapshot: crashedNext });
    const crashed = crashedNext.nodes.find((n) => n.role === 'crashed')!;
    await page.locator(`svg.graph .node.crashed[data-node="${crashed.id}"]`).waitFor({ state: 'attached' });
    const live = page.locator('[aria-live="polite"]');
    await page.waitForFunction((text) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('[aria-live="polite"]')?.textContent?.includes(text), `Node ${crashed.id} crashed.`);
    assert.match((await live.textContent()) ?? '', new RegExp(`Node ${crashed.id} crashed`));
    const menu = JSON.parse((await page.locator(`svg.graph .node[data-node="${crashed.id}"]`).getAttribute('data-vscode-context'))!);
    assert.deepEqual(menu, { webviewSection: 'node', nodeId: crashed.id, raftNodeState: 'crashedNode', preventDefaultContextMenuItems: true });
  });

  it('shows the empty state when no cluster runs, with a Start button', async () => {
    await postToPanel(page, { type: 'noCluster' });
    await page.locator('.empty-state').waitFor({ state: 'visible' });
    await page.locator('.empty-state vscode-button').click();
    assert.deepEqual(await lastPosted(page), { type: 'command', command: 'start' });
  });
});
