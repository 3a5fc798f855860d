// `npm run test:e2e`: every test/e2e/**/*.e2e.ts (compiled to out/) under mocha, in one process
// that shares one code-server and one Chromium (test/e2e/lib). A failed test leaves a screenshot
// of each workbench it had open in build/screenshots/failed-*.png.
import * as path from 'node:path';
import { compiledTests } from './discover';
import { describeError, say } from './log';
import { runMocha } from './mochaRun';
import { outDir, repoRoot } from './paths';
import { finishSuite } from './results';
import { livePages, shutdownEnvironment } from '../e2e/lib/environment';
import { screenshot } from '../e2e/lib/screenshot';

const RUN_TIMEOUT_MS = Number(process.env.RAFT_E2E_TIMEOUT_MS) || 20 * 60_000;

async function main(): Promise<void> {
  const files = compiledTests(path.join(outDir, 'test', 'e2e'), path.join(repoRoot, 'test', 'e2e'), '.e2e.js');
  if (files.length === 0) {
    finishSuite({ suite: 'e2e', passed: 0, failed: 0, pending: 0, error: 'no test files: expected test/e2e/**/*.e2e.ts compiled to out/ (run `tsc -p test`)' });
    return;
  }
  // A hung browser or server must fail the run, not hang it.
  const deadline = setTimeout(() => {
    finishSuite({ suite: 'e2e', passed: 0, failed: 0, pending: 0, error: `did not finish within ${RUN_TIMEOUT_MS / 1000} s (RAFT_E2E_TIMEOUT_MS)` });
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  try {
    const counts = await runMocha(files, {
      timeoutMs: 60_000,
      grep: process.env.RAFT_TEST_GREP,
      rootHooks: {
        async afterEach(this: Mocha.Context) {
          const test = this.currentTest;
          if (test?.state !== 'failed') return;
          for (const [index, page] of livePages().entries()) {
            const file = await screenshot(page, `failed-${test.fullTitle()}-${index}`).catch(() => undefined);
            if (file) say(`screenshot of the failure: ${path.relative(repoRoot, file)}`);
          }
        },
      },
    });
    finishSuite({ suite: 'e2e', ...counts });
  } finally {
    clearTimeout(deadline);
    await shutdownEnvironment();
  }
}

main().catch((error) => finishSuite({ suite: 'e2e', passed: 0, failed: 0, pending: 0, error: describeError(error) }));
