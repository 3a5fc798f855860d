// Which log indices the log table shows: the newest ones that fit, always including one empty slot
// past the longest log so a leader's nextIndex for an up-to-date follower has a place to point.
import type { WireNode } from '../../src/protocol/messages';

export interface LogWindow {
  /** First index shown (1-based, as in the paper). */
  readonly first: number;
  readonly last: number;
}

export function logWindow(nodes: readonly WireNode[], columns: number): LogWindow {
  const longest = nodes.reduce((m, n) => Math.max(m, n.log.length), 0);
  const last = longest + 1;
  const count = Math.max(1, Math.floor(columns));
  return { first: Math.max(1, last - count + 1), last };
}

/** The leader whose nextIndex/matchIndex the table marks: the live leader of the highest term. */
export function markingLeader(nodes: readonly WireNode[]): WireNode | null {
  let best: WireNode | null = null;
  for (const n of nodes) {
    if (n.role !== 'leader' || !n.nextIndex) continue;
    if (!best || (n.currentTerm ?? -1) > (best.currentTerm ?? -1)) best = n;
  }
  return best;
}

/** nextIndex and matchIndex are indexed by peer id (the core's NodeView contract). */
export function peerIndex(values: readonly number[] | null, peer: number): number | null {
  if (!values) return null;
  const v = values[peer];
  return v === undefined ? null : v;
}
