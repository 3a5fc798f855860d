// Bundles one bench or screenshot script (TypeScript, importing src/) and runs it with Node.
// Usage: node test/bench/run.mjs test/bench/webview.bench.ts
import { build } from 'esbuild';
import { spawnSync } from 'child_process';
import { basename } from 'path';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node test/bench/run.mjs <script.ts>');
  process.exit(2);
}
const outfile = `out/bench/${basename(entry).replace(/\.ts$/, '.js')}`;
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['playwright-core'], sourcemap: 'inline', logLevel: 'warning' });
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
