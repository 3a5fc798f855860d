// Parses the arguments commands receive from the palette (none), the Nodes tree (its element),
// the panel ({ nodeId }) and tests (plain values). Pure: each failure says what was expected.
import type { ProtocolName } from '../core/types';
import { isRunCondition, RUN_CONDITIONS, type RunCondition } from '../session/conditions';
import { UI_MAX_SIZE, UI_MIN_SIZE } from './settingsModel';

export type Parsed<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'ask' } | { readonly kind: 'invalid'; readonly error: string };

const ask = { kind: 'ask' } as const;
const value = <T>(v: T): Parsed<T> => ({ kind: 'value', value: v });
const invalid = (error: string): Parsed<never> => ({ kind: 'invalid', error });

export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNodeId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** A node id, `{ nodeId }` (panel context menu and tree elements), or nothing (ask with a quick pick). */
export function parseNodeArg(title: string, arg: unknown): Parsed<number> {
  if (arg === undefined || arg === null) return ask;
  if (isNodeId(arg)) return value(arg);
  if (isObject(arg) && isNodeId(arg.nodeId)) return value(arg.nodeId);
  return invalid(`${title} needs a node id such as 2 (or { nodeId: 2 }), not ${show(arg)}. Pick the node from the Nodes view or run the command from the palette.`);
}

export interface StartArgs {
  readonly size?: number;
  readonly protocol?: ProtocolName;
  readonly seed?: number;
  /** Replace a running cluster without asking. */
  readonly replace?: boolean;
  /** Start paused (for stepping from the first event). */
  readonly paused?: boolean;
}

/** `{ size?, protocol?, seed?, replace?, paused? }`; nothing means "ask for size and protocol". */
export function parseStartArgs(arg: unknown): Parsed<StartArgs> {
  if (arg === undefined || arg === null) return ask;
  if (!isObject(arg)) return invalid(`Start Cluster takes { size, protocol, seed }, not ${show(arg)}.`);
  const { size, protocol, seed, replace, paused } = arg;
  if (size !== undefined && !(typeof size === 'number' && Number.isInteger(size) && size >= UI_MIN_SIZE && size <= UI_MAX_SIZE)) {
    return invalid(`A cluster has ${UI_MIN_SIZE} to ${UI_MAX_SIZE} nodes, not ${show(size)}. Choose a whole number in that range.`);
  }
  if (protocol !== undefined && protocol !== 'raft' && protocol !== 'simple') {
    return invalid(`The protocol is "raft" or "simple", not ${show(protocol)}.`);
  }
  if (seed !== undefined && !(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    return invalid(`The seed is a whole number from 0 to 4294967295, not ${show(seed)}.`);
  }
  if ((replace !== undefined && typeof replace !== 'boolean') || (paused !== undefined && typeof paused !== 'boolean')) {
    return invalid(`Start Cluster's replace and paused options are true or false, not ${show(replace ?? paused)}.`);
  }
  const out: { -readonly [K in keyof StartArgs]: StartArgs[K] } = {};
  if (size !== undefined) out.size = size;
  if (protocol !== undefined) out.protocol = protocol;
  if (seed !== undefined) out.seed = seed;
  if (replace !== undefined) out.replace = replace;
  if (paused !== undefined) out.paused = paused;
  return value(out);
}

/** Groups such as [[0, 1], [2, 3, 4]]; whether they cover the cluster exactly is the core's check. */
export function parsePartitionArg(arg: unknown): Parsed<number[][]> {
  if (arg === undefined || arg === null) return ask;
  const groups = isObject(arg) ? arg.groups : arg;
  if (!Array.isArray(groups) || groups.length < 2 || !groups.every((g) => Array.isArray(g) && g.length > 0 && g.every(isNodeId))) {
    return invalid(`Partition needs at least two non-empty groups of node ids such as [[0, 1], [2, 3, 4]], not ${show(arg)}.`);
  }
  return value(groups.map((g: number[]) => [...g]));
}

/** A number of simulated ms per wall ms; the session checks the range. */
export function parseSpeedArg(arg: unknown): Parsed<unknown> {
  if (arg === undefined || arg === null) return ask;
  return value(isObject(arg) && 'speed' in arg ? arg.speed : arg);
}

export function parseConditionArg(arg: unknown): Parsed<RunCondition> {
  if (arg === undefined || arg === null) return ask;
  if (isRunCondition(arg)) return value(arg);
  return invalid(`Run Until stops at ${RUN_CONDITIONS.map((c) => `"${c}"`).join(', ')}, not ${show(arg)}.`);
}

/** An event number to seek to; the session checks it against the recorded timeline. */
export function parseSeqArg(arg: unknown): Parsed<unknown> {
  if (arg === undefined || arg === null) return ask;
  return value(isObject(arg) && 'seq' in arg ? arg.seq : arg);
}

export function parseMessageArg(arg: unknown): Parsed<number> {
  if (arg === undefined || arg === null) return ask;
  if (isNodeId(arg)) return value(arg);
  if (isObject(arg) && isNodeId(arg.messageId)) return value(arg.messageId);
  return invalid(`Drop Message needs the id of a message in flight, such as 17 (or { messageId: 17 }), not ${show(arg)}.`);
}

/** A client command's value (text), `{ value }`, `{ nodeId }` from a node's menu, or nothing (ask). */
export function parseRequestArg(arg: unknown): Parsed<{ readonly value?: string; readonly via?: number }> {
  if (arg === undefined || arg === null) return ask;
  if (typeof arg === 'string') return arg.trim() === '' ? invalid('A client request needs a non-empty value such as "x=1".') : value({ value: arg });
  if (isObject(arg)) {
    if (arg.value !== undefined && (typeof arg.value !== 'string' || arg.value.trim() === '')) {
      return invalid(`A client request's value is non-empty text such as "x=1", not ${show(arg.value)}.`);
    }
    if (arg.nodeId !== undefined && !isNodeId(arg.nodeId)) return invalid(`Client Request's nodeId is a node id such as 2, not ${show(arg.nodeId)}.`);
    return value({ ...(typeof arg.value === 'string' ? { value: arg.value } : {}), ...(isNodeId(arg.nodeId) ? { via: arg.nodeId } : {}) });
  }
  return invalid(`Client Request takes a value such as "x=1" (or { value, nodeId }), not ${show(arg)}.`);
}
