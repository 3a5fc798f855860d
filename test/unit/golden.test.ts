// Golden transcripts in the command language, in the style of etcd-raft's interaction tests:
// each "> command" line is followed by the exact output it must produce. Regenerate after an
// intended behaviour change with UPDATE_GOLDEN=1 and review the diff like code.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ScriptSession } from '../../src/core';

const DIR = path.resolve(__dirname, '../../../test/testdata');

interface Block {
  readonly command: string;
  readonly expected: string;
}

function parseTranscript(text: string): { header: string; blocks: Block[] } {
  const lines = text.split('\n');
  const header: string[] = [];
  const blocks: { command: string; out: string[] }[] = [];
  for (const line of lines) {
    if (line.startsWith('> ')) blocks.push({ command: line.slice(2), out: [] });
    else if (blocks.length === 0) header.push(line);
    else blocks[blocks.length - 1]!.out.push(line);
  }
  return { header: header.join('\n'), blocks: blocks.map((b) => ({ command: b.command, expected: b.out.join('\n').replace(/\n+$/, '') })) };
}

function render(header: string, results: { command: string; actual: string }[]): string {
  return [header.replace(/\n+$/, ''), ...results.map((r) => `> ${r.command}\n${r.actual}\n`)].join('\n') + '\n';
}

describe('golden transcripts (test/testdata)', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.txt'));
  it('has transcripts to run', () => assert.ok(files.length >= 3, `expected transcripts in ${DIR}`));
  for (const file of files) {
    it(file, () => {
      const full = path.join(DIR, file);
      const { header, blocks } = parseTranscript(fs.readFileSync(full, 'utf8'));
      const session = new ScriptSession();
      const results = blocks.map((b) => ({ command: b.command, actual: session.executeLine(b.command)?.text ?? '' }));
      if (process.env.UPDATE_GOLDEN) {
        fs.writeFileSync(full, render(header, results));
        return;
      }
      for (let i = 0; i < blocks.length; i++) {
        assert.strictEqual(results[i]!.actual, blocks[i]!.expected, `${file}: output of "> ${blocks[i]!.command}" differs`);
      }
    });
  }
});
