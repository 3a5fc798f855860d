// Reads the repository's src/core/**/*.ts the way the extension reads the copy shipped in the VSIX.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import type { SourceFile } from '../../src/vscode/study/ruleMarkers';

export function coreSources(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts')) out.push({ path: rel, text: fs.readFileSync(path.join(repoRoot, rel), 'utf8') });
    }
  };
  walk('src/core');
  return out;
}

export function lessonFiles(): { file: string; text: string }[] {
  const dir = path.join(repoRoot, 'media', 'lessons');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.raft'))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
}
