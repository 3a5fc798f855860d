// `npm run test:desktop`: the same test/suite in desktop VS Code through @vscode/test-electron.
// VSCODE_EXECUTABLE names an installed VS Code; without it test-electron downloads one, which
// needs Microsoft's update server (not reachable on every machine: then this says so and fails).
// On Linux without a display it re-runs itself under xvfb-run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { describeError } from './log';
import { outDir, repoRoot } from './paths';
import { findOnPath } from './proc';
import { finishSuite, hostResult, parseResultLine } from './results';

const VSCODE_VERSION = '1.100.3';
const RUN_TIMEOUT_MS = Number(process.env.RAFT_INTEGRATION_TIMEOUT_MS) || 10 * 60_000;

async function vscodeExecutable(): Promise<string> {
  const named = process.env.VSCODE_EXECUTABLE;
  if (named) {
    if (!fs.existsSync(named)) throw new Error(`VSCODE_EXECUTABLE=${named} does not exist`);
    return named;
  }
  try {
    return await downloadAndUnzipVSCode(VSCODE_VERSION);
  } catch (error) {
    throw new Error(`could not download VS Code ${VSCODE_VERSION} (${describeError(error)}); set VSCODE_EXECUTABLE to an installed VS Code's executable to run the suite there`);
  }
}

async function main(): Promise<void> {
  const vscodeExecutablePath = await vscodeExecutable();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.RAFT_UNDER_XVFB) {
    if (!findOnPath('xvfb-run')) throw new Error('desktop VS Code needs a display: set DISPLAY, or install xvfb (apt-get install -y xvfb) so this can use xvfb-run');
    const rerun = spawnSync('xvfb-run', ['-a', process.execPath, __filename], { stdio: 'inherit', env: { ...process.env, RAFT_UNDER_XVFB: '1', VSCODE_EXECUTABLE: vscodeExecutablePath } });
    process.exitCode = rerun.status ?? 1;
    return;
  }
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'raft-desktop-'));
  const workspace = path.join(state, 'workspace');
  fs.mkdirSync(workspace);
  // The suite's console comes through our stdout; keep a copy to read its counts.
  let output = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    output += chunk.toString();
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  const deadline = setTimeout(() => {
    finishSuite({ suite: 'desktop', passed: 0, failed: 0, pending: 0, error: `did not finish within ${RUN_TIMEOUT_MS / 1000} s (RAFT_INTEGRATION_TIMEOUT_MS)` });
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  let exitCode: number;
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(outDir, 'test', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', path.join(state, 'user-data')],
    });
  } catch (error) {
    if (!(error instanceof TestRunFailedError)) throw error;
    exitCode = error.code ?? 1; // A failing suite makes VS Code exit non-zero; its counts say why.
  } finally {
    clearTimeout(deadline);
    process.stdout.write = write;
    fs.rmSync(state, { recursive: true, force: true });
  }
  const counts = parseResultLine(output);
  if (!counts) throw new Error(`VS Code exited with ${exitCode} without reporting counts`);
  finishSuite(hostResult('desktop', counts, exitCode));
}

main().catch((error) => finishSuite({ suite: 'desktop', passed: 0, failed: 0, pending: 0, error: describeError(error) }));
