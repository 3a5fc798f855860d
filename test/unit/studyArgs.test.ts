// Arguments of the study commands: what each entry point passes, and a clear message for the rest.
import * as assert from 'node:assert/strict';
import { parseLessonArg, parseScenarioArg, parseShowCodeArg } from '../../src/vscode/study/studyArgs';

describe('study: command arguments', () => {
  it('Run / Step through: nothing (the active editor), a URI string, or { uri, line } from a CodeLens', () => {
    assert.deepEqual(parseScenarioArg(undefined), { kind: 'value', value: {} });
    assert.deepEqual(parseScenarioArg('file:///a.raft'), { kind: 'value', value: { uri: 'file:///a.raft' } });
    assert.deepEqual(parseScenarioArg({ uri: 'file:///a.raft', line: 3 }), { kind: 'value', value: { uri: 'file:///a.raft', line: 3 } });
    for (const bad of [{ line: -1 }, { line: 1.5 }, { uri: 7 }, 42, '']) {
      const parsed = parseScenarioArg(bad);
      assert.equal(parsed.kind, 'invalid', JSON.stringify(bad));
      assert.match(parsed.kind === 'invalid' ? parsed.error : '', /Run Scenario takes a \.raft file's URI/);
    }
  });

  it('Show Code: { seq } from the event list, a number, nothing or a tree element (the current event)', () => {
    assert.deepEqual(parseShowCodeArg({ seq: 12 }), { kind: 'value', value: 12 });
    assert.deepEqual(parseShowCodeArg(12), { kind: 'value', value: 12 });
    assert.deepEqual(parseShowCodeArg(undefined), { kind: 'value', value: 'current' });
    assert.deepEqual(parseShowCodeArg({ nodeId: 2 }), { kind: 'value', value: 'current' });
    for (const bad of ['twelve', -1, 2.5, { seq: 'x' }]) {
      const parsed = parseShowCodeArg(bad);
      assert.equal(parsed.kind, 'invalid', JSON.stringify(bad));
      assert.match(parsed.kind === 'invalid' ? parsed.error : '', /needs an event number such as 12/);
    }
  });

  it('Open Lesson: a name, { lesson }, or nothing (ask)', () => {
    assert.deepEqual(parseLessonArg(undefined), { kind: 'ask' });
    assert.deepEqual(parseLessonArg(' 03-split-vote '), { kind: 'value', value: '03-split-vote' });
    assert.deepEqual(parseLessonArg({ lesson: '03-split-vote.raft' }), { kind: 'value', value: '03-split-vote.raft' });
    assert.equal(parseLessonArg(3).kind, 'invalid');
    assert.equal(parseLessonArg({ lesson: '' }).kind, 'invalid');
  });
});
