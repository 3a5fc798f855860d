// Runs compiled mocha files in this process (plain Node, or VS Code's extension host) and returns
// what happened. Files load with require(), as compiled CommonJS, so the extension host's hook
// that resolves `require('vscode')` applies to them.
import Mocha from 'mocha';
import type { Counts } from './results';

export interface MochaOptions {
  timeoutMs: number;
  /** Only tests whose full title matches (RAFT_TEST_GREP). */
  grep?: string;
  rootHooks?: Mocha.RootHookObject;
}

export function runMocha(files: readonly string[], options: MochaOptions): Promise<Counts> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: !!process.stdout.isTTY,
    timeout: options.timeoutMs,
    ...(options.grep ? { grep: options.grep } : {}),
    ...(options.rootHooks ? { rootHooks: options.rootHooks } : {}),
  });
  files.forEach((file) => mocha.addFile(file));
  return new Promise<Counts>((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, pending: stats?.pending ?? 0 });
    });
  });
}
