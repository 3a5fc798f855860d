#!/usr/bin/env node
// `npm run fuzz -- --schedules N --seed S [--protocol raft|simple] [--json] [--replay SEED] [--root DIR]`
// Runs N random fault schedules (test/fuzz/schedule.ts) against the core and reports schedules/s
// and every schedule whose run broke an invariant, with the seed that replays it. The core is
// bundled from TypeScript on the fly with esbuild, so this works from a fresh clone after `npm ci`;
// --root points it at another copy of the sources (the mutation check uses that).
import { build } from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: npm run fuzz -- [--schedules N] [--seed S] [--protocol raft|simple] [--json] [--replay SCHEDULE_SEED] [--root DIR]';

function parseArgs(argv) {
  const options = { schedules: 1000, seed: 1, protocol: 'raft', json: false, replay: null, root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..') };
  const integer = (flag, text, max) => {
    const n = Number(text);
    if (text === undefined || !Number.isInteger(n) || n < 0 || n > max) fail(`${flag} needs a whole number from 0 to ${max}, not ${text === undefined ? 'nothing' : JSON.stringify(text)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--schedules') options.schedules = integer(flag, argv[++i], 10_000_000);
    else if (flag === '--seed') options.seed = integer(flag, argv[++i], 0xffffffff);
    else if (flag === '--replay') options.replay = integer(flag, argv[++i], 0xffffffff);
    else if (flag === '--protocol') {
      options.protocol = argv[++i];
      if (options.protocol !== 'raft' && options.protocol !== 'simple') fail(`--protocol must be raft or simple, not ${JSON.stringify(options.protocol)}`);
    } else if (flag === '--root') {
      options.root = path.resolve(argv[++i] ?? fail('--root needs a directory'));
      if (!fs.existsSync(path.join(options.root, 'test/fuzz/schedule.ts'))) fail(`--root ${options.root} has no test/fuzz/schedule.ts`);
    } else if (flag === '--json') options.json = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option ${JSON.stringify(flag)}`);
  }
  return options;
}

function fail(message) {
  console.error(`fuzz: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Bundles the schedule runner and the core it imports into one CommonJS file and loads it. */
async function loadCore(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raft-fuzz-'));
  const outfile = path.join(dir, 'fuzz-core.cjs');
  try {
    await build({
      stdin: { contents: "export * from './schedule'; export { History } from '../../src/core/history'; export { explain } from '../../src/core/explain';", resolveDir: path.join(root, 'test/fuzz'), loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function replay(core, options) {
  const schedule = core.generateSchedule(options.replay, options.protocol);
  const outcome = core.runSchedule(schedule);
  if (options.json) {
    console.log(JSON.stringify({ scheduleSeed: options.replay, config: schedule.config, duration: schedule.duration, inputs: outcome.inputs, violations: outcome.violations }));
    return outcome.violations.length;
  }
  console.log(`schedule ${options.replay} (${options.protocol}): ${JSON.stringify(schedule.config)}, ${schedule.duration} ms`);
  console.log('inputs that took effect:');
  for (const r of outcome.inputs) console.log(`  t=${r.time} ms (after record ${r.afterSeq}): ${JSON.stringify(r.input)}`);
  if (outcome.violations.length === 0) console.log('no violations');
  const first = outcome.violations[0];
  if (first) {
    // Rebuild the run to the violation and show the records that led to it.
    const history = core.History.replay(schedule.config, outcome.inputs, first.seq);
    console.log(`\nfirst violation, ${first.invariant}, and the records before it:`);
    for (const r of history.records(first.seq - 12, first.seq)) console.log(`  #${r.seq} t=${r.time} ${core.explain(r, options.protocol)}`);
  }
  for (const v of outcome.violations) console.log(`violation: ${v.invariant} at t=${v.time} ms (record ${v.seq}): ${v.message}`);
  return outcome.violations.length;
}

function fuzz(core, options) {
  const seeds = core.scheduleSeeds(options.seed, options.schedules);
  const violating = [];
  let messageEvents = 0;
  let committed = 0;
  const start = performance.now();
  for (const seed of seeds) {
    let outcome;
    try {
      outcome = core.runSchedule(core.generateSchedule(seed, options.protocol), { stopAtViolation: true });
    } catch (error) {
      // The core threw: as much a bug as a broken invariant.
      violating.push({ seed, invariant: 'exception', time: null, message: String(error?.message ?? error) });
      continue;
    }
    messageEvents += outcome.messageEvents;
    committed += outcome.committed;
    const v = outcome.violations[0];
    if (v) violating.push({ seed, invariant: v.invariant, time: v.time, message: v.message });
  }
  const seconds = (performance.now() - start) / 1000;
  const summary = {
    protocol: options.protocol,
    seed: options.seed,
    schedules: seeds.length,
    seconds: round(seconds, 2),
    schedulesPerSecond: round(seeds.length / seconds, 1),
    messageEventsPerSecond: Math.round(messageEvents / seconds),
    meanCommitted: round(committed / Math.max(1, seeds.length), 2),
    violatingSchedules: violating.length,
    violations: violating,
  };
  if (options.json) console.log(JSON.stringify(summary));
  else {
    console.log(`fuzz ${summary.protocol}: ${summary.schedules} schedules (seed ${summary.seed}) in ${summary.seconds} s: ${summary.schedulesPerSecond} schedules/s, ${(summary.messageEventsPerSecond / 1e6).toFixed(2)}M message events/s, ${summary.meanCommitted} entries committed per schedule`);
    console.log(`violating schedules: ${violating.length}`);
    for (const v of violating.slice(0, 20)) console.log(`  schedule ${v.seed}: ${v.invariant}${v.time === null ? '' : ` at t=${v.time} ms`}: ${v.message}`);
    if (violating.length > 20) console.log(`  ... and ${violating.length - 20} more`);
    if (violating.length > 0) console.log(`replay one: npm run fuzz -- --protocol ${options.protocol} --replay ${violating[0].seed}`);
    if (options.protocol === 'simple' && violating.length > 0) console.log('(expected: the simple protocol has no terms, so a partition or a slow heartbeat gives two leaders at once)');
  }
  return violating.length;
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const options = parseArgs(process.argv.slice(2));
const core = await loadCore(options.root);
const violations = options.replay !== null ? replay(core, options) : fuzz(core, options);
// In raft any violation is a bug; in simple they are the lesson, so they do not fail the run.
process.exitCode = options.protocol === 'raft' && violations > 0 ? 1 : 0;
