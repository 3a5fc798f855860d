// Screenshots of the panel at 3, 5, 9 and 25 nodes in dark and light (and one high contrast), plus
// a partition, a simple-protocol split brain with its violation banner, and an open inspector.
// Writes build/screenshots/*.png. Run: npm run shots:webview
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { ClusterSnapshot } from '../../src/protocol/messages';
import type { PageGlobals } from './pageGlobals';
import { postToPanel, ROOT, startPanelHost, type Theme } from './webviewPage';
import { BUSY_25, scene } from './webviewScenes';

interface Shot {
  readonly name: string;
  readonly snapshot: ClusterSnapshot;
  readonly themes: readonly Theme[];
  readonly click?: string;
  readonly size?: { width: number; height: number };
}

function shots(): Shot[] {
  const out: Shot[] = [];
  for (const size of [3, 5, 9]) {
    const s = scene({ protocol: 'raft', size, seed: 3 });
    s.runUntilLeader();
    s.apply({ kind: 'request', value: 'x=1' });
    s.runUntil(s.history.time + 700);
    s.apply({ kind: 'request', value: 'y=2' });
    s.runUntil(s.history.time + 130);
    out.push({ name: `raft-${size}`, snapshot: s.snapshot({ paused: true }), themes: ['dark', 'light'] });
  }
  const busy = scene(BUSY_25);
  busy.runUntilLeader();
  for (let i = 0; i < 4; i++) {
    busy.apply({ kind: 'request', value: `v${i}` });
    busy.runUntil(busy.history.time + 400);
  }
  out.push({ name: 'raft-25', snapshot: busy.snapshot(), themes: ['dark', 'light', 'hc'] });

  const election = scene({ protocol: 'raft', size: 5, seed: 11 });
  election.runUntil(1);
  while (!election.snapshot().nodes.some((n) => n.role === 'candidate')) election.runUntil(election.history.time + 20);
  election.runUntil(election.history.time + 120);
  out.push({ name: 'raft-5-election', snapshot: election.snapshot({ paused: true }), themes: ['dark', 'light'] });

  const split = scene({ protocol: 'raft', size: 5, seed: 5 });
  split.runUntilLeader();
  const leader = split.history.leader()!;
  const others = [0, 1, 2, 3, 4].filter((id) => id !== leader);
  split.apply({ kind: 'partition', groups: [[leader, others[0]!], others.slice(1)] });
  split.apply({ kind: 'request', value: 'lost=1' });
  split.runUntil(split.history.time + 6000);
  out.push({ name: 'raft-5-partition', snapshot: split.snapshot({ paused: true }), themes: ['dark', 'light'], click: `[data-node="${leader}"]` });

  // simple has no terms: a leader cut off alone keeps leading while the others elect a second one.
  const simple = scene({ protocol: 'simple', size: 3, seed: 1 });
  simple.runUntilLeader();
  const alone = simple.history.leader()!;
  simple.apply({ kind: 'partition', groups: [[alone], [0, 1, 2].filter((id) => id !== alone)] });
  const limit = simple.history.time + 60_000;
  while (simple.snapshot().violations.length === 0 && simple.history.time < limit) simple.runUntil(simple.history.time + 100);
  simple.runUntil(simple.history.time + 300);
  out.push({ name: 'simple-3-violation', snapshot: simple.snapshot({ paused: true }), themes: ['dark', 'light'] });
  return out;
}

async function main(): Promise<void> {
  const dir = join(ROOT, 'build', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const host = await startPanelHost();
  try {
    for (const shot of shots()) {
      for (const theme of shot.themes) {
        const page = await host.open({ ...(shot.size ?? { width: 1280, height: 820 }), theme });
        await postToPanel(page, { type: 'snapshot', snapshot: shot.snapshot });
        await page.waitForSelector('svg.graph .node');
        if (shot.click) await page.click(shot.click);
        await page.waitForTimeout(400);
        const file = join(dir, `${shot.name}-${theme}.png`);
        await page.screenshot({ path: file });
        const csp = await page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations);
        if (csp.length) throw new Error(`CSP violations in ${shot.name}: ${csp.join(', ')}`);
        console.log(file);
        await page.close();
      }
    }
  } finally {
    await host.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
