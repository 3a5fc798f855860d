// `npm test` (after the build): unit, integration and e2e in sequence, each in its own process,
// then one closing line "N passed, N failed" over all of them. A suite that crashed or ran no
// test counts as one failure there, so the total can never look green when a suite did not run.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { say } from './log';
import { killGroup, trackGroup } from './proc';
import { isGreen, readResult, type SuiteResult } from './results';

const SUITES: readonly { name: string; timeoutMs: number }[] = [
  { name: 'unit', timeoutMs: 15 * 60_000 },
  { name: 'integration', timeoutMs: 20 * 60_000 },
  { name: 'e2e', timeoutMs: 30 * 60_000 },
];

function runSuite(name: string, timeoutMs: number, resultFile: string): Promise<SuiteResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, `${name}.js`)], {
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, RAFT_RESULT_FILE: resultFile },
    });
    const untrack = trackGroup(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      untrack();
      say(`${name} took ${Math.round((Date.now() - started) / 1000)} s`);
      const reported = readResult(resultFile);
      if (timedOut) resolve({ suite: name, passed: reported?.passed ?? 0, failed: reported?.failed ?? 0, pending: 0, error: `killed after ${timeoutMs / 1000} s` });
      else if (!reported) resolve({ suite: name, passed: 0, failed: 0, pending: 0, error: `crashed (${signal ?? `exit ${code}`}) without reporting counts` });
      else if (code !== 0 && isGreen(reported)) resolve({ ...reported, error: `exited with ${signal ?? code} after reporting success` });
      else resolve(reported);
    });
  });
}

async function main(): Promise<void> {
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raft-test-results-'));
  const results: SuiteResult[] = [];
  try {
    for (const suite of SUITES) {
      say(`--- ${suite.name} ---`);
      results.push(await runSuite(suite.name, suite.timeoutMs, path.join(resultsDir, `${suite.name}.json`)));
    }
  } finally {
    fs.rmSync(resultsDir, { recursive: true, force: true });
  }
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    const problem = result.error ?? (result.passed + result.failed === 0 ? 'ran no test' : undefined);
    say(`${result.suite.padEnd(12)} ${result.passed} passed, ${result.failed} failed${problem ? ` - ${problem} (counted as 1 failure)` : ''}`);
    passed += result.passed;
    failed += result.failed + (problem && result.failed === 0 ? 1 : 0);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = results.every(isGreen) ? 0 : 1;
}

void main();
