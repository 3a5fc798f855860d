// The command language: one command per line, `#` starts a comment. The terminal cluster, scenario
// files (.raft), the editor's diagnostics and the tests all parse with this one parser.
import { isProtocolName } from '../config';
import type { InvariantName, ProtocolName, Role } from '../types';

export type Comparator = '=' | '>=' | '<=' | '>' | '<';

export type NodeField = 'term' | 'commitIndex' | 'log' | 'votedFor' | 'leader' | 'lastApplied';

export type Expectation =
  | { readonly what: 'leader'; readonly node: number | 'none' | 'any' }
  | { readonly what: 'leaders'; readonly op: Comparator; readonly count: number }
  | { readonly what: 'role'; readonly node: number; readonly role: Role }
  | { readonly what: 'field'; readonly node: number; readonly field: NodeField; readonly op: Comparator; readonly value: number | null }
  | { readonly what: 'violations'; readonly op: Comparator; readonly count: number }
  | { readonly what: 'violation'; readonly invariant: InvariantName };

export type StopCondition = 'leader' | 'term' | 'commit' | 'violation';

export interface StartOptions {
  readonly protocol?: ProtocolName;
  readonly size?: number;
  readonly seed?: number;
  readonly electionTimeoutMin?: number;
  readonly electionTimeoutMax?: number;
  readonly heartbeatInterval?: number;
  readonly latencyMin?: number;
  readonly latencyMax?: number;
  readonly dropRate?: number;
  readonly duplicateRate?: number;
}

export type Command =
  | { readonly kind: 'start'; readonly options: StartOptions }
  | { readonly kind: 'state' }
  | { readonly kind: 'step'; readonly count: number }
  | { readonly kind: 'run'; readonly duration: number }
  | { readonly kind: 'runUntil'; readonly until: StopCondition; readonly within: number }
  | { readonly kind: 'crash' | 'recover' | 'timeout'; readonly node: number }
  | { readonly kind: 'request'; readonly value: string }
  | { readonly kind: 'partition'; readonly groups: readonly (readonly number[])[] }
  | { readonly kind: 'heal' }
  | { readonly kind: 'drop'; readonly message: number }
  | { readonly kind: 'expect'; readonly expectation: Expectation }
  | { readonly kind: 'help' }
  | { readonly kind: 'quit' };

export type CommandName = Command['kind'] extends infer K ? (K extends 'runUntil' ? never : K) : never;

/** A parse error with the 0-based column range of the offending text. */
export interface ParseError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export type ParsedLine = { readonly ok: true; readonly command: Command | null } | { readonly ok: false; readonly error: ParseError };

/** Every command with its syntax and meaning: the source of `help`, completion and hovers. */
export const COMMANDS: readonly { readonly name: CommandName; readonly syntax: string; readonly summary: string }[] = [
  { name: 'start', syntax: 'start [raft|simple] [nodes N] [seed S] [election MIN-MAX] [heartbeat MS] [latency MIN-MAX] [drop P] [duplicate P]', summary: 'Start a new cluster (defaults: the protocol\'s timings, 5 raft nodes or 3 simple nodes, seed 1).' },
  { name: 'state', syntax: 'state', summary: 'Show every node: role, term, leader, log and commitIndex, plus any violations.' },
  { name: 'step', syntax: 'step [N]', summary: 'Apply exactly N events (default 1) and show each.' },
  { name: 'run', syntax: 'run DURATION | run until leader|term|commit|violation [within DURATION]', summary: 'Advance simulated time (e.g. run 5s, run 1500ms), or until something happens (default within 60s).' },
  { name: 'crash', syntax: 'crash ID', summary: 'Crash a node: it stops; raft keeps currentTerm, votedFor and log, simple clears its inbox.' },
  { name: 'recover', syntax: 'recover ID', summary: 'Restart a crashed node as a follower.' },
  { name: 'timeout', syntax: 'timeout ID', summary: 'Force the node\'s election timeout now.' },
  { name: 'request', syntax: 'request VALUE', summary: 'Send a client command to the leader (raft only).' },
  { name: 'partition', syntax: 'partition IDS | IDS [| IDS ...]', summary: 'Split the network into groups that cannot reach each other (every node in exactly one group).' },
  { name: 'heal', syntax: 'heal', summary: 'Remove the partition.' },
  { name: 'drop', syntax: 'drop MESSAGE_ID', summary: 'Drop one message in flight (ids are shown by state and step).' },
  { name: 'expect', syntax: 'expect leader ID|any|none | expect leaders [OP] N | expect node ID ROLE | expect node ID term|commitIndex|lastApplied|log|votedFor|leader [OP] VALUE | expect violations [OP] N | expect violation INVARIANT', summary: 'Check the cluster now; in a file, a failed expect stops the run with exit code 1.' },
  { name: 'help', syntax: 'help', summary: 'List the commands.' },
  { name: 'quit', syntax: 'quit', summary: 'Leave the terminal cluster.' },
];

// The words the language accepts, exported for completion in the editor.
export const ROLES: readonly Role[] = ['follower', 'candidate', 'leader', 'crashed'];
export const NODE_FIELDS: readonly NodeField[] = ['term', 'commitIndex', 'lastApplied', 'log', 'votedFor', 'leader'];
/** Longest first, so ">=" is not read as ">". */
export const COMPARATORS: readonly Comparator[] = ['>=', '<=', '=', '>', '<'];
export const INVARIANTS: readonly InvariantName[] = ['Election Safety', 'Leader Append-Only', 'Log Matching', 'Leader Completeness', 'State Machine Safety'];
export const STOP_CONDITIONS: readonly StopCondition[] = ['leader', 'term', 'commit', 'violation'];
export const EXPECTATIONS = ['leader', 'leaders', 'node', 'violations', 'violation'] as const;
const FIELDS = NODE_FIELDS;
const STOPS = STOP_CONDITIONS;
const MAX_STEP = 1_000_000;
const MAX_DURATION = 24 * 3600 * 1000;

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

class Fail {
  constructor(readonly error: ParseError) {}
}

function fail(message: string, at: { start: number; end: number }): never {
  throw new Fail({ message, start: at.start, end: at.end });
}

/** Parses one line. A blank or comment-only line parses to `command: null`. */
export function parseLine(raw: string): ParsedLine {
  const hash = raw.indexOf('#');
  const line = hash >= 0 ? raw.slice(0, hash) : raw;
  const tokens = tokenize(line);
  if (tokens.length === 0) return { ok: true, command: null };
  try {
    return { ok: true, command: parseTokens(tokens, line) };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

function parseTokens(t: Token[], line: string): Command {
  const head = t[0]!;
  const name = head.text.toLowerCase();
  const endOf = { start: line.length, end: line.length };
  const noMore = (from: number) => {
    if (t.length > from) fail(`unexpected "${t[from]!.text}": ${syntaxOf(name)}`, { start: t[from]!.start, end: t[t.length - 1]!.end });
  };
  switch (name) {
    case 'state':
    case 'heal':
    case 'help':
    case 'quit':
      noMore(1);
      return { kind: name };
    case 'step': {
      const count = t[1] ? integer(t[1], 1, MAX_STEP, 'the number of events to step') : 1;
      noMore(2);
      return { kind: 'step', count };
    }
    case 'run': {
      if (!t[1]) fail(`run needs a duration such as 5s or 1500ms, or "until leader": ${syntaxOf('run')}`, endOf);
      if (t[1].text.toLowerCase() !== 'until') {
        const duration = parseDuration(t[1]);
        noMore(2);
        return { kind: 'run', duration };
      }
      const what = t[2];
      if (!what) fail(`run until needs one of ${STOPS.join(', ')}`, endOf);
      const until = STOPS.find((s) => s === what.text.toLowerCase());
      if (!until) fail(`"${what.text}" is not something to run until; use one of ${STOPS.join(', ')}`, what);
      let within = 60_000;
      if (t[3]) {
        if (t[3].text.toLowerCase() !== 'within') fail(`expected "within DURATION" after run until ${until}`, t[3]);
        if (!t[4]) fail('within needs a duration such as 30s', endOf);
        within = parseDuration(t[4]);
        noMore(5);
      }
      return { kind: 'runUntil', until, within };
    }
    case 'crash':
    case 'recover':
    case 'timeout': {
      if (!t[1]) fail(`${name} needs a node id, e.g. ${name} 0`, endOf);
      const node = integer(t[1], 0, 1000, 'a node id');
      noMore(2);
      return { kind: name, node };
    }
    case 'request': {
      if (!t[1]) fail('request needs a value, e.g. request x=1', endOf);
      const value = line.slice(t[1].start, t[t.length - 1]!.end);
      if (value.length > 200) fail('a request value is at most 200 characters', { start: t[1].start, end: t[t.length - 1]!.end });
      return { kind: 'request', value };
    }
    case 'partition':
      return { kind: 'partition', groups: parseGroups(t.slice(1), line) };
    case 'drop': {
      if (!t[1]) fail('drop needs the id of a message in flight, e.g. drop 17 (state lists them)', endOf);
      const message = integer(t[1], 1, Number.MAX_SAFE_INTEGER, 'a message id');
      noMore(2);
      return { kind: 'drop', message };
    }
    case 'expect':
      return { kind: 'expect', expectation: parseExpectation(t.slice(1), line) };
    case 'start':
      return { kind: 'start', options: parseStart(t.slice(1)) };
    default: {
      const near = COMMANDS.map((c) => c.name).filter((c) => c.startsWith(name.slice(0, 2)));
      fail(`unknown command "${head.text}"${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}; type help for the list`, head);
    }
  }
}

function syntaxOf(name: string): string {
  return COMMANDS.find((c) => c.name === name)?.syntax ?? name;
}

function integer(tok: Token, min: number, max: number, what: string): number {
  if (!/^\d+$/.test(tok.text)) fail(`"${tok.text}" is not ${what}: expected a whole number`, tok);
  const n = Number(tok.text);
  if (n < min || n > max) fail(`${what} must be between ${min} and ${max}, not ${n}`, tok);
  return n;
}

/** `5s`, `1500ms`, `2m`, `0.5s`. */
export function parseDuration(tok: Token): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/i.exec(tok.text);
  if (!m) fail(`"${tok.text}" is not a duration: write a number with ms, s or m, e.g. 5s or 1500ms`, tok);
  const unit = m[2]!.toLowerCase();
  const ms = Math.round(Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000));
  if (ms > MAX_DURATION) fail('a duration is at most 24h of simulated time', tok);
  return ms;
}

function parseGroups(t: Token[], line: string): number[][] {
  const groups: number[][] = [[]];
  const example = 'e.g. partition 0 1 | 2 3 4';
  if (t.length === 0) fail(`partition needs groups of node ids separated by "|", ${example}`, { start: line.length, end: line.length });
  for (const tok of t) {
    // Accept "0 1|2" as well as "0 1 | 2".
    for (const part of tok.text.split(/(\|)/).filter((p) => p !== '')) {
      if (part === '|') groups.push([]);
      else {
        const at = { text: part, start: tok.start, end: tok.end };
        groups[groups.length - 1]!.push(...part.split(',').filter((x) => x !== '').map((x) => integer({ ...at, text: x }, 0, 1000, 'a node id')));
      }
    }
  }
  if (groups.length < 2) fail(`a partition needs at least two groups separated by "|", ${example}`, { start: t[0]!.start, end: t[t.length - 1]!.end });
  if (groups.some((g) => g.length === 0)) fail(`every group needs at least one node id, ${example}`, { start: t[0]!.start, end: t[t.length - 1]!.end });
  return groups;
}

function comparatorAndNumber(t: Token[], i: number, what: string, line: string, allowNone = false): { op: Comparator; value: number | null; next: number } {
  let op: Comparator = '=';
  const c = t[i] && COMPARATORS.find((x) => x === t[i]!.text);
  if (c) {
    op = c;
    i++;
  }
  const tok = t[i];
  if (!tok) fail(`expected ${what} at the end of the line`, { start: line.length, end: line.length });
  if (allowNone && tok.text.toLowerCase() === 'none') {
    if (op !== '=') fail('"none" can only be compared with =', tok);
    return { op, value: null, next: i + 1 };
  }
  return { op, value: integer(tok, 0, Number.MAX_SAFE_INTEGER, what), next: i + 1 };
}

function parseExpectation(t: Token[], line: string): Expectation {
  const endOf = { start: line.length, end: line.length };
  const done = (n: number) => {
    if (t.length > n) fail(`unexpected "${t[n]!.text}" at the end of the expectation`, t[n]!);
  };
  const what = t[0];
  if (!what) fail(`expect needs something to check: ${syntaxOf('expect')}`, endOf);
  switch (what.text.toLowerCase()) {
    case 'leader': {
      const v = t[1];
      if (!v) fail('expect leader needs a node id, any or none', endOf);
      const word = v.text.toLowerCase();
      done(2);
      if (word === 'any' || word === 'none') return { what: 'leader', node: word };
      return { what: 'leader', node: integer(v, 0, 1000, 'a node id') };
    }
    case 'leaders': {
      const { op, value, next } = comparatorAndNumber(t, 1, 'a number of leaders', line);
      done(next);
      return { what: 'leaders', op, count: value! };
    }
    case 'violations': {
      const { op, value, next } = comparatorAndNumber(t, 1, 'a number of violations', line);
      done(next);
      return { what: 'violations', op, count: value! };
    }
    case 'violation': {
      const text = t.slice(1).map((x) => x.text).join(' ');
      const invariant = INVARIANTS.find((i) => i.toLowerCase() === text.toLowerCase());
      if (!invariant) fail(`expect violation needs an invariant: ${INVARIANTS.join(', ')}`, t[1] ?? endOf);
      return { what: 'violation', invariant };
    }
    case 'node': {
      if (!t[1]) fail('expect node needs a node id', endOf);
      const node = integer(t[1], 0, 1000, 'a node id');
      const prop = t[2];
      if (!prop) fail(`expect node ${node} needs a role (${ROLES.join(', ')}) or a field (${FIELDS.join(', ')})`, endOf);
      // "leader" is a role (expect node 2 leader) and a field (expect node 2 leader 0): a value decides.
      const role = ROLES.find((r) => r === prop.text.toLowerCase());
      if (role && !(role === 'leader' && t.length > 3)) {
        done(3);
        return { what: 'role', node, role };
      }
      const field = FIELDS.find((f) => f.toLowerCase() === prop.text.toLowerCase());
      if (!field) fail(`"${prop.text}" is neither a role (${ROLES.join(', ')}) nor a field (${FIELDS.join(', ')})`, prop);
      const { op, value, next } = comparatorAndNumber(t, 3, `a value for ${field}`, line, field === 'votedFor' || field === 'leader');
      done(next);
      return { what: 'field', node, field, op, value };
    }
    default:
      fail(`cannot expect "${what.text}": ${syntaxOf('expect')}`, what);
  }
}

/** The options of `start`, with what each takes. */
export const START_OPTIONS: readonly { readonly word: string; readonly key: 'size' | 'seed' | 'heartbeatInterval' | 'dropRate' | 'duplicateRate' | 'election' | 'latency'; readonly detail: string }[] = [
  { word: 'nodes', key: 'size', detail: 'nodes N: cluster size' },
  { word: 'seed', key: 'seed', detail: 'seed S: the seed of every random choice' },
  { word: 'election', key: 'election', detail: 'election MIN-MAX: election timeout range in ms (raft)' },
  { word: 'heartbeat', key: 'heartbeatInterval', detail: 'heartbeat MS: leader heartbeat period' },
  { word: 'latency', key: 'latency', detail: 'latency MIN-MAX: message delay range in ms' },
  { word: 'drop', key: 'dropRate', detail: 'drop P: probability a message is lost' },
  { word: 'duplicate', key: 'duplicateRate', detail: 'duplicate P: probability a message arrives twice' },
];

function parseStart(t: Token[]): StartOptions {
  const out: Record<string, number | string> = {};
  let i = 0;
  if (t[0] && isProtocolName(t[0].text.toLowerCase())) {
    out.protocol = t[0].text.toLowerCase();
    i = 1;
  }
  for (; i < t.length; i += 2) {
    const key = START_OPTIONS.find((o) => o.word === t[i]!.text.toLowerCase())?.key;
    if (!key) fail(`unknown start option "${t[i]!.text}": ${syntaxOf('start')}`, t[i]!);
    const v = t[i + 1];
    if (!v) fail(`${t[i]!.text} needs a value`, { start: t[i]!.end, end: t[i]!.end });
    if (key === 'election' || key === 'latency') {
      const m = /^(\d+)-(\d+)$/.exec(v.text);
      if (!m) fail(`${t[i]!.text} needs a range in ms such as 150-300`, v);
      const [min, max] = [Number(m[1]), Number(m[2])];
      if (max < min) fail(`the range ${v.text} runs backwards; write MIN-MAX`, v);
      out[key === 'election' ? 'electionTimeoutMin' : 'latencyMin'] = min;
      out[key === 'election' ? 'electionTimeoutMax' : 'latencyMax'] = max;
    } else if (key === 'dropRate' || key === 'duplicateRate') {
      if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(v.text)) fail(`${t[i]!.text} needs a probability between 0 and 1, e.g. 0.1`, v);
      out[key] = Number(v.text);
    } else out[key] = integer(v, 0, 0xffffffff, `a value for ${t[i]!.text}`);
  }
  return out as StartOptions;
}
