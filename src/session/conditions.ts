// "Run until" stop conditions, read from a trace record's before/after changes.
import type { TraceRecord } from '../core/trace';

export type RunCondition = 'leader' | 'term' | 'commit' | 'violation';

export const RUN_CONDITIONS: readonly RunCondition[] = ['leader', 'term', 'commit', 'violation'];

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

export function conditionHolds(condition: RunCondition, record: TraceRecord): boolean {
  switch (condition) {
    case 'leader':
      return record.changes.some((c) => c.field === 'role' && c.after === 'leader');
    case 'term':
      return record.changes.some((c) => c.field === 'currentTerm');
    case 'commit':
      return record.changes.some((c) => c.field === 'commitIndex' && Number(c.after) > Number(c.before));
    case 'violation':
      return record.violation !== undefined;
  }
}
