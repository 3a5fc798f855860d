// Installs code-server into a cache directory outside the repository, the way that works without
// GitHub downloads (see shared/REAL-VSCODE.md), and reuses it once a marker says it is complete.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot } from './paths';
import { say } from './log';
import { findOnPath, run, sleep } from './proc';

/** The newest code-server that runs on Node 20; its VS Code is 1.100.3, which engines.vscode accepts. */
export const CODE_SERVER_VERSION = '4.100.3';
const MARKER = '.raft-install-complete';
const STEP_TIMEOUT_MS = 20 * 60_000;
const LOCK_STALE_MS = 60 * 60_000;

export function codeServerDir(): string {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The script that starts code-server, in a complete install. */
export function codeServerEntry(dir = codeServerDir()): string {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function isInstalled(dir = codeServerDir()): boolean {
  return fs.existsSync(path.join(dir, MARKER)) && fs.existsSync(codeServerEntry(dir));
}

/** Returns the entry script of a complete install, installing first when there is none. */
export async function ensureCodeServer(): Promise<string> {
  const dir = codeServerDir();
  if (isInstalled(dir)) return codeServerEntry(dir);
  checkPrerequisites();
  await withInstallLock(dir, async () => {
    if (isInstalled(dir)) return; // Another run finished it while we waited.
    await install(dir);
  });
  return codeServerEntry(dir);
}

interface Prerequisite {
  readonly what: string;
  readonly debianPackage: string;
  present(): boolean;
}

const prerequisites: readonly Prerequisite[] = [
  { what: 'a C/C++ toolchain (cc, c++, make)', debianPackage: 'build-essential', present: () => ['cc', 'c++', 'make'].every((c) => findOnPath(c)) },
  { what: 'pkg-config', debianPackage: 'pkg-config', present: () => !!findOnPath('pkg-config') },
  { what: 'python3 (node-gyp)', debianPackage: 'python3', present: () => !!findOnPath('python3') },
  { what: 'Kerberos headers (gssapi/gssapi.h)', debianPackage: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') },
  { what: 'ripgrep (rg)', debianPackage: 'ripgrep', present: () => !!findOnPath('rg') },
];

function checkPrerequisites(): void {
  const missing = prerequisites.filter((p) => !p.present());
  if (missing.length === 0) return;
  throw new Error(
    `Cannot install code-server ${CODE_SERVER_VERSION}: missing ${missing.map((m) => m.what).join(', ')}.\n` +
      `Install them with: apt-get install -y ${missing.map((m) => m.debianPackage).join(' ')}  (.ci/run does this)`,
  );
}

/** One install at a time per cache directory; a lock whose owner died, or that is very old, is taken over. */
async function withInstallLock(dir: string, body: () => Promise<void>): Promise<void> {
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!lockOwnerAlive(lock) || Date.now() > deadline) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      say(`waiting for another run to finish installing code-server (lock ${lock})`);
      await sleep(5000);
      if (isInstalled(dir)) return;
    }
  }
  try {
    await body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function lockOwnerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    return true; // Just created; its owner is writing the pid.
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Installs into a staging directory and renames it into place, so a half install is never mistaken for one. */
async function install(dir: string): Promise<void> {
  const staging = `${dir}.partial`;
  const logFile = `${dir}.install.log`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(logFile, '');
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'raft-cluster-code-server', private: true }, null, 2));
  say(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (a few minutes, once; log: ${logFile})`);
  const started = Date.now();
  const env = installEnv();
  const step = async (title: string, cwd: string, command: string, args: string[]): Promise<void> => {
    say(`  ${title}`);
    await run(command, args, { cwd, env, logFile, timeoutMs: STEP_TIMEOUT_MS });
  };
  const vscodeDir = path.join(staging, 'node_modules', 'code-server', 'lib', 'vscode');

  // Every package's own install script is skipped (they fetch binaries from GitHub); the native
  // modules are then built from source against this Node.
  await step('npm install code-server (no scripts)', staging, 'npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund']);
  await step("VS Code's server dependencies", vscodeDir, 'npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
  const rgDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgDir, { recursive: true });
  fs.copyFileSync(findOnPath('rg') as string, path.join(rgDir, 'rg'));
  fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
  await step('build native modules (kerberos, watcher, pty, ...)', vscodeDir, 'npm', [
    'rebuild', 'kerberos', '@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'native-watchdog', 'node-pty',
  ]);
  fs.symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  fs.symlinkSync('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  fs.symlinkSync('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  const builtinExtensions = path.join(vscodeDir, 'extensions');
  await step('built-in extensions', builtinExtensions, 'npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
  await step('built-in extensions postinstall', builtinExtensions, process.execPath, ['postinstall.mjs']);
  await step('argon2', staging, 'npm', ['rebuild', 'argon2']);

  fs.writeFileSync(path.join(staging, MARKER), `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  fs.renameSync(staging, dir);
  say(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * The environment for the install's npm runs: not the repository's npm_package_* variables,
 * yes to node-pty's `npx node-gyp`, and Node's own headers when they are installed beside it
 * (so node-gyp builds without downloading them).
 */
function installEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('npm_package_') && !key.startsWith('npm_lifecycle_')) env[key] = value;
  }
  env.npm_config_yes = 'true';
  const nodePrefix = path.dirname(path.dirname(process.execPath));
  if (!env.npm_config_nodedir && fs.existsSync(path.join(nodePrefix, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  return env;
}
