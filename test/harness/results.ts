// How suites report their counts: each runner ends with "<suite>: N passed, N failed", writes the
// counts to RAFT_RESULT_FILE when `all` asked for them, and fails when it ran no test at all.
import * as fs from 'node:fs';
import { say } from './log';

export interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

export interface SuiteResult extends Counts {
  suite: string;
  /** Why the suite could not run or report, when it could not. */
  error?: string;
}

/** The line the integration suite prints inside the extension host, for the harness to read back. */
export const RESULT_LINE_PREFIX = 'RAFT_TEST_RESULT ';

export function formatResultLine(counts: Counts): string {
  return RESULT_LINE_PREFIX + JSON.stringify(counts);
}

/** Counts from the last result line in `text`, or undefined when there is none. */
export function parseResultLine(text: string): Counts | undefined {
  let found: Counts | undefined;
  for (const line of text.split('\n')) {
    const at = line.indexOf(RESULT_LINE_PREFIX);
    if (at < 0) continue;
    try {
      const value = JSON.parse(line.slice(at + RESULT_LINE_PREFIX.length)) as Partial<Counts>;
      if (typeof value.passed === 'number' && typeof value.failed === 'number') {
        found = { passed: value.passed, failed: value.failed, pending: value.pending ?? 0 };
      }
    } catch {
      // Not ours after all.
    }
  }
  return found;
}

/** Whether a result counts as a pass: it ran, ran something, and nothing failed. */
export function isGreen(result: SuiteResult): boolean {
  return result.error === undefined && result.failed === 0 && result.passed > 0;
}

/**
 * The result of a run inside an extension host: its counts, and an error when the host's exit
 * code disagrees with counts that look green.
 */
export function hostResult(suite: string, counts: Counts, exitCode: number): SuiteResult {
  const result: SuiteResult = { suite, ...counts };
  if (exitCode !== 0 && isGreen(result)) result.error = `the extension host exited with ${exitCode}`;
  return result;
}

/** Prints the suite's closing line, records it for `all`, and sets the exit code. */
export function finishSuite(result: SuiteResult): void {
  if (result.error !== undefined) say(`${result.suite}: ${result.error}`);
  else if (result.passed + result.failed === 0) say(`${result.suite}: no test ran, which counts as a failure`);
  const file = process.env.RAFT_RESULT_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(result));
  const skipped = result.pending > 0 ? `, ${result.pending} skipped` : '';
  console.log(`${result.suite}: ${result.passed} passed, ${result.failed} failed${skipped}`);
  process.exitCode = isGreen(result) ? 0 : 1;
}

export function readResult(file: string): SuiteResult | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResult;
  } catch {
    return undefined;
  }
}
