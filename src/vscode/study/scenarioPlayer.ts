// Run and Step through for scenario files. A segment of the file is played headlessly (the same
// ScriptSession the CLI uses), then loaded into the extension's session: Run leaves it at the end,
// Step through at the start, paused, so each Step (raft.step) replays one recorded event. The
// editor marks the line behind the current event and shows each expect's pass or fail inline.
import * as vscode from 'vscode';
import { explain } from '../../core/explain';
import { PERSISTED_VERSION } from '../../session/persistence';
import type { Session } from '../../session/session';
import type { SessionHistory } from '../../session/timeline';
import type { CommandDeps, CommandResult } from '../commandResult';
import { fail } from '../commandResult';
import { isOpen, LANGUAGE_ID } from './languageFeatures';
import { lineAtSeq, playSegment, reachedAt, segmentAt, segmentsOf, splitLines, type ScenarioRun } from './scenario';
import type { ScenarioTarget } from './studyArgs';

export type PlayMode = 'run' | 'step';

/** The scenario the session is playing now. */
export interface ActiveScenario {
  readonly uri: string;
  readonly run: ScenarioRun;
  readonly mode: PlayMode;
  readonly history: SessionHistory;
}

/** What the editor shows for the active scenario (for the test API). */
export interface ScenarioPosition {
  readonly uri: string;
  readonly mode: PlayMode;
  readonly seq: number;
  /** 0-based line behind the current event; null past the end of the scenario. */
  readonly line: number | null;
}

const NOT_A_SCENARIO = 'Open a .raft scenario file first (or a lesson, with "Raft: Open Lesson…"), then run it.';
const STEPPING_KEY = 'raft.scenarioStepping';

export class ScenarioPlayer implements vscode.Disposable {
  /** The last run of each segment (by its first line) of each document (by URI). */
  private readonly runs = new Map<string, Map<number, ScenarioRun>>();
  private active: ActiveScenario | null = null;
  private shownLine: number | null = null;
  private renderedSeq = -1;
  private readonly changes = new vscode.EventEmitter<void>();
  /** Fires when runs or the active scenario change (the CodeLenses refresh on it). */
  readonly onDidChange = this.changes.event;
  private readonly current = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.stackFrameHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em' },
  });
  private readonly passed = resultDecoration('testing.iconPassed');
  private readonly failed = resultDecoration('testing.iconFailed');
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly session: Session) {
    this.disposables = [
      this.changes,
      this.current,
      this.passed,
      this.failed,
      session.onDidChangeState(() => this.render()),
      // While the clock runs (Resume), follow the events at the session's throttled pace.
      session.onDidChange(() => this.playing && this.playing.history.seq !== this.renderedSeq && this.render()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.render()),
      // Edited lines no longer match the run: forget it rather than mark the wrong lines.
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.forget(e.document.uri.toString())),
      vscode.workspace.onDidCloseTextDocument((d) => !isOpen(d.uri) && this.forget(d.uri.toString())),
    ];
  }

  lastRun(uri: string, line: number): ScenarioRun | undefined {
    const runs = this.runs.get(uri);
    if (!runs) return undefined;
    const segment = segmentAt([...runs.values()].map((r) => r.segment), line);
    return segment ? runs.get(segment.first) : undefined;
  }

  /** The active scenario, if the session still plays it. */
  get playing(): ActiveScenario | null {
    return this.active && this.session.timeline === this.active.history ? this.active : null;
  }

  position(): ScenarioPosition | null {
    const a = this.playing;
    return a ? { uri: a.uri, mode: a.mode, seq: a.history.seq, line: lineAtSeq(a.run, a.history.seq) } : null;
  }

  async play(deps: CommandDeps, target: ScenarioTarget, mode: PlayMode): Promise<CommandResult> {
    const editor = vscode.window.activeTextEditor;
    const document = target.uri ? await openDocument(target.uri) : editor?.document;
    if (target.uri && !document) return fail(`Cannot open ${target.uri}. ${NOT_A_SCENARIO}`);
    if (!document || document.languageId !== LANGUAGE_ID) return fail(document ? `${basename(document)} is not a .raft scenario. ${NOT_A_SCENARIO}` : NOT_A_SCENARIO);
    const lines = splitLines(document.getText());
    const line = target.line ?? (editor?.document === document ? editor.selection.active.line : 0);
    const segment = segmentAt(segmentsOf(lines), line);
    if (!segment) return fail(`${document.uri.path} has no commands to run, only comments. Add a line such as "start raft seed 1", then "run until leader".`);
    const run = playSegment(lines, segment);
    const restored = this.session.restore({ version: PERSISTED_VERSION, config: run.config, inputs: run.inputs, seq: run.seq, time: run.time, speed: this.session.speed });
    if (!restored.ok) return fail(`The scenario could not be loaded into the cluster: ${restored.error}`);
    if (mode === 'step') this.session.seek(0);
    const history = this.session.timeline!;
    const uri = document.uri.toString();
    if (!this.runs.has(uri)) this.runs.set(uri, new Map());
    this.runs.get(uri)!.set(segment.first, run);
    this.active = { uri, run, mode, history };
    this.shownLine = null;
    deps.openPanel();
    // The panel takes the focus; give it back so F10 steps from the scenario's editor.
    await vscode.window.showTextDocument(document, { viewColumn: editor?.document === document ? editor.viewColumn : undefined, preserveFocus: false });
    this.changes.fire();
    this.render();
    if (run.failedLine !== null) {
      const failure = run.outcomes.find((o) => o.line === run.failedLine)!;
      deps.notifier.warn(`Raft: line ${run.failedLine + 1} of ${basename(document)}: ${failure.answer.text.replace(/^error: /, '')}`);
    }
    return {
      ok: true,
      mode,
      file: document.uri.toString(),
      startLine: segment.first + 1,
      seq: history.seq,
      headSeq: run.seq,
      expectsPassed: run.expects.passed,
      expectsFailed: run.expects.failed,
      failedLine: run.failedLine === null ? null : run.failedLine + 1,
      refusedLines: run.errors,
    };
  }

  private forget(uri: string): void {
    if (!this.runs.delete(uri) && this.active?.uri !== uri) return;
    if (this.active?.uri === uri) this.active = null;
    this.changes.fire();
    this.render();
  }

  /** Paints every visible editor of a played document and sets the stepping context key. */
  private render(): void {
    const playing = this.playing;
    this.renderedSeq = playing?.history.seq ?? -1;
    void vscode.commands.executeCommand('setContext', STEPPING_KEY, playing?.mode === 'step');
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri.toString();
      const runs = this.runs.get(uri)?.values() ?? [];
      const passed: vscode.DecorationOptions[] = [];
      const failed: vscode.DecorationOptions[] = [];
      for (const run of runs) {
        const isActive = playing?.uri === uri && playing.run === run;
        for (const o of isActive ? reachedAt(run, playing.history.seq) : run.outcomes) {
          if (o.kind !== 'expect' && o.answer.ok) continue;
          const text = o.answer.ok ? '✓ holds' : `✗ ${String(o.answer.json.error ?? o.answer.text)}`;
          (o.answer.ok ? passed : failed).push({ range: endOf(editor.document, o.line), renderOptions: { after: { contentText: text } } });
        }
      }
      editor.setDecorations(this.passed, passed);
      editor.setDecorations(this.failed, failed);
      editor.setDecorations(this.current, playing?.uri === uri ? this.currentLine(editor, playing) : []);
    }
  }

  private currentLine(editor: vscode.TextEditor, playing: ActiveScenario): vscode.DecorationOptions[] {
    const seq = playing.history.seq;
    const line = lineAtSeq(playing.run, seq);
    if (line === null || line >= editor.document.lineCount) return [];
    const record = seq > 0 ? playing.history.records(seq, seq)[0] : undefined;
    const text = record ? `#${seq} ${explain(record, playing.history.config.protocol)}` : playing.mode === 'step' ? 'start: Step (F10) applies the first event' : '';
    if (playing.mode === 'step' && line !== this.shownLine) editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.shownLine = line;
    return [{ range: new vscode.Range(line, 0, line, 0), renderOptions: { after: { contentText: shorten(text) } } }];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function resultDecoration(color: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({ after: { color: new vscode.ThemeColor(color), margin: '0 0 0 2em' } });
}

async function openDocument(uri: string): Promise<vscode.TextDocument | undefined> {
  const found = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (found) return found;
  try {
    return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  } catch {
    return undefined;
  }
}

function endOf(document: vscode.TextDocument, line: number): vscode.Range {
  const end = document.lineAt(Math.min(line, document.lineCount - 1)).range.end;
  return new vscode.Range(end, end);
}

function basename(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() ?? document.uri.path;
}

/** Inline text stays on one screen line. */
function shorten(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
