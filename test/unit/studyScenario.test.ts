// The scenario player behind Run and Step through: segments at start lines, the records each
// line produced, the line behind any point of the run, and the replay the editor steps through.
import * as assert from 'node:assert/strict';
import { History } from '../../src/core/history';
import { runScript } from '../../src/core/script/run';
import { findLesson, lessonInfo, sortLessons } from '../../src/vscode/study/lessons';
import { lineAtSeq, playSegment, reachedAt, segmentAt, segmentsOf, splitLines } from '../../src/vscode/study/scenario';

const SCRIPT = splitLines(`# a leader, a crash, a check
start raft nodes 3 seed 1

run until leader
crash 0
expect node 0 crashed   # 5
run 2s
expect leaders 1`);

describe('study: scenario segments', () => {
  it('splits a file at its start lines; leading comments belong to the first segment', () => {
    const lines = splitLines('# intro\nstart raft seed 1\nrun 1s\n\nstart simple seed 2\nrun 1s');
    const segments = segmentsOf(lines);
    assert.deepEqual(
      segments.map((s) => [s.first, s.end, s.start?.options.protocol]),
      [
        [1, 4, 'raft'],
        [4, 6, 'simple'],
      ],
    );
    assert.equal(segmentAt(segments, 0), segments[0]);
    assert.equal(segmentAt(segments, 5), segments[1]);
  });

  it('runs a file without a start line on the default cluster, and finds nothing in a comment-only file', () => {
    assert.deepEqual(
      segmentsOf(splitLines('# no start\nrun 1s\nexpect leaders 1')).map((s) => [s.first, s.end, s.start]),
      [[1, 3, null]],
    );
    assert.deepEqual(segmentsOf(splitLines('# nothing to run\n\n')), []);
  });
});

describe('study: playing a segment', () => {
  const run = playSegment(SCRIPT, segmentsOf(SCRIPT)[0]!);

  it('records which records each line produced', () => {
    const byLine = new Map(run.outcomes.map((o) => [o.line, o]));
    assert.deepEqual([...byLine.keys()], [1, 3, 4, 5, 6, 7]);
    assert.equal(byLine.get(1)!.seqAfter, 0);
    const leader = byLine.get(3)!;
    const crash = byLine.get(4)!;
    assert.ok(leader.seqAfter > 0);
    assert.equal(crash.seqBefore, leader.seqAfter);
    assert.equal(crash.seqAfter, crash.seqBefore + 1, 'an input is one record');
    assert.equal(byLine.get(5)!.seqAfter, crash.seqAfter, 'an expect applies no record');
    assert.equal(run.seq, byLine.get(6)!.seqAfter);
    assert.deepEqual(run.expects, { passed: 2, failed: 0 });
    assert.equal(run.failedLine, null);
    assert.equal(run.config.size, 3);
    assert.deepEqual(run.inputs.map((i) => i.input), [{ kind: 'crash', node: 0 }]);
  });

  it('names the line behind every point of the run', () => {
    const crash = run.outcomes.find((o) => o.kind === 'crash')!;
    assert.equal(lineAtSeq(run, 0), 1, 'before any record: the start line');
    assert.equal(lineAtSeq(run, 1), 3);
    assert.equal(lineAtSeq(run, crash.seqAfter), 4);
    assert.equal(lineAtSeq(run, crash.seqAfter + 1), 6);
    assert.equal(lineAtSeq(run, run.seq), 6);
    assert.equal(lineAtSeq(run, run.seq + 1), null, 'past the scenario');
    assert.deepEqual(
      reachedAt(run, crash.seqAfter).map((o) => o.line),
      [1, 3, 4, 5],
    );
  });

  it('stops at the first failed expect, as the CLI does, and counts refused inputs', () => {
    const lines = splitLines('start raft nodes 3 seed 1\ncrash 1\ncrash 1\nexpect leaders 2\nrun 1s');
    const failed = playSegment(lines, segmentsOf(lines)[0]!);
    assert.equal(failed.failedLine, 3);
    assert.deepEqual(failed.expects, { passed: 0, failed: 1 });
    assert.equal(failed.errors, 1);
    assert.match(failed.outcomes[2]!.answer.text, /crashed/);
    assert.equal(failed.outcomes.some((o) => o.line === 4), false);
  });

  it('rebuilds to the same trace from its config and inputs, and steps it from the start line by line', () => {
    const headless = playSegment(SCRIPT, segmentsOf(SCRIPT)[0]!);
    const reference = runScript(SCRIPT.join('\n')).session.history.records(1, headless.seq);
    assert.equal(reference.length, headless.seq);
    // What the editor does: restore the run at its end, go back to the start, then step.
    const replayed = History.replay(headless.config, headless.inputs, headless.seq, headless.time);
    assert.deepEqual([replayed.seq, replayed.time], [headless.seq, headless.time], 'the replay ends where the run ended');
    assert.deepEqual(replayed.view(), runScript(SCRIPT.join('\n')).session.history.view());
    replayed.seekSeq(0);
    const lines: number[] = [];
    while (replayed.seq < headless.seq) {
      const r = replayed.step()!;
      lines.push(lineAtSeq(headless, r.seq)!);
      assert.deepEqual(r, reference[r.seq - 1]);
    }
    assert.equal(lines.length, headless.seq);
    assert.deepEqual([...new Set(lines)], [3, 4, 6], 'the highlighted line only moves forward, through the lines that apply records');
  });
});

describe('study: the lesson index', () => {
  it('reads a title and a description from the first two comment lines, and finds lessons by name', () => {
    const info = lessonInfo('03-split-vote.raft', '# Lesson 3: A split vote\n# When several followers time out.\nstart raft seed 22\n# later comment');
    assert.deepEqual(info, { file: '03-split-vote.raft', title: 'Lesson 3: A split vote', description: 'When several followers time out.' });
    const lessons = sortLessons([info, lessonInfo('01-a.raft', '# Lesson 1: A')]);
    assert.deepEqual(lessons.map((l) => l.file), ['01-a.raft', '03-split-vote.raft']);
    assert.equal(findLesson(lessons, '03-split-vote'), info);
    assert.equal(findLesson(lessons, '03-split-vote.raft'), info);
    assert.equal(findLesson(lessons, 'nope'), undefined);
    assert.equal(lessonInfo('x.raft', 'start raft').title, 'x.raft', 'a file without comments is named by its file');
  });
});
