// Study mode in the real extension host: the lessons play through Run with every expect passing
// and the same trace as the core headless; Step through moves the marked line event by event;
// diagnostics, completion, hovers and CodeLenses on .raft files; Show Code for Event opens the
// shipped core source read-only at the rule and follows the steps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RULE_IDS } from '../../src/core/rules';
import { runScript } from '../../src/core/script/run';
import type { RaftClusterApi } from '../../src/extension';
import { lineAtSeq, playSegment, segmentsOf, splitLines } from '../../src/vscode/study/scenario';
import { ok, raftApi, run } from './raftApi';

const LESSONS = ['01-first-election', '02-leader-crash', '03-split-vote', '04-log-replication', '05-follower-catch-up', '06-partition', '07-figure-8', '08-simple-two-leaders'];

async function openLesson(name: string): Promise<vscode.TextDocument> {
  const opened = await ok('raft.openLesson', name);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === opened.uri);
  assert.ok(document, `the lesson ${name} is open`);
  assert.equal(document.languageId, 'raft');
  return document;
}

/** Typing into the document's editor changes nothing: the editor is read-only. */
async function assertReadOnly(document: vscode.TextDocument): Promise<void> {
  const before = document.getText();
  await vscode.window.showTextDocument(document, { preserveFocus: false });
  await vscode.commands.executeCommand('type', { text: 'typed by the test' });
  assert.equal(document.getText(), before, `${document.uri.toString()} took typing`);
  assert.equal(document.isDirty, false);
}

/**
 * A new file in a temporary folder, shown in an editor. (Untitled documents would do, but a new
 * one can take the URI of one just closed, and events about the old one then reach the new.)
 */
let scratchCount = 0;
async function scratch(content: string, extension = 'raft'): Promise<vscode.TextDocument> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'raft-study-')), `scratch-${++scratchCount}.${extension}`);
  fs.writeFileSync(file, content);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('study: lessons in the real extension host', () => {
  let api: RaftClusterApi;
  before(async () => {
    api = await raftApi();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api.session.running) await ok('raft.stopCluster');
  });

  it('lists the lessons shipped with the extension', async () => {
    assert.deepEqual((await api.study.lessons()).map((l) => l.file), LESSONS.map((l) => `${l}.raft`));
  });

  for (const name of LESSONS) {
    it(`${name}: Run passes every expect and leaves the session at the end of the same trace as the CLI`, async () => {
      const document = await openLesson(name);
      const lines = splitLines(document.getText());
      for (const segment of segmentsOf(lines)) {
        const result = await ok('raft.runScenario', { uri: document.uri.toString(), line: segment.first });
        const expects = lines.slice(segment.first, segment.end).filter((l) => /^expect\b/.test(l)).length;
        assert.equal(result.expectsFailed, 0);
        assert.equal(result.refusedLines, 0);
        assert.equal(result.expectsPassed, expects);
        assert.equal(api.session.paused, true);
        // The same trace as the core headless, the way the terminal CLI runs this part of the file.
        const headless = runScript(lines.slice(segment.first, segment.end).join('\n')).session.history;
        const timeline = api.session.timeline!;
        assert.equal(timeline.seq, headless.seq);
        assert.equal(timeline.time, headless.time);
        assert.deepEqual(timeline.records(1, timeline.seq), headless.records(1, headless.seq));
        assert.deepEqual(api.session.view(), headless.view());
      }
    });
  }

  it('opens a lesson from the quick pick and refuses a lesson that does not exist', async () => {
    const missing = await run('raft.openLesson', 'no-such-lesson');
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.error : '', /There is no lesson "no-such-lesson"\. The lessons are: 01-first-election, /);
    const bad = await run('raft.openLesson', 42);
    assert.equal(bad.ok, false);
  });

  it('lessons open read-only', async () => {
    const document = await openLesson('01-first-election');
    await assertReadOnly(document);
  });
});

describe('study: Step through', () => {
  let api: RaftClusterApi;
  before(async () => {
    api = await raftApi();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api.session.running) await ok('raft.stopCluster');
  });

  it('starts paused at the start line; each Step moves the marked line forward through the file', async () => {
    const document = await openLesson('02-leader-crash');
    const lines = splitLines(document.getText());
    const segment = segmentsOf(lines)[0]!;
    const headless = playSegment(lines, segment);
    const started = await ok('raft.stepScenario', { uri: document.uri.toString() });
    assert.equal(started.seq, 0);
    assert.equal(api.session.paused, true);
    assert.deepEqual(api.study.scenario(), { uri: document.uri.toString(), mode: 'step', seq: 0, line: segment.first });
    const visited: number[] = [];
    for (let seq = 1; seq <= headless.seq; seq++) {
      const step = await ok('raft.step');
      assert.equal(step.seq, seq);
      const position = api.study.scenario()!;
      assert.equal(position.line, lineAtSeq(headless, seq));
      if (visited[visited.length - 1] !== position.line) visited.push(position.line!);
    }
    assert.deepEqual(
      visited.map((l) => lines[l]),
      ['run until leader', 'run 1s', 'crash 1', 'run until leader', 'recover 1', 'run 1s'],
    );
    await ok('raft.stepBack');
    assert.equal(api.study.scenario()!.seq, headless.seq - 1);
    // Past the end of the scenario the cluster runs on, and no line is marked.
    await ok('raft.seek', headless.seq);
    await ok('raft.step');
    assert.equal(api.study.scenario()!.line, null);
  });

  it('shows expect results only for lines the step has reached', async () => {
    const document = await openLesson('01-first-election');
    const lines = splitLines(document.getText());
    await ok('raft.stepScenario', { uri: document.uri.toString() });
    const run = api.study.lastRun(document.uri.toString(), 0)!;
    assert.equal(run.expects.failed, 0);
    const firstExpect = run.outcomes.find((o) => o.kind === 'expect')!;
    assert.ok(firstExpect.seqAfter > 0 && lines[firstExpect.line]!.startsWith('expect'));
  });

  it('refuses to run something that is not a scenario, and a file with only comments', async () => {
    await scratch('hello', 'txt');
    const notRaft = await run('raft.runScenario');
    assert.equal(notRaft.ok, false);
    assert.match(!notRaft.ok ? notRaft.error : '', /Open a \.raft scenario file first/);
    await scratch('# nothing here\n');
    const empty = await run('raft.runScenario');
    assert.equal(empty.ok, false);
    assert.match(!empty.ok ? empty.error : '', /has no commands to run/);
    const bad = await run('raft.stepScenario', { line: -1 });
    assert.equal(bad.ok, false);
  });

  it('reports the first failed expect and stops there, as the CLI does', async () => {
    const document = await scratch('start raft seed 1\nrun until leader\nexpect leader 4\nrun 1s\n');
    const result = await ok('raft.runScenario');
    assert.equal(result.failedLine, 3);
    assert.equal(result.expectsFailed, 1);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.ok(lenses.some((l) => /expect on line 3 failed/.test(l.command?.title ?? '')), JSON.stringify(lenses.map((l) => l.command?.title)));
    await api.waitFor(() => api.notices().some((n) => n.severity === 'warning' && /line 3 of .*expected node 4 to lead, but node 1 does/.test(n.text)), 2000, 'the failed expect is reported');
  });
});

describe('study: the .raft language', () => {
  before(async () => {
    await raftApi();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts bad lines in the Problems panel with their columns, and updates as you type', async () => {
    const document = await scratch('start raft nodes 3 seed 1\ncrsh 1\nrun 5 seconds\ncrash 4\n');
    const diagnostics = () => vscode.languages.getDiagnostics(document.uri).map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.message]);
    const api = await raftApi();
    await api.waitFor(() => diagnostics().length === 3, 5000, 'three diagnostics').catch(() => assert.fail(`diagnostics: ${JSON.stringify(diagnostics())}, text ${JSON.stringify(document.getText())}`));
    assert.deepEqual(
      diagnostics().map((d) => d.slice(0, 4)),
      [
        [1, 0, 4, vscode.DiagnosticSeverity.Error],
        [2, 4, 5, vscode.DiagnosticSeverity.Error],
        [3, 6, 7, vscode.DiagnosticSeverity.Warning],
      ],
    );
    assert.match(String(diagnostics()[0]![4]), /unknown command "crsh"/);
    const fix = new vscode.WorkspaceEdit();
    fix.replace(document.uri, new vscode.Range(1, 0, 1, 4), 'crash');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await api.waitFor(() => diagnostics().length === 2, 5000, 'the fixed line leaves the Problems panel');
  });

  it('completes commands and the node ids of the file\'s cluster', async () => {
    const document = await scratch('start raft nodes 3 seed 1\ncrash \n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 6));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const id of ['0', '1', '2']) assert.ok(labels.includes(id), `node ${id} offered: ${labels.join(' ')}`);
    assert.equal(labels.includes('3'), false);
    const start = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 0));
    assert.ok(start.items.some((i) => i.label === 'partition' && i.detail?.startsWith('partition IDS')));
  });

  it('explains a command on hover', async () => {
    const document = await scratch('partition 0 1 | 2\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /partition IDS \| IDS/);
    assert.match(text, /Split the network/);
  });

  it('offers Run and Step through above every start line', async () => {
    const document = await scratch('# two clusters\nstart raft seed 1\nrun 1s\nstart simple seed 2\nrun 1s\n');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const found = lenses.map((l) => [l.range.start.line, l.command?.command, (l.command?.arguments?.[0] as { line?: number } | undefined)?.line]);
    assert.deepEqual(found, [
      [1, 'raft.runScenario', 1],
      [1, 'raft.stepScenario', 1],
      [3, 'raft.runScenario', 3],
      [3, 'raft.stepScenario', 3],
    ]);
  });
});

describe('study: Show Code for Event', () => {
  let api: RaftClusterApi;
  before(async () => {
    api = await raftApi();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api.session.running) await ok('raft.stopCluster');
  });

  it('finds a marker for every rule id in the sources shipped with the extension', async () => {
    const index = await api.study.markers();
    assert.deepEqual(index.problems, []);
    for (const id of RULE_IDS) assert.ok(index.locations.has(id), `no marker for ${id}`);
  });

  it('opens the rule of the latest event read-only, highlighted, and follows each step', async () => {
    await ok('raft.startCluster', { size: 5, protocol: 'raft', seed: 1, replace: true, paused: true });
    await ok('raft.step');
    const shown = await ok('raft.showCode');
    assert.equal(shown.rule, 'raft.election.start');
    assert.equal(shown.path, 'src/core/raft/election.ts');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.path === '/src/core/raft/election.ts');
    assert.ok(editor, 'the source is visible');
    assert.match(editor.document.lineAt((shown.line as number) - 2).text, /@rule raft\.election\.start/);
    await assertReadOnly(editor.document);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: true });
    // Step: the highlight moves to the rule of the next event.
    const next = await ok('raft.step');
    const rule = api.session.timeline!.records(next.seq as number, next.seq as number)[0]!.rule;
    await api.waitFor(() => api.study.codeHighlight()?.seq === next.seq, 5000, 'the highlight follows the step');
    assert.equal(api.study.codeHighlight()!.rule, rule);
  });

  it('shows the code of an event picked by number, as the panel asks', async () => {
    await ok('raft.startCluster', { size: 3, protocol: 'simple', seed: 1, replace: true, paused: true });
    for (let i = 0; i < 3; i++) await ok('raft.step');
    const shown = await ok('raft.showCode', { seq: 1 });
    assert.equal(shown.seq, 1);
    assert.match(String(shown.rule), /^simple\./);
  });

  it('says what is wrong when there is no event to show', async () => {
    await ok('raft.startCluster', { size: 3, protocol: 'raft', seed: 1, replace: true, paused: true });
    const atStart = await run('raft.showCode');
    assert.match(!atStart.ok ? atStart.error : '', /No event has happened yet/);
    const beyond = await run('raft.showCode', { seq: 999 });
    assert.match(!beyond.ok ? beyond.error : '', /There is no event #999/);
    const nonsense = await run('raft.showCode', 'twelve');
    assert.match(!nonsense.ok ? nonsense.error : '', /needs an event number/);
    await ok('raft.stopCluster');
    const none = await run('raft.showCode');
    assert.match(!none.ok ? none.error : '', /No Raft cluster is running/);
  });
});
