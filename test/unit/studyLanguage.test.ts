// The .raft language in the editor: diagnostics for bad lines, completion, hovers, and a grammar
// that highlights every command the core knows.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, parseLine } from '../../src/core/script/parse';
import { checkScenario } from '../../src/vscode/study/scenarioCheck';
import { completionsAt } from '../../src/vscode/study/scenarioComplete';
import { hoverAt } from '../../src/vscode/study/scenarioHover';
import { splitLines } from '../../src/vscode/study/scenario';
import { repoRoot } from '../harness/paths';

describe('study: diagnostics for scenario files', () => {
  const BAD = splitLines(
    [
      '# a file with bad lines',
      'start raft nodes 3 seed 7',
      'crsh 1', // unknown command
      'run 5 seconds', // not a duration
      'crash', // missing node id (at the end of the line)
      'crash 3', // parses, but the cluster has nodes 0-2
      'partition 0 | 1', // node 2 in no group
      'expect node 9 leader',
      'expect leaders 1',
      'start simple seed 1',
      'request x=1', // simple has no log
      'start raft nodes 500',
    ].join('\n'),
  );
  const problems = checkScenario(BAD);
  const at = (line: number) => problems.filter((p) => p.line === line);

  it('reports each line the parser rejects as an error with its column range', () => {
    assert.deepEqual(at(2).map((p) => [p.severity, p.start, p.end]), [['error', 0, 4]]);
    assert.match(at(2)[0]!.message, /unknown command "crsh"/);
    assert.deepEqual(at(3).map((p) => [p.severity, p.start, p.end]), [['error', 4, 5]]);
    assert.match(at(3)[0]!.message, /is not a duration/);
    assert.deepEqual(at(4).map((p) => [p.severity, p.start, p.end]), [['error', 4, 5]]);
    assert.match(at(4)[0]!.message, /needs a node id/);
  });

  it('warns where the cluster the file starts would refuse a line', () => {
    assert.deepEqual(at(5).map((p) => [p.severity, p.start, p.end, p.message]), [['warning', 6, 7, 'node 3 does not exist: the cluster this file starts has nodes 0-2']]);
    assert.equal(at(6)[0]?.severity, 'warning');
    assert.match(at(6)[0]!.message, /node 2 is in no group/);
    assert.deepEqual([at(6)[0]!.start, at(6)[0]!.end], [10, 15]);
    assert.match(at(7)[0]!.message, /node 9 does not exist/);
    assert.match(at(10)[0]!.message, /simple protocol has no log/);
    assert.match(at(11)[0]!.message, /size must be between 1 and 101/);
  });

  it('says nothing about good lines, comments and blank lines', () => {
    for (const line of [0, 1, 8, 9]) assert.deepEqual(at(line), [], `line ${line + 1}`);
    assert.equal(problems.length, 8);
  });

  it('finds nothing wrong in the shipped lessons', () => {
    const dir = path.join(repoRoot, 'media', 'lessons');
    for (const file of fs.readdirSync(dir)) assert.deepEqual(checkScenario(splitLines(fs.readFileSync(path.join(dir, file), 'utf8'))), [], file);
  });
});

describe('study: completion in scenario files', () => {
  const labels = (line: string, size = 5, column = line.length) => completionsAt(line, column, size).map((c) => c.label);

  it('offers every command at the start of a line, with its syntax and summary', () => {
    const items = completionsAt('', 0, 5);
    assert.deepEqual(items.map((c) => c.label), COMMANDS.map((c) => c.name));
    assert.equal(items.find((c) => c.label === 'crash')!.detail, 'crash ID');
    const partial = completionsAt('  cr', 4, 5);
    assert.equal(partial[0]!.from, 2, 'replaces the word being typed');
  });

  it('offers the node ids of the cluster the line runs on', () => {
    assert.deepEqual(labels('crash '), ['0', '1', '2', '3', '4']);
    assert.deepEqual(labels('recover ', 3), ['0', '1', '2']);
    assert.deepEqual(labels('expect node '), ['0', '1', '2', '3', '4']);
    assert.ok(labels('partition 0 1 ', 3).includes('|'));
    assert.deepEqual(labels('crash 1 '), [], 'crash takes one id');
  });

  it('offers nothing inside a comment', () => {
    assert.deepEqual(labels('# crash '), []);
    assert.deepEqual(labels('crash 1 # now '), []);
  });

  it('offers only words the parser accepts in that place', () => {
    // What must follow each suggestion to make a whole line.
    const option = (label: string) => (/^(nodes|seed|heartbeat)$/.test(label) ? ' 3' : /^(election|latency)$/.test(label) ? ' 1-2' : /^(drop|duplicate)$/.test(label) ? ' 0.1' : '');
    const expectWhat: Record<string, string> = { leader: ' any', leaders: ' 1', violations: ' 0', violation: ' Election Safety', node: ' 1 follower' };
    const field = (label: string) => (['follower', 'candidate', 'leader', 'crashed'].includes(label) ? '' : ' 1');
    const contexts: Record<string, (label: string) => string> = {
      'start ': option,
      'start raft ': option,
      'start nodes 3 ': option,
      'run ': (label) => (label === 'until' ? ' leader' : ''),
      'run until ': () => '',
      'run until leader ': () => ' 1s',
      'run until leader within ': () => '',
      'expect ': (label) => expectWhat[label] ?? '?',
      'expect leader ': () => '',
      'expect leaders ': () => ' 1',
      'expect violations ': () => ' 0',
      'expect violation ': () => '',
      'expect node ': () => ' follower',
      'expect node 1 ': field,
      'expect node 1 term ': () => ' 2',
      'crash ': () => '',
      'partition 0 ': (label) => (label === '|' ? ' 1 2 3 4' : ' | 1'),
    };
    for (const [context, tail] of Object.entries(contexts)) {
      const items = labels(context);
      assert.ok(items.length > 0, `nothing offered after "${context}"`);
      for (const label of items) {
        const line = `${context}${label}${tail(label)}`;
        const parsed = parseLine(line);
        assert.ok(parsed.ok, `"${line}" does not parse: ${parsed.ok ? '' : parsed.error.message}`);
      }
    }
  });
});

describe('study: hovers in scenario files', () => {
  it('explains the command under the cursor', () => {
    const hover = hoverAt('  run until leader', 3);
    assert.deepEqual(hover && [hover.start, hover.end], [2, 5]);
    assert.equal(hover!.summary, COMMANDS.find((c) => c.name === 'run')!.summary);
    assert.match(hover!.syntax, /^run DURATION/);
  });

  it('is silent off the command word and on unknown words', () => {
    assert.equal(hoverAt('run until leader', 8), null);
    assert.equal(hoverAt('crsh 1', 1), null);
    assert.equal(hoverAt('# crash 1', 3), null);
  });
});

describe('study: the TextMate grammar', () => {
  const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'media', 'raft.tmLanguage.json'), 'utf8')) as { scopeName: string; repository: Record<string, { match?: string; patterns?: { match?: string }[] }> };

  /** TextMate's Oniguruma patterns as JavaScript ones (these use no feature beyond a leading (?i)). */
  const regex = (pattern: string) => (pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern));

  it('highlights every command of the core', () => {
    const re = regex(grammar.repository.command!.match!);
    for (const c of COMMANDS) assert.ok(re.test(`${c.name} 1`), `"${c.name}" is not highlighted as a command`);
    assert.equal(re.test('crashed 1'), false);
  });

  it('knows comments, numbers, durations, ranges and the partition bar', () => {
    const match = (rule: string, text: string) => regex(grammar.repository[rule]!.match!).exec(text)?.[0];
    assert.equal(match('comment', 'crash 1 # why'), '# why');
    assert.equal(match('duration', 'run 1500ms'), '1500ms');
    assert.equal(match('range', 'election 150-300'), '150-300');
    assert.equal(match('number', 'crash 12'), '12');
    assert.equal(match('bar', 'partition 0 1 | 2'), '|');
    assert.equal(grammar.scopeName, 'source.raft');
  });
});
