// Arguments of the study commands from the palette (none), CodeLenses and menus ({ uri, line }),
// the panel's event list ({ seq }) and tests (plain values). Pure: each failure says what was expected.
import { show, type Parsed } from '../commandArgs';

export interface ScenarioTarget {
  /** The document's URI as a string; absent means the active editor. */
  readonly uri?: string;
  /** 0-based line inside the segment to play; absent means the segment at the cursor. */
  readonly line?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** `{ uri?, line? }`, a URI string, or nothing (the active editor). A vscode.Uri is converted by the caller. */
export function parseScenarioArg(arg: unknown): Parsed<ScenarioTarget> {
  if (arg === undefined || arg === null) return { kind: 'value', value: {} };
  if (typeof arg === 'string' && arg !== '') return { kind: 'value', value: { uri: arg } };
  if (isObject(arg) && (arg.uri === undefined || typeof arg.uri === 'string') && (arg.line === undefined || isLine(arg.line))) {
    return { kind: 'value', value: { ...(typeof arg.uri === 'string' ? { uri: arg.uri } : {}), ...(isLine(arg.line) ? { line: arg.line } : {}) } };
  }
  return { kind: 'invalid', error: `Run Scenario takes a .raft file's URI and optionally a 0-based line ({ uri, line }), not ${show(arg)}. Open the file and use the Run lens above its start line.` };
}

/**
 * The event whose code to show: `{ seq }` (the panel's event list), a number, or nothing (the
 * current event). Other objects, such as a Nodes tree element, also mean the current event.
 */
export function parseShowCodeArg(arg: unknown): Parsed<number | 'current'> {
  if (arg === undefined || arg === null) return { kind: 'value', value: 'current' };
  const seq = isObject(arg) && 'seq' in arg ? arg.seq : isObject(arg) ? 'current' : arg;
  if (seq === 'current' || (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0)) return { kind: 'value', value: seq };
  return { kind: 'invalid', error: `Show Code for Event needs an event number such as 12 (or { seq: 12 }), not ${show(arg)}. Pick an event in the panel's event list, or run the command from the palette for the latest event.` };
}

/** A lesson's file name ("03-split-vote" or "03-split-vote.raft"), `{ lesson }`, or nothing (ask). */
export function parseLessonArg(arg: unknown): Parsed<string> {
  if (arg === undefined || arg === null) return { kind: 'ask' };
  const name = isObject(arg) ? arg.lesson : arg;
  if (typeof name === 'string' && name.trim() !== '') return { kind: 'value', value: name.trim() };
  return { kind: 'invalid', error: `Open Lesson takes a lesson's file name such as "03-split-vote", not ${show(arg)}. Run it from the palette to pick one.` };
}
