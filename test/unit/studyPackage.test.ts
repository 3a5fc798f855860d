// Study mode works from an installed VSIX, not only from a checkout: the package holds the core's
// sources (Show Code reads them, and their markers), the lessons, the grammar and the walkthrough.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import { coreSources, lessonFiles } from './studySources';

describe('study: what the VSIX ships', function () {
  this.timeout(30_000);
  let shipped: Set<string>;
  before(() => {
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
    shipped = new Set(out.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  });

  it('ships every source file of the core, where Show Code looks for the rule markers', () => {
    const missing = coreSources().map((f) => f.path).filter((p) => !shipped.has(p));
    assert.deepEqual(missing, []);
  });

  it('ships every lesson, the grammar, the language configuration and the walkthrough pages', () => {
    const wanted = [
      ...lessonFiles().map((l) => `media/lessons/${l.file}`),
      'media/raft.tmLanguage.json',
      'media/raft-language-configuration.json',
      ...['start', 'crash', 'step', 'lesson', 'code'].map((p) => `media/walkthrough/${p}.md`),
    ];
    assert.deepEqual(wanted.filter((p) => !shipped.has(p)), []);
  });

  it('ships no test or build output', () => {
    assert.deepEqual([...shipped].filter((p) => /^(test|out|build)\//.test(p)), []);
  });
});
