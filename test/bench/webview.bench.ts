// npm run bench:webview — the panel's frame budget and the host's post rate.
//  1. Frame time in headless Chromium: the real bundle, HTML and CSP, fed real snapshots (core
//     History + the session's SnapshotBuilder) at 60 per second, for 5 nodes and for 25 nodes with
//     about 200 messages in flight. The budgeted figure is the main thread's CPU time per frame
//     (Chromium's BeginMainFrame trace event: animation-frame callbacks, where snapshots are
//     applied, then style, layout, paint and commit). Wall time per frame is reported beside it
//     (from the start of the frame's callbacks to the first task after the frame), but on a shared
//     2-core machine it mostly measures waiting for a CPU.
//  2. Posts per second from the panel's coalescer driven by a real Session running at 100x.
// Targets (DESIGN.md): p95 under 8 ms (5 nodes) and 16 ms (25 nodes); at most 60 posts per second.
import { normalizeConfig } from '../../src/core/config';
import type { ClusterSnapshot } from '../../src/protocol/messages';
import { isParseError, parseHostMessage } from '../../src/protocol/validate';
import { coreHistories } from '../../src/session/coreHistories';
import { systemScheduler } from '../../src/session/scheduler';
import { Session } from '../../src/session/session';
import { SnapshotCoalescer } from '../../src/vscode/panelCoalescer';
import { writeFileSync } from 'fs';
import { cpus, loadavg } from 'os';
import type { PageGlobals } from './pageGlobals';
import { startPanelHost } from './webviewPage';
import { BUSY_25, frames, scene } from './webviewScenes';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const FPS = 60;

interface FrameStats {
  readonly frames: number;
  /** Main-thread CPU time per frame (the budgeted figure). */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Wall time per frame: includes time the renderer waited for a CPU on a shared machine. */
  readonly wallP50: number;
  readonly wallP95: number;
  readonly intervalP95: number;
  readonly inFlight: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** CPU time (ms) of each frame the page's main thread produced, from BeginMainFrame trace events. */
function frameCpuTimes(events: readonly TraceEvent[]): number[] {
  const frames = events.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X' && e.tdur !== undefined);
  // The page's renderer is the process with the most frames (the browser UI has its own).
  const byPid = new Map<number, number>();
  for (const f of frames) byPid.set(f.pid, (byPid.get(f.pid) ?? 0) + 1);
  const pid = [...byPid.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return frames.filter((f) => f.pid === pid).map((f) => f.tdur! / 1000);
}

function ms(v: number): string {
  return `${v.toFixed(2)} ms`;
}

/** Wraps requestAnimationFrame before the panel loads; harness-only, nothing in the bundle knows. */
const FRAME_PROBE = `
  window.__frameWork = [];
  window.__frameIntervals = [];
  const raf = window.requestAnimationFrame.bind(window);
  const channel = new MessageChannel();
  let frameStart = -1, lastTs = -1;
  channel.port1.onmessage = () => { window.__frameWork.push(performance.now() - frameStart); frameStart = -1; };
  window.requestAnimationFrame = (cb) => raf((ts) => {
    if (frameStart < 0) {
      frameStart = performance.now();
      if (lastTs >= 0) window.__frameIntervals.push(ts - lastTs);
      lastTs = ts;
      channel.port2.postMessage(0);
    }
    cb(ts);
  });
`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measureFrames(name: string, snapshots: ClusterSnapshot[]): Promise<FrameStats> {
  const host = await startPanelHost();
  try {
    const page = await host.browser.newPage({ viewport: { width: 1280, height: 820 } });
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.addInitScript(`window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });`);
    await page.addInitScript(FRAME_PROBE);
    await page.goto(`${host.url}/`);
    await page.addStyleTag({ url: `${host.url}/theme/dark.css` });
    await page.evaluate((list) => {
      (globalThis as unknown as PageGlobals).__snapshots = list;
    }, snapshots as never);
    // The 'benchmark' category alone records each frame's BeginMainFrame with its thread (CPU) time.
    await host.browser.startTracing(page, { categories: process.env.BENCH_TRACE_ALL ? ['benchmark', 'devtools.timeline', 'blink', 'disabled-by-default-devtools.timeline'] : ['benchmark'] });
    // Warm up on the first second, then measure while the snapshots keep arriving at 60 per second.
    await page.evaluate(async ([fps, warm]) => {
      const w = globalThis as unknown as PageGlobals;
      let i = 0;
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (i === warm) {
            w.__frameWork.length = 0;
            w.__frameIntervals.length = 0;
          }
          if (i >= w.__snapshots.length) {
            clearInterval(timer);
            resolve();
            return;
          }
          w.window.postMessage({ type: 'snapshot', snapshot: w.__snapshots[i++] }, '*');
        }, 1000 / fps);
      });
    }, [FPS, FPS] as const);
    const trace = JSON.parse((await host.browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    if (process.env.BENCH_TRACE_ALL) writeFileSync(`/tmp/trace-${snapshots[0]!.nodes.length}.json`, JSON.stringify(trace));
    const cpu = frameCpuTimes(trace.traceEvents);
    const work = await page.evaluate(() => (globalThis as unknown as PageGlobals).__frameWork);
    const intervals = await page.evaluate(() => (globalThis as unknown as PageGlobals).__frameIntervals);
    const inFlight = snapshots.slice(FPS).reduce((sum, s) => sum + s.messages.length, 0) / Math.max(1, snapshots.length - FPS);
    const stats: FrameStats = {
      frames: cpu.length,
      p50: percentile(cpu, 50),
      p95: percentile(cpu, 95),
      p99: percentile(cpu, 99),
      max: Math.max(...cpu),
      wallP50: percentile(work, 50),
      wallP95: percentile(work, 95),
      intervalP95: percentile(intervals, 95),
      inFlight,
    };
    console.log(
      `${name}: ${stats.frames} frames; main-thread CPU per frame p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}, p99 ${ms(stats.p99)}, max ${ms(stats.max)}; ` +
        `wall p50 ${ms(stats.wallP50)}, p95 ${ms(stats.wallP95)}; rAF interval p95 ${ms(stats.intervalP95)}; ${stats.inFlight.toFixed(0)} messages in flight on average (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`,
    );
    return stats;
  } finally {
    await host.close();
  }
}

function validationCost(name: string, snapshots: ClusterSnapshot[]): void {
  const start = performance.now();
  for (const snapshot of snapshots) {
    const r = parseHostMessage({ type: 'snapshot', snapshot });
    if (isParseError(r)) throw new Error(`${name}: a real snapshot failed validation: ${r.error}`);
  }
  console.log(`${name}: validating one snapshot (on arrival, outside the frame) takes ${((performance.now() - start) / snapshots.length).toFixed(3)} ms in Node`);
}

async function measurePosts(speed: number, seconds: number): Promise<number> {
  const session = new Session({ scheduler: systemScheduler, histories: coreHistories });
  session.start(normalizeConfig({ protocol: 'raft', size: 5, seed: 1 }).config);
  const r = session.setSpeed(speed);
  if (!r.ok) throw new Error(r.error);
  let posts = 0;
  let changes = 0;
  const counter = session.onDidChange(() => changes++);
  const coalescer = new SnapshotCoalescer(session, () => posts++, systemScheduler);
  // A client request every 100 simulated ms keeps every change event meaningful.
  const requests = setInterval(() => session.apply({ kind: 'request', value: 'x' }), 1);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(requests);
  coalescer.dispose();
  counter.dispose();
  const simulated = session.view()?.time ?? 0;
  session.dispose();
  const rate = posts / seconds;
  console.log(`coalescer at ${speed}x: ${rate.toFixed(1)} posts/s (${changes} change events, ${(simulated / 1000).toFixed(0)} simulated s in ${seconds} s)`);
  return rate;
}

async function main(): Promise<void> {
  const small = scene({ protocol: 'raft', size: 5, seed: 1 });
  small.runUntilLeader();
  const smallFrames = frames(small, (SECONDS + 1) * FPS, 1000 / FPS, 100);
  const busy = scene(BUSY_25);
  busy.runUntilLeader();
  busy.runUntil(busy.history.time + 2000);
  const busyFrames = frames(busy, (SECONDS + 1) * FPS, 1000 / FPS, 100);

  validationCost('5 nodes', smallFrames);
  validationCost('25 nodes', busyFrames);
  const a = await measureFrames('5 nodes', smallFrames);
  const b = await measureFrames('25 nodes', busyFrames);
  const posts = await measurePosts(100, 3);

  const failures: string[] = [];
  if (!(a.p95 < 8)) failures.push(`5 nodes: p95 ${a.p95.toFixed(2)} ms is not under 8 ms`);
  if (!(b.p95 < 16)) failures.push(`25 nodes: p95 ${b.p95.toFixed(2)} ms is not under 16 ms`);
  if (b.inFlight < 200) failures.push(`25 nodes: only ${b.inFlight.toFixed(0)} messages in flight on average, the workload needs 200`);
  if (!(posts <= 60)) failures.push(`coalescer: ${posts.toFixed(1)} posts/s is over 60`);
  if (failures.length) {
    console.error(`FAIL\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('PASS: all webview budgets met');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
