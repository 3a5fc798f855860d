// Child processes with a deadline: a hung step must fail the run, not hang CI.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** The command's output is appended here. */
  logFile: string;
}

/** Runs a command to completion; rejects with the tail of its output when it fails or outlives its deadline. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<void> {
  const shown = `${command} ${args.join(' ')}`;
  const log = fs.openSync(options.logFile, 'a');
  fs.writeSync(log, `\n$ (cd ${options.cwd} && ${shown})\n`);
  let tail = '';
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let settled = false;
    const keep = (chunk: Buffer): void => {
      if (settled) return;
      fs.writeSync(log, chunk);
      tail = (tail + chunk.toString()).slice(-3000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const untrack = trackGroup(child);
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      untrack();
      fs.closeSync(log);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      killGroup(child);
      settle(new Error(`"${shown}" in ${options.cwd} did not finish within ${options.timeoutMs / 1000} s.\n${tail}`));
    }, options.timeoutMs);
    child.on('error', (error) => settle(new Error(`could not start "${command}": ${error.message}`)));
    child.on('close', (code, signal) =>
      settle(code === 0 ? undefined : new Error(`"${shown}" in ${options.cwd} failed (${signal ?? `exit ${code}`}).\n${tail}`)),
    );
  });
}

const liveGroups = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Remembers a detached child so that its whole process group dies with the harness,
 * whether the harness ends normally, by an uncaught error, or by Ctrl+C.
 */
export function trackGroup(child: ChildProcess): () => void {
  liveGroups.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => liveGroups.forEach(killGroup));
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        liveGroups.forEach(killGroup);
        process.exit(130);
      });
    }
  }
  return () => liveGroups.delete(child);
}

export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port on 127.0.0.1'));
      });
    });
  });
}

/** The absolute path of a command on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
