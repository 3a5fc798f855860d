// Log replication (§5.3) and the commit rule (§5.4.2).
import type { NodeContext } from '../protocol';
import type { LogEntry, Message } from '../types';
import { armElectionTimer, hasMajority } from './election';
import { lastLogIndex, termAt, type RaftState } from './state';

/** Bounds one AppendEntries so a far-behind follower catches up over several heartbeats. */
export const MAX_ENTRIES_PER_MESSAGE = 64;

export function becomeLeader(s: RaftState, ctx: NodeContext): void {
  // @rule raft.election.win
  ctx.rule('raft.election.win');
  s.role = 'leader';
  s.leaderId = ctx.id;
  const next = lastLogIndex(s) + 1;
  s.nextIndex = new Array<number>(ctx.size).fill(next);
  s.matchIndex = new Array<number>(ctx.size).fill(0);
  s.matchIndex[ctx.id] = lastLogIndex(s);
  s.replicas = new Array<number>(lastLogIndex(s) - s.commitIndex).fill(0);
  ctx.clearTimer('election');
  broadcastAppendEntries(s, ctx);
}

export function sendHeartbeats(s: RaftState, ctx: NodeContext): void {
  // @rule raft.heartbeat.send
  ctx.rule('raft.heartbeat.send');
  broadcastAppendEntries(s, ctx);
}

function broadcastAppendEntries(s: RaftState, ctx: NodeContext): void {
  for (let peer = 0; peer < ctx.size; peer++) if (peer !== ctx.id) sendAppendEntries(s, peer, ctx);
  ctx.setTimer('heartbeat', ctx.config.heartbeatInterval);
}

function sendAppendEntries(s: RaftState, peer: number, ctx: NodeContext): void {
  const prevLogIndex = s.nextIndex![peer]! - 1;
  const end = Math.min(s.log.length, prevLogIndex + MAX_ENTRIES_PER_MESSAGE);
  ctx.send(peer, {
    kind: 'AppendEntries',
    term: s.currentTerm,
    prevLogIndex,
    prevLogTerm: termAt(s, prevLogIndex),
    entries: end > prevLogIndex ? s.log.slice(prevLogIndex, end) : EMPTY,
    leaderCommit: s.commitIndex,
  });
}

const EMPTY: readonly LogEntry[] = [];

export function handleAppendEntries(s: RaftState, m: Extract<Message, { kind: 'AppendEntries' }>, ctx: NodeContext): void {
  if (m.term < s.currentTerm) {
    // @rule raft.append.rejectTerm
    ctx.rule('raft.append.rejectTerm');
    ctx.send(m.from, { kind: 'AppendEntriesReply', term: s.currentTerm, success: false, matchIndex: 0, conflictIndex: m.prevLogIndex });
    return;
  }
  s.leaderId = m.from;
  armElectionTimer(ctx);
  if (m.prevLogIndex > s.log.length || termAt(s, m.prevLogIndex) !== m.prevLogTerm) {
    // @rule raft.append.reject
    ctx.rule('raft.append.reject');
    ctx.send(m.from, { kind: 'AppendEntriesReply', term: s.currentTerm, success: false, matchIndex: 0, conflictIndex: m.prevLogIndex });
    return;
  }
  // @rule raft.append.accept
  ctx.rule('raft.append.accept');
  let index = m.prevLogIndex;
  for (const entry of m.entries) {
    index += 1;
    if (index <= s.log.length) {
      if (s.log[index - 1]!.term === entry.term) continue; // already have it (Log Matching)
      // Conflict: delete it and all that follow. A new array, so snapshots sharing the old one stay exact.
      s.log = s.log.slice(0, index - 1);
    }
    s.log.push(entry);
  }
  const lastNewIndex = m.prevLogIndex + m.entries.length;
  if (m.leaderCommit > s.commitIndex) {
    s.commitIndex = Math.max(s.commitIndex, Math.min(m.leaderCommit, lastNewIndex));
    s.lastApplied = s.commitIndex;
  }
  ctx.send(m.from, { kind: 'AppendEntriesReply', term: s.currentTerm, success: true, matchIndex: lastNewIndex, conflictIndex: 0 });
}

export function handleAppendEntriesReply(s: RaftState, m: Extract<Message, { kind: 'AppendEntriesReply' }>, ctx: NodeContext): void {
  const nextIndex = s.nextIndex!;
  const matchIndex = s.matchIndex!;
  const peer = m.from;
  if (!m.success) {
    // @rule raft.replicate.backoff
    ctx.rule('raft.replicate.backoff');
    // Only a refusal of what we last sent moves nextIndex; late or duplicated refusals are old news.
    if (m.conflictIndex === nextIndex[peer]! - 1 && nextIndex[peer]! > matchIndex[peer]! + 1) {
      nextIndex[peer] = nextIndex[peer]! - 1;
      sendAppendEntries(s, peer, ctx);
    }
    return;
  }
  // @rule raft.replicate.success
  ctx.rule('raft.replicate.success');
  if (m.matchIndex > matchIndex[peer]!) {
    countReplicas(s, matchIndex[peer]!, m.matchIndex);
    matchIndex[peer] = m.matchIndex;
  }
  nextIndex[peer] = Math.max(nextIndex[peer]!, m.matchIndex + 1);
  advanceCommitIndex(s, ctx);
}

/** A follower's matchIndex rose from `from` to `to`: it now also stores entries from+1..to. */
function countReplicas(s: RaftState, from: number, to: number): void {
  for (let index = Math.max(from, s.commitIndex) + 1; index <= to; index++) s.replicas[index - s.commitIndex - 1]! += 1;
}

function advanceCommitIndex(s: RaftState, ctx: NodeContext): void {
  // @rule raft.commit.advance
  let newCommitIndex = s.commitIndex;
  // replicas[] never increases with the index, so stop at the first entry without a majority.
  for (let k = 0; k < s.replicas.length && hasMajority(s.replicas[k]! + 1, ctx.size); k++) {
    const index = s.commitIndex + 1 + k;
    // Only an entry of the current term is committed by counting replicas; earlier ones follow it (§5.4.2, Figure 8).
    if (termAt(s, index) === s.currentTerm) newCommitIndex = index;
  }
  if (newCommitIndex === s.commitIndex) return;
  ctx.rule('raft.commit.advance');
  s.replicas.splice(0, newCommitIndex - s.commitIndex);
  s.commitIndex = newCommitIndex;
  s.lastApplied = newCommitIndex;
}

export function appendClientEntry(s: RaftState, value: string, ctx: NodeContext): LogEntry {
  // @rule raft.client.append
  ctx.rule('raft.client.append');
  const index = s.log.length + 1;
  const entry: LogEntry = { id: ctx.nextEntryId(), index, term: s.currentTerm, value, prevId: index > 1 ? s.log[index - 2]!.id : 0 };
  s.log.push(entry);
  s.matchIndex![ctx.id] = index;
  s.replicas.push(0);
  advanceCommitIndex(s, ctx); // a cluster of one commits at once
  broadcastAppendEntries(s, ctx);
  return entry;
}
