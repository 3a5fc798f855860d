// "Run until" stop conditions, read from a trace record's before/after changes.
import { STOP_CONDITIONS, type StopCondition } from '../core/script/parse';
import { STOP_WHEN } from '../core/script/run';
import type { TraceRecord } from '../core/trace';

export type RunCondition = StopCondition;

export const RUN_CONDITIONS: readonly RunCondition[] = STOP_CONDITIONS;

/** `goal` for pickers ("Run until a leader is elected"), `missed` for the give-up message. */
export const CONDITIONS: Readonly<Record<RunCondition, { readonly goal: string; readonly missed: string }>> = {
  leader: { goal: 'a leader is elected', missed: 'no leader was elected' },
  term: { goal: 'a node moves to a new term', missed: 'no node moved to a new term' },
  commit: { goal: 'a log entry is committed', missed: 'no log entry was committed' },
  violation: { goal: 'a safety invariant is violated', missed: 'no safety invariant was violated' },
};

export function isRunCondition(value: unknown): value is RunCondition {
  return typeof value === 'string' && (RUN_CONDITIONS as readonly string[]).includes(value);
}

/** The core's stop predicates: the same "run until" as the command language's. */
export function conditionHolds(condition: RunCondition, record: TraceRecord): boolean {
  return STOP_WHEN[condition](record);
}
