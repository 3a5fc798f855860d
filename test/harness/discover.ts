// Finds compiled test files. A compiled file counts only while its TypeScript source exists, so a
// test that was deleted or renamed does not keep running from a stale out/ directory.
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Compiled files under `compiledDir` ending in `suffix` (e.g. ".test.js"), sorted, whose source
 * (the same relative path under `sourceDir`, ".ts" for ".js") exists.
 */
export function compiledTests(compiledDir: string, sourceDir: string, suffix: string): string[] {
  if (!fs.existsSync(compiledDir)) return [];
  return (fs.readdirSync(compiledDir, { recursive: true }) as string[])
    .filter((relative) => relative.endsWith(suffix))
    .filter((relative) => fs.existsSync(path.join(sourceDir, relative.replace(/\.js$/, '.ts'))))
    .sort()
    .map((relative) => path.join(compiledDir, relative));
}
