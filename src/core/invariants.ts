// The safety properties of Figure 3 of the Raft paper, checked after every event in O(work done):
// each check looks only at what the event changed at its one node.
import type { NodeBrief } from './trace';
import type { InvariantName, LogEntry, NodeId, ProtocolName, Violation } from './types';

/** Bounds memory when a broken protocol violates an invariant at every step. */
const MAX_VIOLATIONS = 1000;

/**
 * The growing parts are append-only arrays shared with the live checker; a snapshot keeps their
 * lengths, which pin their contents, so a snapshot costs O(1) however long the run.
 */
export interface CheckerSnapshot {
  readonly elections: readonly Election[];
  readonly electionCount: number;
  readonly leaders: readonly NodeId[];
  readonly committed: readonly number[];
  readonly committedLength: number;
  readonly violations: readonly Violation[];
  readonly violationCount: number;
}

interface Election {
  readonly term: number;
  readonly node: NodeId;
}

export class InvariantChecker {
  /** raft: who won each term, in the order they won (append-only) and by term (for lookup). */
  private elections: Election[] = [];
  private leaderOfTerm = new Map<number, NodeId>();
  /** simple: the nodes that are leaders right now. */
  private leaders = new Set<NodeId>();
  /** Id of the entry committed at each index (index i at position i - 1). */
  private committed: number[] = [];
  violations: Violation[] = [];
  // Scratch for the check in progress (no per-event allocation).
  private first: Violation | undefined;
  private seq = 0;
  private time = 0;

  constructor(private readonly protocol: ProtocolName) {}

  /** Checks one node's change; returns the first new violation, if any. */
  check(
    node: NodeId,
    before: NodeBrief,
    logBefore: readonly LogEntry[],
    after: NodeBrief,
    logAfter: readonly LogEntry[],
    seq: number,
    time: number,
  ): Violation | undefined {
    // Every check below is about a change of role, log or commitIndex; most events change none.
    if (after.role === before.role && logAfter === logBefore && after.logLength === before.logLength && after.commitIndex === before.commitIndex) return undefined;
    this.first = undefined;
    this.seq = seq;
    this.time = time;
    const becameLeader = after.role === 'leader' && before.role !== 'leader';

    if (this.protocol === 'simple') {
      // No terms: the only safety question is whether two nodes lead at the same moment.
      if (becameLeader) {
        this.leaders.add(node);
        if (this.leaders.size > 1) {
          const others = [...this.leaders].filter((n) => n !== node);
          this.report('Election Safety', `two leaders at once: node ${node} became leader while node${others.length > 1 ? 's' : ''} ${others.join(', ')} still lead${others.length > 1 ? '' : 's'}`, [node, ...others]);
        }
      } else if (before.role === 'leader' && after.role !== 'leader') this.leaders.delete(node);
      return this.first;
    }

    const term = after.currentTerm ?? 0;
    if (becameLeader) {
      // Election Safety: at most one leader per term.
      const winner = this.leaderOfTerm.get(term);
      if (winner !== undefined && winner !== node) this.report('Election Safety', `nodes ${winner} and ${node} both won term ${term}`, [winner, node]);
      else if (winner === undefined) {
        this.leaderOfTerm.set(term, node);
        this.elections.push({ term, node });
      }
      // Leader Completeness: a new leader holds every committed entry (Log Matching covers the prefix).
      const c = this.committed.length;
      if (c > 0 && (logAfter.length < c || logAfter[c - 1]!.id !== this.committed[c - 1])) {
        this.report('Leader Completeness', `node ${node} became leader of term ${term} without the entry committed at index ${c}`, [node]);
      }
    }

    // Where the log changed: an unchanged array below its old length is unchanged (append-only discipline).
    let k = Math.min(before.logLength, logAfter.length);
    if (logAfter !== logBefore) while (k > 0 && logAfter[k - 1] !== logBefore[k - 1]) k--;
    if (before.role === 'leader' && after.role === 'leader' && before.currentTerm === after.currentTerm && k < before.logLength) {
      this.report('Leader Append-Only', `leader ${node} of term ${term} removed or overwrote entries from index ${k + 1}`, [node]);
    }
    for (let i = k; i < logAfter.length; i++) {
      const entry = logAfter[i]!;
      const prevId = i === 0 ? 0 : logAfter[i - 1]!.id;
      if (entry.index !== i + 1 || entry.prevId !== prevId) {
        this.report('Log Matching', `node ${node} holds entry #${entry.id} (term ${entry.term}) at index ${i + 1}, but its leader put it at index ${entry.index} after entry #${entry.prevId}`, [node]);
        break;
      }
    }

    if (after.commitIndex > before.commitIndex) {
      // State Machine Safety. Log Matching (checked on every append) makes one comparison enough
      // for the already-committed prefix: equal entries at an index mean equal logs up to it.
      const upto = Math.min(after.commitIndex, this.committed.length);
      if (upto > before.commitIndex && logAfter[upto - 1]?.id !== this.committed[upto - 1]) {
        let index = before.commitIndex + 1;
        while (logAfter[index - 1]?.id === this.committed[index - 1]) index++;
        this.report('State Machine Safety', `node ${node} applied entry #${logAfter[index - 1]?.id ?? -1} at index ${index}, where entry #${this.committed[index - 1]} was applied before`, [node]);
      } else {
        for (let index = this.committed.length + 1; index <= after.commitIndex; index++) this.committed.push(logAfter[index - 1]?.id ?? -1);
      }
    }
    return this.first;
  }

  private report(invariant: InvariantName, message: string, nodes: NodeId[]): void {
    const v: Violation = { invariant, time: this.time, seq: this.seq, message, nodes };
    this.first ??= v;
    if (this.violations.length < MAX_VIOLATIONS) this.violations.push(v);
  }

  snapshot(): CheckerSnapshot {
    return {
      elections: this.elections,
      electionCount: this.elections.length,
      leaders: [...this.leaders],
      committed: this.committed,
      committedLength: this.committed.length,
      violations: this.violations,
      violationCount: this.violations.length,
    };
  }

  static restore(protocol: ProtocolName, s: CheckerSnapshot): InvariantChecker {
    const checker = new InvariantChecker(protocol);
    checker.elections = s.elections.slice(0, s.electionCount);
    for (const e of checker.elections) checker.leaderOfTerm.set(e.term, e.node);
    checker.leaders = new Set(s.leaders);
    checker.committed = s.committed.slice(0, s.committedLength);
    checker.violations = s.violations.slice(0, s.violationCount);
    return checker;
  }
}
