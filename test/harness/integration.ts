// `npm run test:integration`: the mocha suites in test/suite/ inside code-server's real extension
// host, driven from headless Chromium. The page's codeAutomationExit(code) ends the run and
// codeAutomationLog(level, message) carries the extension host's console, including the counts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchChromium } from './browser';
import { startCodeServer, workbenchUrl } from './codeServer';
import { describeError, say } from './log';
import { buildDir, outDir, repoRoot } from './paths';
import { finishSuite, hostResult, parseResultLine } from './results';

const RUN_TIMEOUT_MS = Number(process.env.RAFT_INTEGRATION_TIMEOUT_MS) || 10 * 60_000;

async function main(): Promise<void> {
  const testsPath = path.join(outDir, 'test', 'suite', 'index.js');
  for (const [file, fix] of [[path.join(repoRoot, 'dist', 'extension.js'), 'npm run build'], [testsPath, 'tsc -p test']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing; run \`${fix}\` first`);
  }
  const server = await startCodeServer('integration');
  const browser = await launchChromium().catch(async (error) => {
    await server.stop();
    throw error;
  });
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'raft-integration-workspace-'));
  const logFile = path.join(buildDir, 'logs', 'integration.log');
  let log = '';
  try {
    const page = await browser.newPage();
    let exit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      // The host's console arrives as console.log's arguments: format them as console.log would.
      const text = Array.isArray(message) ? format(...(message as unknown[])) : String(message);
      log += `${text}\n`;
      if (level === 'error' || level === 'warn') process.stderr.write(`[${level}] ${text}\n`);
      else process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    page.on('crash', () => exit(-1));
    const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath });
    say(`running test/suite in code-server (deadline ${RUN_TIMEOUT_MS / 1000} s)`);
    await page.goto(url, { timeout: 60_000 });
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), RUN_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    const counts = parseResultLine(log);
    if (code === 'timeout') throw new Error(`the suite did not finish within ${RUN_TIMEOUT_MS / 1000} s (RAFT_INTEGRATION_TIMEOUT_MS); see ${logFile}`);
    if (counts === undefined) throw new Error(`the extension host exited with ${code} without reporting counts; see ${logFile} and ${server.logFile}`);
    finishSuite(hostResult('integration', counts, code));
  } finally {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fs.writeFileSync(logFile, log);
    await browser.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => finishSuite({ suite: 'integration', passed: 0, failed: 0, pending: 0, error: describeError(error) }));
