// The integration suite's entry: VS Code's extension host calls run() (code-server through the
// `extensionTestsPath` payload, desktop VS Code through @vscode/test-electron). It runs every
// test/suite/**/*.test.ts (compiled to out/), prints the counts on one line for the harness,
// and rejects when a test failed or none ran, which makes the host exit non-zero.
import * as path from 'node:path';
import { compiledTests } from '../harness/discover';
import { runMocha } from '../harness/mochaRun';
import { repoRoot } from '../harness/paths';
import { formatResultLine } from '../harness/results';

export async function run(): Promise<void> {
  const files = compiledTests(__dirname, path.join(repoRoot, 'test', 'suite'), '.test.js');
  const counts = await runMocha(files, {
    timeoutMs: Number(process.env.RAFT_TEST_TIMEOUT_MS) || 20_000,
    grep: process.env.RAFT_TEST_GREP,
  });
  console.log(formatResultLine(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
  if (counts.passed === 0) throw new Error(`no integration test ran (looked for test/suite/**/*.test.ts; found ${files.length} file(s))`);
}
