// Pause / Resume, Step / Step Back, Run Until (Leader), Go to Event.
import * as vscode from 'vscode';
import { explain } from '../core/explain';
import type { TraceRecord } from '../core/trace';
import type { RunCondition } from '../session/conditions';
import { NO_CLUSTER } from '../session/session';
import { CANCELLED, fail, outcome, type CommandDeps, type CommandResult, type Handler } from './commandResult';
import { parseConditionArg, parseSeqArg } from './commandArgs';
import { askSeq, pickCondition } from './pickers';

const STATUS_MS = 6000;

/** Says what just happened in the status bar, so the tree-only user sees each step explained. */
function announce(deps: CommandDeps, prefix: string, record: TraceRecord): string {
  const text = explain(record, deps.session.config!.protocol);
  void vscode.window.setStatusBarMessage(`$(debug-step-over) ${prefix} #${record.seq}: ${text}`, STATUS_MS);
  return text;
}

function recordFields(deps: CommandDeps, record: TraceRecord, prefix: string): Record<string, unknown> {
  return { seq: record.seq, time: record.time, node: record.node, kind: record.kind, rule: record.rule, text: announce(deps, prefix, record) };
}

async function runUntil(deps: CommandDeps, condition: RunCondition): Promise<CommandResult> {
  const result = await deps.session.runUntil(condition);
  if (!result.ok) return fail(result.error);
  const fields = recordFields(deps, result.record, 'Stopped at');
  const term = deps.session.view()?.nodes[result.record.node]?.currentTerm ?? null;
  return { ok: true, condition, term, ...fields };
}

export const RUN_COMMANDS: Readonly<Record<string, Handler>> = {
  'raft.pause': (deps) => outcome(deps.session.pause()),
  'raft.resume': (deps) => outcome(deps.session.resume()),
  'raft.step': (deps) => outcome(deps.session.step(), (r) => recordFields(deps, r.record, 'Step')),
  'raft.stepBack': (deps) => outcome(deps.session.stepBack(), (r) => ({ seq: r.seq })),
  'raft.runUntilLeader': (deps) => runUntil(deps, 'leader'),
  'raft.runUntil': async (deps, arg) => {
    const parsed = parseConditionArg(arg);
    if (parsed.kind === 'invalid') return fail(parsed.error);
    const condition = parsed.kind === 'value' ? parsed.value : await pickCondition();
    return condition === undefined ? CANCELLED : runUntil(deps, condition);
  },
  'raft.seek': async (deps, arg) => {
    const parsed = parseSeqArg(arg);
    if (parsed.kind === 'invalid') return fail(parsed.error);
    let seq: unknown;
    if (parsed.kind === 'ask') {
      const history = deps.session.timeline;
      if (!history) return fail(NO_CLUSTER);
      seq = await askSeq(history.headSeq, history.seq);
      if (seq === undefined) return CANCELLED;
    } else seq = parsed.value;
    return outcome(deps.session.seek(seq), (r) => ({ seq: r.seq }));
  },
};
