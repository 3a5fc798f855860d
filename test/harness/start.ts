// `npm start` (after the build): opens the extension in desktop VS Code when `code` is on PATH;
// otherwise serves it from the cached code-server on 127.0.0.1 and prints the URL to open,
// running until Ctrl+C. RAFT_START_BROWSER=1 picks code-server even when `code` exists;
// RAFT_START_FOLDER picks the folder to open (default: this repository).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { startCodeServer, workbenchUrl } from './codeServer';
import { describeError } from './log';
import { repoRoot } from './paths';
import { findOnPath } from './proc';

async function main(): Promise<void> {
  const folder = path.resolve(process.env.RAFT_START_FOLDER || repoRoot);
  const code = process.env.RAFT_START_BROWSER ? undefined : findOnPath('code');
  if (code) {
    const launched = spawnSync(code, ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: 'inherit' });
    if (launched.status !== 0) throw new Error(`"${code}" failed (${launched.error?.message ?? `exit ${launched.status}`})`);
    console.log('Opened the extension in desktop VS Code (an [Extension Development Host] window).');
    return;
  }
  const server = await startCodeServer('start');
  const url = workbenchUrl(server, { folder, extensionDevelopmentPath: repoRoot });
  console.log(`\nRaft Cluster is running in code-server. Open this in a browser on this machine:\n\n  ${url}\n`);
  console.log('Rebuild with `npm run watch` in another terminal, then reload the page. Ctrl+C stops the server.');
  await new Promise<never>(() => undefined); // Until Ctrl+C, which stops the server on the way out.
}

main().catch((error) => {
  console.error(`npm start: ${describeError(error)}`);
  process.exitCode = 1;
});
