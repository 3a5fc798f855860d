// Leader election (§5.2) with the up-to-date log restriction (§5.4.1).
import type { NodeContext } from '../protocol';
import type { Message } from '../types';
import { lastLogIndex, termAt, type RaftState } from './state';
import { becomeLeader } from './replication';

export function armElectionTimer(ctx: NodeContext): void {
  const { electionTimeoutMin, electionTimeoutMax } = ctx.config;
  // Randomized timeouts make split votes rare and short (§5.2).
  const spread = electionTimeoutMax - electionTimeoutMin;
  ctx.setTimer('election', electionTimeoutMin + Math.floor(ctx.random() * (spread + 1)));
}

export function startElection(s: RaftState, ctx: NodeContext): void {
  // @rule raft.election.start
  ctx.rule('raft.election.start');
  s.role = 'candidate';
  s.currentTerm += 1;
  s.votedFor = ctx.id;
  s.votesGranted = [ctx.id];
  s.leaderId = null;
  s.nextIndex = null;
  s.matchIndex = null;
  s.replicas = [];
  ctx.clearTimer('heartbeat');
  armElectionTimer(ctx);
  if (hasMajority(s.votesGranted.length, ctx.size)) {
    becomeLeader(s, ctx); // a cluster of one elects itself
    return;
  }
  const lastIndex = lastLogIndex(s);
  const lastTerm = termAt(s, lastIndex);
  for (let peer = 0; peer < ctx.size; peer++) {
    if (peer !== ctx.id) ctx.send(peer, { kind: 'RequestVote', term: s.currentTerm, lastLogIndex: lastIndex, lastLogTerm: lastTerm });
  }
}

export function handleRequestVote(s: RaftState, m: Extract<Message, { kind: 'RequestVote' }>, ctx: NodeContext): void {
  let voteGranted = false;
  if (m.term < s.currentTerm) {
    // @rule raft.vote.rejectTerm
    ctx.rule('raft.vote.rejectTerm');
  } else if (s.votedFor !== null && s.votedFor !== m.from) {
    // @rule raft.vote.rejectVoted
    ctx.rule('raft.vote.rejectVoted');
  } else if (!candidateLogUpToDate(s, m.lastLogIndex, m.lastLogTerm)) {
    // @rule raft.vote.rejectLog
    ctx.rule('raft.vote.rejectLog');
  } else {
    // @rule raft.vote.grant
    ctx.rule('raft.vote.grant');
    s.votedFor = m.from;
    voteGranted = true;
    armElectionTimer(ctx); // granting a vote resets the election timer (Figure 2, Followers)
  }
  ctx.send(m.from, { kind: 'RequestVoteReply', term: s.currentTerm, voteGranted });
}

/** §5.4.1: the later last term wins; with equal last terms, the longer log. */
function candidateLogUpToDate(s: RaftState, candidateLastIndex: number, candidateLastTerm: number): boolean {
  const myLastIndex = lastLogIndex(s);
  const myLastTerm = termAt(s, myLastIndex);
  return candidateLastTerm > myLastTerm || (candidateLastTerm === myLastTerm && candidateLastIndex >= myLastIndex);
}

export function handleRequestVoteReply(s: RaftState, m: Extract<Message, { kind: 'RequestVoteReply' }>, ctx: NodeContext): void {
  // @rule raft.vote.count
  ctx.rule('raft.vote.count');
  // A duplicated reply must not count twice.
  if (!m.voteGranted || s.votesGranted.includes(m.from)) return;
  s.votesGranted.push(m.from);
  if (hasMajority(s.votesGranted.length, ctx.size)) becomeLeader(s, ctx);
}

export function hasMajority(count: number, size: number): boolean {
  return count * 2 > size;
}
