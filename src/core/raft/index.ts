// The raft protocol: common term handling (§5.1), then a step function per role, as in etcd-raft.
import type { NodeContext, Protocol } from '../protocol';
import type { Message, TimerKind } from '../types';
import { armElectionTimer, handleRequestVote, handleRequestVoteReply, startElection } from './election';
import { appendClientEntry, handleAppendEntries, handleAppendEntriesReply, sendHeartbeats } from './replication';
import { initialState, restoreState, snapshotState, viewState, type RaftState } from './state';

type Step = (s: RaftState, m: Message, ctx: NodeContext) => void;

/** A reply from an older term, or to a request of a role this node has left (late votes to a new leader). */
function ignore(s: RaftState, m: Message, ctx: NodeContext): void {
  if (termOfMessage(m) < s.currentTerm) {
    // @rule raft.term.stale
    ctx.rule('raft.term.stale');
  } else {
    // @rule raft.reply.ignored
    ctx.rule('raft.reply.ignored');
  }
}

const stepFollower: Step = (s, m, ctx) => {
  if (m.kind === 'RequestVote') handleRequestVote(s, m, ctx);
  else if (m.kind === 'AppendEntries') handleAppendEntries(s, m, ctx);
  else ignore(s, m, ctx);
};

const stepCandidate: Step = (s, m, ctx) => {
  if (m.kind === 'RequestVote') handleRequestVote(s, m, ctx);
  else if (m.kind === 'RequestVoteReply' && m.term === s.currentTerm) handleRequestVoteReply(s, m, ctx);
  else if (m.kind === 'AppendEntries' && m.term === s.currentTerm) {
    // Another node won this term: give up the candidacy and follow it (§5.2).
    becomeFollower(s, ctx);
    handleAppendEntries(s, m, ctx);
  } else if (m.kind === 'AppendEntries') handleAppendEntries(s, m, ctx);
  else ignore(s, m, ctx);
};

const stepLeader: Step = (s, m, ctx) => {
  if (m.kind === 'RequestVote') handleRequestVote(s, m, ctx);
  else if (m.kind === 'AppendEntriesReply' && m.term === s.currentTerm) handleAppendEntriesReply(s, m, ctx);
  else if (m.kind === 'AppendEntries' && m.term === s.currentTerm) {
    // Only possible once Election Safety is already broken (the checker reports it); follow the sender.
    becomeFollower(s, ctx);
    handleAppendEntries(s, m, ctx);
  } else if (m.kind === 'AppendEntries') handleAppendEntries(s, m, ctx);
  else ignore(s, m, ctx);
};

const STEPS: Record<Exclude<RaftState['role'], 'crashed'>, Step> = {
  follower: stepFollower,
  candidate: stepCandidate,
  leader: stepLeader,
};

function becomeFollower(s: RaftState, ctx: NodeContext): void {
  if (s.role === 'leader') {
    ctx.clearTimer('heartbeat');
    armElectionTimer(ctx); // leaders run no election timer; followers must
  }
  s.role = 'follower';
  s.votesGranted = [];
  s.nextIndex = null;
  s.matchIndex = null;
  s.replicas = [];
}

function termOfMessage(m: Message): number {
  return 'term' in m ? m.term : 0;
}

export const raft: Protocol<RaftState> = {
  name: 'raft',

  init(ctx) {
    armElectionTimer(ctx);
    return initialState();
  },

  onTimer(s, kind: TimerKind, ctx) {
    if (kind === 'election' && s.role !== 'leader') startElection(s, ctx);
    else if (kind === 'heartbeat' && s.role === 'leader') sendHeartbeats(s, ctx);
  },

  onMessage(s, m, ctx) {
    if (s.role === 'crashed') return;
    const term = termOfMessage(m);
    if (term > s.currentTerm) {
      // @rule raft.term.stepDown
      ctx.rule('raft.term.stepDown');
      s.currentTerm = term;
      s.votedFor = null;
      s.leaderId = null;
      becomeFollower(s, ctx);
    }
    STEPS[s.role](s, m, ctx);
  },

  onCrash(s, ctx) {
    // @rule raft.crash
    ctx.rule('raft.crash');
    s.role = 'crashed';
    s.commitIndex = 0;
    s.lastApplied = 0;
    s.leaderId = null;
    s.votesGranted = [];
    s.nextIndex = null;
    s.matchIndex = null;
    s.replicas = [];
  },

  onRecover(s, ctx) {
    // @rule raft.recover
    ctx.rule('raft.recover');
    s.role = 'follower';
    armElectionTimer(ctx);
  },

  onForcedTimeout(s, ctx) {
    if (s.role === 'leader') {
      return { ok: false, error: `node ${ctx.id} is the leader and runs no election timer; force a timeout on a follower, or crash the leader` };
    }
    startElection(s, ctx);
    return { ok: true };
  },

  onClientRequest(s, value, ctx) {
    if (s.role !== 'leader') {
      const redirect = s.leaderId === null ? 'it knows no leader yet' : `redirect to node ${s.leaderId}, the leader it knows`;
      return { ok: false, error: `node ${ctx.id} is not the leader (${redirect})` };
    }
    return { ok: true, entry: appendClientEntry(s, value, ctx) };
  },

  readBrief(s, out) {
    out.role = s.role;
    out.currentTerm = s.currentTerm;
    out.votedFor = s.votedFor;
    out.leader = s.leaderId;
    out.logLength = s.log.length;
    out.commitIndex = s.commitIndex;
    return out;
  },
  logOf: (s) => s.log,
  view: viewState,
  snapshot: snapshotState,
  restore: restoreState,
};
