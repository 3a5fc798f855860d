// Completion for scenario lines: commands at the start of a line (from the core's COMMANDS), then
// the words each command takes, node ids of the cluster the line runs on. Pure (no 'vscode').
// The word lists are the core parser's own; a unit test parses every suggestion in place.
import { COMMANDS, COMPARATORS, EXPECTATIONS, INVARIANTS, NODE_FIELDS, ROLES, START_OPTIONS, STOP_CONDITIONS } from '../../core/script/parse';
import { codeOf } from './scenarioTokens';

export type CompletionKind = 'command' | 'keyword' | 'node' | 'value';

export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Replace from this column (the start of the word being typed) to the cursor. */
  readonly from: number;
}

export const PROTOCOLS = ['raft', 'simple'] as const;
const DURATIONS = ['500ms', '1s', '2s', '5s'] as const;

/**
 * Suggestions at column `column` of `line`. `size` is the number of nodes of the cluster the line
 * runs on (its file's start line, else the running cluster).
 */
export function completionsAt(line: string, column: number, size: number): Completion[] {
  const before = line.slice(0, column);
  if (codeOf(before) !== before) return []; // inside a comment
  const from = before.length - (/\S*$/.exec(before)?.[0].length ?? 0);
  const words = before.slice(0, from).trim().split(/\s+/).filter((w) => w !== '');
  const at = (labels: readonly string[], kind: CompletionKind, detail?: string): Completion[] => labels.map((label) => ({ label, kind, from, ...(detail ? { detail } : {}) }));
  const nodes = (detail = 'node id'): Completion[] => at(Array.from({ length: size }, (_, i) => String(i)), 'node', detail);
  if (words.length === 0) {
    return COMMANDS.map((c) => ({ label: c.name, kind: 'command', detail: c.syntax, documentation: c.summary, from }));
  }
  const [head, ...args] = words.map((w) => w.toLowerCase());
  const n = args.length;
  switch (head) {
    case 'crash':
    case 'recover':
    case 'timeout':
      return n === 0 ? nodes() : [];
    case 'partition':
      return [...nodes(), ...(n > 0 ? at(['|'], 'keyword', 'separates the groups') : [])];
    case 'run':
      if (n === 0) return [...at(['until'], 'keyword', 'run until leader|term|commit|violation'), ...at(DURATIONS, 'value', 'simulated time')];
      if (args[0] === 'until' && n === 1) return at(STOP_CONDITIONS, 'keyword', 'stop when this happens');
      if (args[0] === 'until' && n === 2) return at(['within'], 'keyword', 'within DURATION: give up after this long');
      if (args[0] === 'until' && n === 3) return at(DURATIONS, 'value', 'simulated time');
      return [];
    case 'start':
      if (n === 0) return [...at(PROTOCOLS, 'keyword', 'protocol'), ...startOptions(from)];
      return n % 2 === (PROTOCOLS.includes(args[0] as never) ? 1 : 0) ? startOptions(from) : [];
    case 'expect':
      return expectCompletions(args, at, nodes);
    default:
      return [];
  }
}

function startOptions(from: number): Completion[] {
  return START_OPTIONS.map((o) => ({ label: o.word, kind: 'keyword', detail: o.detail, from }));
}

function expectCompletions(
  args: readonly string[],
  at: (labels: readonly string[], kind: CompletionKind, detail?: string) => Completion[],
  nodes: (detail?: string) => Completion[],
): Completion[] {
  const n = args.length;
  if (n === 0) return at(EXPECTATIONS, 'keyword', 'what to check');
  const what = args[0];
  if (what === 'leader' && n === 1) return [...nodes('the node expected to lead'), ...at(['any', 'none'], 'keyword')];
  if ((what === 'leaders' || what === 'violations') && n === 1) return at(COMPARATORS, 'keyword', 'comparison (default =)');
  if (what === 'violation' && n === 1) return at(INVARIANTS, 'value', 'invariant');
  if (what === 'node' && n === 1) return nodes();
  if (what === 'node' && n === 2) return [...at(ROLES, 'keyword', 'role'), ...at(NODE_FIELDS, 'keyword', 'field')];
  if (what === 'node' && n === 3 && NODE_FIELDS.includes(args[2] as never)) return at(COMPARATORS, 'keyword', 'comparison (default =)');
  return [];
}
