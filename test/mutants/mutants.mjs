#!/usr/bin/env node
// `npm run mutants [-- --fuzz N] [--only TEXT] [--keep]`: the mutation check. For each deliberate
// bug in catalog.mjs it copies src/ and test/ to a temporary directory (never touching the working
// tree), applies the bug, compiles the core unit tests there and runs them. A mutant is killed when
// a test that passes on the unmutated copy fails on it. With --fuzz N (default 3000, 0 to skip) it
// also runs N raft fuzz schedules against the mutant to see whether the invariant checker notices.
// Exits 1 when a mutant survives, a mutant's text is out of step with the sources, or a mutant
// does not compile.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTANTS } from './catalog.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = 'usage: npm run mutants -- [--fuzz SCHEDULES] [--only TEXT] [--keep]';
const TEST_TIMEOUT_MS = 180_000;

function parseArgs(argv) {
  const options = { fuzz: 3000, only: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--fuzz') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) fail(`--fuzz needs a whole number of schedules (0 to skip), not ${JSON.stringify(argv[i])}`);
      options.fuzz = n;
    } else if (flag === '--only') options.only = argv[++i] ?? fail('--only needs part of a mutant name');
    else if (flag === '--keep') options.keep = true;
    else fail(`unknown option ${JSON.stringify(flag)}`);
  }
  return options;
}

function fail(message) {
  console.error(`mutants: ${message}\n${USAGE}`);
  process.exit(2);
}

/** A fresh copy of the sources and tests, with node_modules linked rather than copied. */
function copyTree(dir) {
  for (const part of ['src', 'test']) fs.cpSync(path.join(root, part), path.join(dir, part), { recursive: true });
  fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // Only the core tests and the fuzz runner: quick to build, and untouched by work elsewhere in the tree.
  // Unused-variable checks are off because a mutant may leave a helper unused.
  const tsconfig = {
    extends: './test/tsconfig.json',
    compilerOptions: { rootDir: '.', outDir: './out', noUnusedLocals: false, noUnusedParameters: false },
    include: ['test/unit/core/**/*.ts', 'test/fuzz/**/*.ts'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.mutants.json'), JSON.stringify(tsconfig, null, 2));
}

/** Applies a mutant's replacement, insisting that its text occurs exactly once. */
function mutate(dir, mutant) {
  const file = path.join(dir, mutant.file);
  const text = fs.readFileSync(file, 'utf8');
  const count = text.split(mutant.find).length - 1;
  if (count !== 1) {
    throw new Error(`mutant "${mutant.name}" is out of step with ${mutant.file}: its text was found ${count} times, not once. Update test/mutants/catalog.mjs to the current source:\n${mutant.find}`);
  }
  fs.writeFileSync(file, text.replace(mutant.find, mutant.replace));
}

function run(command, args, cwd, timeout) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, timedOut: result.error?.code === 'ETIMEDOUT', stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function compile(dir) {
  const tsc = run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.mutants.json')], dir, 120_000);
  return tsc.status === 0 ? null : (tsc.stdout + tsc.stderr).trim();
}

/** Runs the compiled core tests; returns the full titles of the failing ones (or why none could run). */
function unitTests(dir) {
  const report = path.join(dir, 'mocha.json');
  const mocha = run(
    process.execPath,
    [path.join(root, 'node_modules/mocha/bin/mocha.js'), '--reporter', 'json', '--reporter-option', `output=${report}`, '--timeout', '20000', 'out/test/unit/core/**/*.test.js'],
    dir,
    TEST_TIMEOUT_MS,
  );
  if (mocha.timedOut) return { failed: ['(the test run timed out: the mutant hangs the suite)'], passed: 0 };
  if (!fs.existsSync(report)) return { failed: [`(mocha did not report: ${(mocha.stderr || mocha.stdout).trim().split('\n').slice(0, 3).join(' | ')})`], passed: 0 };
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  return { failed: json.failures.map((t) => t.fullTitle), passed: json.stats.passes };
}

function fuzz(dir, schedules) {
  const result = run(process.execPath, [path.join(root, 'test/fuzz/fuzz.mjs'), '--root', dir, '--schedules', String(schedules), '--seed', '1', '--json'], dir, 600_000);
  if (result.timedOut) return { text: 'timed out', caught: true };
  const line = result.stdout.trim().split('\n').pop();
  try {
    const summary = JSON.parse(line);
    const first = summary.violations[0];
    return first ? { text: `caught: ${first.invariant} in ${summary.violatingSchedules} (first: schedule ${first.seed})`, caught: true } : { text: 'not caught', caught: false };
  } catch {
    return { text: `crashed: ${(result.stderr || line || '').trim().split('\n')[0]}`, caught: true };
  }
}

/** The failing test that best names the broken rule: a paper test first, then a cluster scenario, then any. */
function mostTelling(titles) {
  const rank = (t) => ['raft, Figure 2', 'raft cluster', 'simple protocol', 'raft properties'].findIndex((prefix) => t.startsWith(prefix));
  return [...titles].sort((a, b) => (rank(a) < 0 ? 9 : rank(a)) - (rank(b) < 0 ? 9 : rank(b)))[0];
}

function pad(text, width) {
  return text.length > width ? text.slice(0, width - 1) + '…' : text.padEnd(width);
}

const options = parseArgs(process.argv.slice(2));
const mutants = MUTANTS.filter((m) => options.only === null || m.name.includes(options.only));
if (mutants.length === 0) fail(`no mutant name contains ${JSON.stringify(options.only)}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'raft-mutants-'));
let exitCode = 0;
try {
  const started = performance.now();
  // The unmutated copy first: a mutant is killed only by a test that passes here.
  const baseDir = path.join(work, 'baseline');
  copyTree(baseDir);
  const baseCompile = compile(baseDir);
  if (baseCompile) throw new Error(`the unmutated sources do not compile:\n${baseCompile}`);
  const base = unitTests(baseDir);
  const baselineFailures = new Set(base.failed);
  console.log(`baseline: ${base.passed} core tests pass, ${base.failed.length} fail${base.failed.length ? ' (ignored below; fix them):' : ''}`);
  for (const title of base.failed) console.log(`  failing without any mutant: ${title}`);
  if (options.fuzz > 0) {
    const baseFuzz = fuzz(baseDir, options.fuzz);
    console.log(`baseline fuzz (${options.fuzz} raft schedules): ${baseFuzz.caught ? baseFuzz.text : 'no violations'}`);
  }

  const rows = [];
  for (const [i, mutant] of mutants.entries()) {
    const dir = path.join(work, `mutant-${i + 1}`);
    copyTree(dir);
    mutate(dir, mutant);
    const compileError = compile(dir);
    if (compileError) {
      rows.push({ mutant, unit: 'does not compile', detail: compileError.split('\n')[0], fuzz: '-' });
      exitCode = 1;
      continue;
    }
    const { failed } = unitTests(dir);
    const killers = failed.filter((t) => !baselineFailures.has(t));
    const fuzzed = options.fuzz > 0 ? fuzz(dir, options.fuzz) : { text: 'skipped' };
    rows.push({ mutant, unit: killers.length > 0 ? `killed (${killers.length} failed)` : 'SURVIVED', detail: mostTelling(killers) ?? '', fuzz: fuzzed.text });
    if (killers.length === 0) exitCode = 1;
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`  [${i + 1}/${mutants.length}] ${mutant.name}: ${rows[rows.length - 1].unit}\n`);
  }

  console.log(`\n${pad('mutant', 54)} ${pad('unit tests', 18)} ${pad(options.fuzz > 0 ? `fuzz (${options.fuzz} raft schedules)` : 'fuzz', 58)} first failing test`);
  for (const r of rows) console.log(`${pad(r.mutant.name + (r.mutant.safety ? '' : ' *'), 54)} ${pad(r.unit, 18)} ${pad(r.fuzz, 58)} ${r.detail}`);
  console.log('* departs from Figure 2 without breaking a safety invariant, so only unit tests can see it');
  const killed = rows.filter((r) => r.unit.startsWith('killed')).length;
  console.log(`\n${killed} of ${rows.length} mutants killed in ${((performance.now() - started) / 1000).toFixed(0)} s${exitCode ? ' - FAILED' : ''}`);
} catch (error) {
  console.error(`mutants: ${error.message}`);
  exitCode = 1;
} finally {
  if (options.keep) console.log(`copies kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;
