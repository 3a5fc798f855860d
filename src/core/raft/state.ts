// A raft node's state, named as in Figure 2 of the paper.
import type { LogEntry, NodeId, NodeView } from '../types';

export type RaftRole = 'follower' | 'candidate' | 'leader' | 'crashed';

export interface RaftState {
  role: RaftRole;
  // Persistent state: survives a crash.
  currentTerm: number;
  votedFor: NodeId | null;
  /** log[i - 1] is the entry at index i. Appended in place; a truncation replaces the array. */
  log: LogEntry[];
  // Volatile state: lost on a crash.
  commitIndex: number;
  lastApplied: number;
  leaderId: NodeId | null;
  /** Candidate (and then leader): the peers that granted their vote this term, self included. */
  votesGranted: NodeId[];
  // Volatile state on leaders.
  nextIndex: number[] | null;
  matchIndex: number[] | null;
  /**
   * replicas[k] = followers whose matchIndex >= commitIndex + 1 + k. Kept incrementally so that
   * advancing commitIndex costs the entries involved, not a scan of every follower per reply.
   */
  replicas: number[];
}

export function initialState(): RaftState {
  return {
    role: 'follower',
    currentTerm: 0,
    votedFor: null,
    log: [],
    commitIndex: 0,
    lastApplied: 0,
    leaderId: null,
    votesGranted: [],
    nextIndex: null,
    matchIndex: null,
    replicas: [],
  };
}

export function lastLogIndex(s: RaftState): number {
  return s.log.length;
}

export function termAt(s: RaftState, index: number): number {
  return index === 0 ? 0 : s.log[index - 1]!.term;
}

interface RaftSnapshot {
  readonly state: RaftState;
  readonly logLength: number;
}

export function snapshotState(s: RaftState): RaftSnapshot {
  return {
    // The log array is shared: entries below logLength never change (see RaftState.log).
    state: { ...s, votesGranted: s.votesGranted.slice(), nextIndex: s.nextIndex?.slice() ?? null, matchIndex: s.matchIndex?.slice() ?? null, replicas: s.replicas.slice() },
    logLength: s.log.length,
  };
}

export function restoreState(snapshot: unknown): RaftState {
  const { state, logLength } = snapshot as RaftSnapshot;
  return {
    ...state,
    log: state.log.slice(0, logLength),
    votesGranted: state.votesGranted.slice(),
    nextIndex: state.nextIndex?.slice() ?? null,
    matchIndex: state.matchIndex?.slice() ?? null,
    replicas: state.replicas.slice(),
  };
}

export function viewState(s: RaftState, id: NodeId): Omit<NodeView, 'timers'> {
  return {
    id,
    role: s.role,
    currentTerm: s.currentTerm,
    votedFor: s.votedFor,
    leader: s.leaderId,
    log: s.log.slice(),
    commitIndex: s.commitIndex,
    lastApplied: s.lastApplied,
    nextIndex: s.nextIndex?.slice() ?? null,
    matchIndex: s.matchIndex?.slice() ?? null,
    votesReceived: s.votesGranted.slice(),
    inbox: 0,
    extra: {},
  };
}
