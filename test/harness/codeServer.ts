// Starts the cached code-server on a free 127.0.0.1 port with state of its own (user data,
// extensions, config) in a temporary directory, and builds workbench URLs for it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer } from './codeServerInstall';
import { buildDir } from './paths';
import { say } from './log';
import { freePort, killGroup, sleep, trackGroup } from './proc';

const READY_TIMEOUT_MS = 60_000;

/** User settings for a quiet, test-friendly workbench: no trust prompt, no welcome page, no telemetry. */
const userSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
};

export interface CodeServer {
  readonly port: number;
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  /** The server's output, kept after it stops. */
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface WorkbenchTarget {
  /** Folder to open in the workbench (absolute path on this machine). */
  readonly folder: string;
  /** The extension to load in development mode; usually the repository root. */
  readonly extensionDevelopmentPath?: string;
  /** A compiled module whose run() the extension host executes (the integration suite). */
  readonly extensionTestsPath?: string;
}

/** Starts a code-server (installing it on first use) and waits until it answers. `name` labels its log. */
export async function startCodeServer(name: string): Promise<CodeServer> {
  const entry = await ensureCodeServer();
  const port = await freePort();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `raft-code-server-${name}-`));
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  const configFile = path.join(stateDir, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  // Our own config file, so code-server never writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logsDir = path.join(buildDir, 'logs');
  fs.mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, `code-server-${name}.log`);
  const log = fs.openSync(logFile, 'w');

  const child = spawn(
    process.execPath,
    [
      entry,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
    ],
    // EXTENSIONS_GALLERY={} turns the marketplace off: there is no network to reach it with.
    { stdio: ['ignore', log, log], detached: true, env: { ...process.env, EXTENSIONS_GALLERY: '{}' } },
  );
  fs.closeSync(log);
  const untrack = trackGroup(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const removeState = (): void => fs.rmSync(stateDir, { recursive: true, force: true });
  process.on('exit', removeState); // Also when the harness dies or is stopped with Ctrl+C.
  const stop = async (): Promise<void> => {
    killGroup(child);
    await Promise.race([exited, sleep(5000)]);
    untrack();
    removeState();
    process.off('exit', removeState);
  };

  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(origin, exited, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  say(`code-server (${name}) listening on ${origin}, log ${path.relative(process.cwd(), logFile)}`);
  return { port, origin, logFile, stop };
}

async function waitUntilHealthy(origin: string, exited: Promise<void>, logFile: string): Promise<void> {
  let dead = false;
  void exited.then(() => (dead = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`code-server exited while starting; its output:\n${tail(logFile)}`);
    if (await answers(`${origin}/healthz`)) return;
    await sleep(250);
  }
  throw new Error(`code-server did not answer on ${origin} within ${READY_TIMEOUT_MS / 1000} s; its output:\n${tail(logFile)}`);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-3000);
  } catch {
    return '(no output)';
  }
}

/**
 * The workbench URL that opens `folder` and, through the `payload` parameter, loads the extension
 * under development and (optionally) runs a test module in its extension host.
 */
export function workbenchUrl(server: CodeServer, target: WorkbenchTarget): string {
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload: [string, string][] = [];
  if (target.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  if (target.extensionTestsPath) payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  const query = new URLSearchParams({ folder: path.resolve(target.folder) });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${query.toString()}`;
}
