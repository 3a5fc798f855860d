// `npm run test:unit`: mocha on plain Node over out/test/unit/**/*.test.js.
import * as path from 'node:path';
import { compiledTests } from './discover';
import { describeError } from './log';
import { runMocha } from './mochaRun';
import { outDir, repoRoot } from './paths';
import { finishSuite } from './results';

async function main(): Promise<void> {
  const files = compiledTests(path.join(outDir, 'test', 'unit'), path.join(repoRoot, 'test', 'unit'), '.test.js');
  if (files.length === 0) {
    finishSuite({ suite: 'unit', passed: 0, failed: 0, pending: 0, error: 'no test files: expected test/unit/**/*.test.ts compiled to out/ (run `tsc -p test`)' });
    return;
  }
  const counts = await runMocha(files, { timeoutMs: 10_000, grep: process.env.RAFT_TEST_GREP });
  finishSuite({ suite: 'unit', ...counts });
}

main().catch((error) => finishSuite({ suite: 'unit', passed: 0, failed: 0, pending: 0, error: describeError(error) }));
