// Executes the command language against a History. Pure: the CLI, the editor and the tests feed
// it lines and print what it answers (text for people, one JSON object per command for scripts).
import { normalizeConfig, type ClusterConfig } from '../config';
import { explain, messageSummary } from '../explain';
import { History } from '../history';
import type { Input } from '../inputs';
import type { TraceRecord } from '../trace';
import type { ClusterView, NodeView } from '../types';
import { COMMANDS, parseLine, type Command, type Comparator, type Expectation, type ParsedLine, type StopCondition } from './parse';

export interface Answer {
  readonly ok: boolean;
  /** For people. */
  readonly text: string;
  /** For scripts: one JSON object. */
  readonly json: Record<string, unknown>;
  /** A failed `expect` (a file run stops on it). */
  readonly expectFailed?: boolean;
  readonly quit?: boolean;
}

/** Stop predicates for "run until", shared with the extension's Run Until commands. */
export const STOP_WHEN: Readonly<Record<StopCondition, (r: TraceRecord) => boolean>> = {
  leader: (r) => r.changes.some((c) => c.field === 'role' && c.after === 'leader'),
  term: (r) => r.changes.some((c) => c.field === 'currentTerm'),
  commit: (r) => r.changes.some((c) => c.field === 'commitIndex' && (c.after as number) > (c.before as number)),
  violation: (r) => r.violation !== undefined,
};

const STOP_TEXT: Readonly<Record<StopCondition, string>> = {
  leader: 'a leader was elected',
  term: 'a term changed',
  commit: 'an entry was committed',
  violation: 'an invariant was violated',
};

export class ScriptSession {
  private current: History;

  constructor(private readonly defaults: Partial<ClusterConfig> = {}) {
    this.current = new History(normalizeConfig(defaults).config);
  }

  get history(): History {
    return this.current;
  }

  /** Parses and executes one line; null for blank and comment lines. */
  executeLine(line: string): Answer | null {
    return this.executeParsed(parseLine(line));
  }

  executeParsed(parsed: ParsedLine): Answer | null {
    if (!parsed.ok) return fail(`${parsed.error.message} (column ${parsed.error.start + 1})`);
    return parsed.command === null ? null : this.execute(parsed.command);
  }

  execute(command: Command): Answer {
    const h = this.current;
    switch (command.kind) {
      case 'start': {
        const { config, problems } = normalizeConfig({ ...this.defaults, ...command.options });
        this.current = new History(config);
        const warn = problems.map((p) => `warning: ${p.message}`);
        return ok([...warn, `started a ${config.protocol} cluster of ${config.size} node${config.size > 1 ? 's' : ''}, seed ${config.seed}`].join('\n'), { protocol: config.protocol, nodes: config.size, seed: config.seed, warnings: problems.map((p) => p.message) });
      }
      case 'state':
        return { ok: true, text: stateText(h.view()), json: stateJson(h.view()) };
      case 'step': {
        const records: TraceRecord[] = [];
        for (let i = 0; i < command.count; i++) {
          const r = h.step();
          if (r === null) break;
          records.push(r);
        }
        if (records.length === 0) return fail('nothing is scheduled: every node is crashed and no message is in flight; recover a node');
        return ok(records.map((r) => this.line(r)).join('\n'), { events: records.map((r) => this.event(r)) });
      }
      case 'run': {
        const before = h.seq;
        h.runUntil(h.time + command.duration);
        return ok(`t=${seconds(h.time)}: ran ${h.seq - before} events`, { time: h.time, events: h.seq - before });
      }
      case 'runUntil': {
        const deadline = h.time + command.within;
        const { stoppedBy } = h.runUntil(deadline, { stop: STOP_WHEN[command.until] });
        if (stoppedBy === null) return ok(`t=${seconds(h.time)}: ran ${seconds(command.within)} and nothing of the kind happened (${STOP_TEXT[command.until]} was awaited)`, { reached: false, time: h.time });
        return ok(`${STOP_TEXT[command.until]}:\n${this.line(stoppedBy)}`, { reached: true, time: h.time, event: this.event(stoppedBy) });
      }
      case 'crash':
      case 'recover':
      case 'timeout':
        return this.input({ kind: command.kind, node: command.node });
      case 'request':
        return this.input({ kind: 'request', value: command.value });
      case 'partition':
        return this.input({ kind: 'partition', groups: command.groups });
      case 'heal':
        return this.input({ kind: 'heal' });
      case 'drop':
        return this.input({ kind: 'drop', message: command.message });
      case 'expect': {
        const problem = check(command.expectation, h.view(), h.leader());
        return problem === null ? ok('ok', {}) : { ...fail(`expectation failed: ${problem}`), expectFailed: true };
      }
      case 'help':
        return ok(COMMANDS.map((c) => `  ${c.syntax}\n      ${c.summary}`).join('\n') + '\n  # starts a comment', { commands: COMMANDS.map((c) => c.syntax) });
      case 'quit':
        return { ...ok('bye', {}), quit: true };
    }
  }

  private input(input: Input): Answer {
    const result = this.current.apply(input);
    if (!result.ok) return fail(result.error);
    return ok(this.line(result.record), { event: this.event(result.record) });
  }

  private line(r: TraceRecord): string {
    return `t=${seconds(r.time)} #${r.seq} ${explain(r, this.current.config.protocol)}`;
  }

  private event(r: TraceRecord): Record<string, unknown> {
    return { seq: r.seq, time: r.time, node: r.node, kind: r.kind, rule: r.rule, text: explain(r, this.current.config.protocol) };
  }
}

/** What one line of a script did: 0-based `index`, its command (or `invalid`), the records it added. */
export interface LineRun {
  readonly index: number;
  readonly kind: Command['kind'] | 'invalid';
  readonly answer: Answer;
  /** Seq before and after the line (a `start` begins a new history at 0). */
  readonly seqBefore: number;
  readonly seqAfter: number;
}

export interface ScriptRun {
  readonly session: ScriptSession;
  /** 0-based index of the failed `expect` that stopped the run, if any. */
  readonly failedIndex: number | null;
  readonly error: string | null;
  /** 0-based indexes of lines that do not parse (answered, and the run went on). */
  readonly badIndexes: readonly number[];
}

/**
 * Runs lines [from, to) of a script in a fresh session; stops at the first failed expect or
 * `quit`. A line that does not parse is answered and the run goes on, but it is reported in
 * `badIndexes` (a file with a typo must not pass).
 */
export function runLines(lines: readonly string[], defaults: Partial<ClusterConfig> = {}, onLine?: (r: LineRun) => void, from = 0, to = lines.length): ScriptRun {
  const session = new ScriptSession(defaults);
  const badIndexes: number[] = [];
  for (let index = from; index < to; index++) {
    const parsed = parseLine(lines[index]!);
    if (!parsed.ok) badIndexes.push(index);
    const seqBefore = session.history.seq;
    const answer = session.executeParsed(parsed);
    if (answer === null) continue;
    const kind = parsed.ok ? parsed.command!.kind : 'invalid';
    onLine?.({ index, kind, answer, seqBefore: kind === 'start' ? 0 : seqBefore, seqAfter: session.history.seq });
    if (answer.expectFailed) return { session, failedIndex: index, error: answer.text, badIndexes };
    if (answer.quit) break;
  }
  return { session, failedIndex: null, error: null, badIndexes };
}

/** Runs a whole script text, with 1-based line numbers for people (the CLI and the tests). */
export function runScript(text: string, defaults: Partial<ClusterConfig> = {}, onAnswer?: (lineNo: number, a: Answer) => void): { session: ScriptSession; failedLine: number | null; error: string | null; badLines: number[] } {
  const run = runLines(text.split(/\r?\n/), defaults, onAnswer && ((r) => onAnswer(r.index + 1, r.answer)));
  return { session: run.session, failedLine: run.failedIndex === null ? null : run.failedIndex + 1, error: run.error, badLines: run.badIndexes.map((i) => i + 1) };
}

function ok(text: string, json: Record<string, unknown>): Answer {
  return { ok: true, text, json: { ok: true, ...json } };
}

function fail(error: string): Answer {
  return { ok: false, text: `error: ${error}`, json: { ok: false, error } };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

function compare(actual: number, op: Comparator, expected: number): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '>=':
      return actual >= expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '<':
      return actual < expected;
  }
}

/** Null when the expectation holds, else what was found instead. */
function check(e: Expectation, view: ClusterView, leader: number | null): string | null {
  const leaders = view.nodes.filter((n) => n.role === 'leader').map((n) => n.id);
  const node = (id: number): NodeView | string => view.nodes[id] ?? `node ${id} does not exist: the cluster has nodes 0-${view.nodes.length - 1}`;
  switch (e.what) {
    case 'leader':
      if (e.node === 'any') return leader !== null ? null : 'there is no leader';
      if (e.node === 'none') return leader === null ? null : `node ${leader} leads`;
      return leader === e.node ? null : leader === null ? `expected node ${e.node} to lead, but there is no leader` : `expected node ${e.node} to lead, but node ${leader} does`;
    case 'leaders':
      return compare(leaders.length, e.op, e.count) ? null : `expected leaders ${e.op} ${e.count}, found ${leaders.length}${leaders.length ? ` (${leaders.join(', ')})` : ''}`;
    case 'violations':
      return compare(view.violations.length, e.op, e.count) ? null : `expected violations ${e.op} ${e.count}, found ${view.violations.length}${view.violations[0] ? ` (first: ${view.violations[0].invariant}: ${view.violations[0].message})` : ''}`;
    case 'violation':
      return view.violations.some((v) => v.invariant === e.invariant) ? null : `expected a ${e.invariant} violation, found ${view.violations.length ? view.violations.map((v) => v.invariant).join(', ') : 'none'}`;
    case 'role': {
      const n = node(e.node);
      if (typeof n === 'string') return n;
      return n.role === e.role ? null : `expected node ${e.node} to be ${e.role}, but it is ${n.role}`;
    }
    case 'field': {
      const n = node(e.node);
      if (typeof n === 'string') return n;
      const actual = { term: n.currentTerm, commitIndex: n.commitIndex, lastApplied: n.lastApplied, log: n.log.length, votedFor: n.votedFor, leader: n.leader }[e.field];
      if (e.value === null || actual === null) return actual === e.value ? null : `expected node ${e.node} ${e.field} ${e.value ?? 'none'}, found ${actual ?? 'none'}`;
      return compare(actual, e.op, e.value) ? null : `expected node ${e.node} ${e.field} ${e.op} ${e.value}, found ${actual}`;
    }
  }
}

export function stateJson(v: ClusterView): Record<string, unknown> {
  return {
    time: v.time,
    nodes: v.nodes.map((n) => ({ id: n.id, state: n.role, term: n.currentTerm, leader: n.leader, log: n.log.map((e) => ({ term: e.term, value: e.value })), commitIndex: n.commitIndex })),
    violations: v.violations.map((x) => ({ invariant: x.invariant, time: x.time, message: x.message, nodes: x.nodes })),
    messages: v.messages.map((m) => ({ id: m.id, from: m.from, to: m.to, kind: m.kind, deliverAt: m.deliverAt })),
  };
}

export function stateText(v: ClusterView): string {
  const lines = [`t=${seconds(v.time)}  ${v.protocol}, ${v.nodes.length} nodes, seed ${v.seed}${v.partitions ? `, partitioned ${v.partitions.map((g) => g.join(' ')).join(' | ')}` : ''}`];
  for (const n of v.nodes) {
    const term = n.currentTerm === null ? '' : `term ${n.currentTerm}  `;
    const log = n.currentTerm === null ? '' : `log ${n.log.length} (commit ${n.commitIndex})  `;
    const leader = n.leader === null ? 'no leader' : `leader ${n.leader}`;
    const waiting = n.inbox > 0 ? `  inbox ${n.inbox}` : '';
    lines.push(`  node ${n.id}  ${n.role.padEnd(9)}  ${term}${log}${leader}${waiting}`);
  }
  if (v.messages.length) lines.push(`  in flight: ${v.messages.slice(0, 12).map((m) => `#${m.id} ${m.from}→${m.to} ${messageSummary(m)}`).join('; ')}${v.messages.length > 12 ? `; … ${v.messages.length - 12} more` : ''}`);
  for (const x of v.violations.slice(-5)) lines.push(`  ⚠ ${x.invariant} at t=${seconds(x.time)}: ${x.message}`);
  return lines.join('\n');
}
