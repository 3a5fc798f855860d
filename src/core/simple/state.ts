// A node of the reference election algorithm, with the original's field names.
import type { Message, NodeId, NodeView } from '../types';

export interface SimpleState {
  role: 'follower' | 'candidate' | 'leader' | 'crashed';
  working: boolean;
  lastHeartbeat: number;
  /** When the node last resigned; `null` for never (the original's 0 meant "long ago"). */
  resigned: number | null;
  election: boolean;
  voted: boolean;
  /** votes[c]: votes this node has counted for candidate c. */
  votes: number[];
  /** Who voted for this node in its current candidacy (for drawing vote dots). */
  voters: NodeId[];
  leader: NodeId | null;
  /** Messages that arrived during a blocking wait, unread until it ends. */
  inbox: Message[];
  /** The blocking sleep in progress, if any. */
  waiting: 'candidacy' | 'election' | null;
  /** The original's `other_candidate_found`: a candidacy from another node arrived during the wait. */
  otherCandidateFound: boolean;
}

export function initialState(size: number): SimpleState {
  return {
    role: 'follower',
    working: true,
    lastHeartbeat: 0,
    resigned: null,
    election: false,
    voted: false,
    votes: new Array<number>(size).fill(0),
    voters: [],
    leader: null,
    inbox: [],
    waiting: null,
    otherCandidateFound: false,
  };
}

export function snapshotState(s: SimpleState): SimpleState {
  return { ...s, votes: s.votes.slice(), voters: s.voters.slice(), inbox: s.inbox.slice() };
}

export function restoreState(snapshot: unknown): SimpleState {
  return snapshotState(snapshot as SimpleState);
}

export function viewState(s: SimpleState, id: NodeId): Omit<NodeView, 'timers'> {
  return {
    id,
    role: s.role,
    currentTerm: null,
    votedFor: null,
    leader: s.leader,
    log: [],
    commitIndex: 0,
    lastApplied: 0,
    nextIndex: null,
    matchIndex: null,
    votesReceived: s.voters.slice(),
    inbox: s.inbox.length,
    extra: {
      working: s.working,
      lastHeartbeat: s.lastHeartbeat,
      resigned: s.resigned,
      election: s.election,
      voted: s.voted,
      votesForSelf: s.votes[id] ?? 0,
      waiting: s.waiting,
    },
  };
}
