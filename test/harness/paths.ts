// Where the harness keeps things. Compiled to out/test/harness/, so the repository root is three up.
import * as os from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const outDir = path.join(repoRoot, 'out');
/** Everything a test run leaves behind (screenshots, logs, results, code-server state); git-ignored. */
export const buildDir = path.join(repoRoot, 'build');
export const resultsDir = path.join(buildDir, 'test-results');
export const screenshotsDir = path.join(buildDir, 'screenshots');

/** Outside the repository so a fresh clone reuses it; RAFT_CACHE_DIR moves it. */
export function cacheRoot(): string {
  if (process.env.RAFT_CACHE_DIR) return path.resolve(process.env.RAFT_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'raft-cluster');
}
