// The lessons shipped in media/lessons: each is deterministic (a fixed `start ... seed S` line
// first), explains itself in comments, proves itself with expects that all pass, and plays the
// same in the editor's scenario player as in the terminal CLI (same answers, same trace).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { parseLine } from '../../src/core/script/parse';
import { runScript } from '../../src/core/script/run';
import { lessonInfo } from '../../src/vscode/study/lessons';
import { playSegment, segmentsOf, splitLines } from '../../src/vscode/study/scenario';
import { outDir } from '../harness/paths';
import { lessonFiles } from './studySources';

const LESSONS = lessonFiles();

/** A comment or blank line. */
function isProse(line: string): boolean {
  return line.trim() === '' || line.trimStart().startsWith('#');
}
const CLI = path.join(outDir, 'src', 'cli.js');

/** The facts each lesson must establish, beyond "every expect passes". */
const MUST_EXPECT: Readonly<Record<string, readonly RegExp[]>> = {
  '01-first-election.raft': [/^expect leader 1$/m, /^expect node 0 votedFor 1$/m],
  '02-leader-crash.raft': [/^expect leader none$/m, /^expect node 3 term 2$/m, /^expect node 1 term 2$/m],
  '03-split-vote.raft': [/^expect leaders 0$/m, /^expect node 2 term 2$/m],
  '04-log-replication.raft': [/^expect node 1 commitIndex 0$/m, /^expect node 1 commitIndex 1$/m, /^expect node 0 commitIndex 0$/m],
  '05-follower-catch-up.raft': [/^expect node 3 log 0$/m, /^expect node 3 log 3$/m],
  '06-partition.raft': [/^expect node 1 log 3$/m, /^expect node 1 commitIndex 1$/m, /^expect node 1 log 2$/m],
  '07-figure-8.raft': [/^expect node 2 log 1$/m, /^expect node 0 commitIndex 0$/m, /^expect node 4 commitIndex 3$/m],
  '08-simple-two-leaders.raft': [/^start simple/m, /^expect leaders 2$/m, /^expect violation Election Safety$/m, /^start raft/m, /^expect violations 0$/m],
};

describe('lessons', () => {
  it('ships the eight lessons the study guide promises', () => {
    assert.deepEqual(
      LESSONS.map((l) => l.file),
      Object.keys(MUST_EXPECT),
    );
  });

  it("holds lesson 3's try-it: with election timeouts 1500-1520 ms split votes go on for a minute", () => {
    const lesson = LESSONS.find((l) => l.file === '03-split-vote.raft')!.text;
    const narrow = splitLines(lesson.replace(/^start raft nodes 5 seed 22$/m, 'start raft nodes 5 seed 22 election 1500-1520')).filter((l) => !/^expect/.test(l));
    const { session } = runScript(narrow.join('\n'));
    const view = session.history.view();
    assert.equal(session.history.leader(), null);
    assert.ok(view.time > 60_000);
    assert.deepEqual([...new Set(view.nodes.map((n) => n.currentTerm))], [41]);
  });

  for (const { file, text } of LESSONS) {
    describe(file, () => {
      const lines = splitLines(text);

      it('has a title, explains itself and starts a seeded cluster before anything else', () => {
        const info = lessonInfo(file, text);
        assert.match(info.title, /^Lesson \d: \S/);
        assert.ok(info.description.length > 20, 'the second comment line describes the lesson');
        const commands = lines.map(parseLine).flatMap((p) => (p.ok && p.command ? [p.command] : []));
        assert.equal(commands[0]?.kind, 'start', 'the first command is a start line');
        for (const c of commands) if (c.kind === 'start') assert.equal(typeof c.options.seed, 'number', 'every start line fixes its seed');
        // Every paragraph of commands follows a comment that says what it does.
        lines.forEach((l, i) => {
          const startsParagraph = parseLine(l).ok && !isProse(l) && (i === 0 || isProse(lines[i - 1]!));
          if (!startsParagraph) return;
          const before = lines.slice(0, i).filter((x) => x.trim() !== '').pop();
          assert.ok(before?.startsWith('#'), `line ${i + 1} (${l}) is not explained by a comment before it`);
        });
      });

      it('parses every line and proves what it teaches', () => {
        lines.forEach((l, i) => assert.ok(parseLine(l).ok, `line ${i + 1} does not parse: ${l}`));
        for (const re of MUST_EXPECT[file] ?? []) assert.match(text, re);
      });

      it('passes every expect, and the cluster accepts every input (as the core runs it)', () => {
        const refused: string[] = [];
        let expects = 0;
        const { failedLine, error } = runScript(text, {}, (line, a) => {
          if (!a.ok) refused.push(`line ${line}: ${a.text}`);
          if (/^\s*expect\b/.test(lines[line - 1]!)) expects++;
        });
        assert.equal(failedLine, null, error ?? '');
        assert.deepEqual(refused, []);
        assert.ok(expects >= 5, `only ${expects} expects`);
      });

      it('plays in the scenario player with the answers the terminal CLI prints', () => {
        const played = segmentsOf(lines).flatMap((s) => playSegment(lines, s).outcomes.map((o) => o.answer.json));
        const cli = execFileSync(process.execPath, [CLI, '--json', path.join('media', 'lessons', file)], { cwd: path.resolve(outDir, '..'), encoding: 'utf8' });
        assert.deepEqual(played, cli.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown));
      });
    });
  }
});
