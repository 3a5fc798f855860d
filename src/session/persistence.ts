// What survives a window reload: the config (with its seed), the recorded inputs and the point the
// user was at. Replaying them through the deterministic core rebuilds the exact cluster.
import { normalizeConfig, type ClusterConfig } from '../core/config';
import type { Input, RecordedInput } from '../core/inputs';
import type { Result } from '../core/types';
import { MAX_SPEED, MIN_SPEED } from '../protocol/messages';

export const PERSISTED_VERSION = 1;

export interface PersistedSession {
  readonly version: typeof PERSISTED_VERSION;
  readonly config: ClusterConfig;
  readonly inputs: readonly RecordedInput[];
  /** The point the user was at: after record `seq`, with the clock at `time`. */
  readonly seq: number;
  readonly time: number;
  readonly speed: number;
  /** The end of the recorded timeline when the user had stepped back from it (absent at the head). */
  readonly head?: { readonly seq: number; readonly time: number };
}

const INPUT_KINDS: ReadonlySet<Input['kind']> = new Set(['crash', 'recover', 'timeout', 'request', 'partition', 'heal', 'drop']);

/** Checks data read back from storage (it may come from an older or damaged workspace state). */
export function parsePersisted(data: unknown): Result<{ state: PersistedSession }> {
  if (!isObject(data)) return fail('it is not an object');
  if (data.version !== PERSISTED_VERSION) return fail(`it has version ${String(data.version)}, this extension reads version ${PERSISTED_VERSION}`);
  if (!isObject(data.config)) return fail('it has no config');
  const { config, problems } = normalizeConfig(data.config);
  if (problems.length > 0) return fail(`its config is invalid (${problems.map((p) => p.message).join('; ')})`);
  if (!Array.isArray(data.inputs) || !data.inputs.every(isRecordedInput)) return fail('its inputs are malformed');
  if (!isCount(data.seq)) return fail('its position (seq) is not a whole number');
  if (typeof data.time !== 'number' || !Number.isFinite(data.time) || data.time < 0) return fail('its clock (time) is not a non-negative number');
  if (typeof data.speed !== 'number' || !Number.isFinite(data.speed) || data.speed < MIN_SPEED || data.speed > MAX_SPEED) return fail(`its speed is not between ${MIN_SPEED} and ${MAX_SPEED}`);
  let head: PersistedSession['head'];
  if (data.head !== undefined) {
    const h = data.head;
    if (!isObject(h) || !isCount(h.seq) || h.seq < data.seq || typeof h.time !== 'number' || !Number.isFinite(h.time) || h.time < data.time) return fail('its recorded end (head) lies before its position');
    head = { seq: h.seq, time: h.time };
  }
  return { ok: true, state: { version: PERSISTED_VERSION, config, inputs: data.inputs, seq: data.seq, time: data.time, speed: data.speed, ...(head ? { head } : {}) } };
}

function fail(why: string): { ok: false; error: string } {
  return { ok: false, error: `The saved cluster could not be restored because ${why}. Start a new cluster with "Raft: Start Cluster".` };
}

function isRecordedInput(value: unknown): value is RecordedInput {
  return isObject(value) && isCount(value.afterSeq) && typeof value.time === 'number' && isObject(value.input) && INPUT_KINDS.has(value.input.kind as Input['kind']);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
