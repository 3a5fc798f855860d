// One test per rule of Figure 2 of the Raft paper (Ongaro & Ousterhout 2014), in the style of
// etcd-raft's raft_paper_test.go: build a node's state by hand, step hand-made messages, and check
// its state and what it sent. Section numbers refer to the paper.
import * as assert from 'node:assert/strict';
import { raft } from '../../../src/core/raft';
import type { LogEntry, MessageBody } from '../../../src/core/types';
import { logOfTerms } from './helpers';
import { acceptReply, ofKind, RaftNode } from './raftNode';

const requestVote = (term: number, lastLogIndex: number, lastLogTerm: number): MessageBody => ({ kind: 'RequestVote', term, lastLogIndex, lastLogTerm });
const appendEntries = (term: number, prevLogIndex: number, prevLogTerm: number, entries: LogEntry[] = [], leaderCommit = 0): MessageBody => ({
  kind: 'AppendEntries',
  term,
  prevLogIndex,
  prevLogTerm,
  entries,
  leaderCommit,
});

/** A node of a 3-node cluster in the given role at term 2, holding one entry of term 1. */
function inRole(role: 'follower' | 'candidate' | 'leader'): RaftNode {
  const n = new RaftNode(0, 3).load(role === 'follower' ? 2 : 1, role === 'follower' ? 1 : null, logOfTerms([1]));
  if (role === 'candidate') n.campaign();
  if (role === 'leader') n.elect();
  assert.equal(n.s.role, role);
  assert.equal(n.s.currentTerm, 2);
  return n;
}

describe('raft, Figure 2: all servers', () => {
  // §5.1: "If RPC request or response contains term T > currentTerm: set currentTerm = T, convert to follower."
  const higherTerm: Record<string, MessageBody> = {
    RequestVote: requestVote(5, 0, 0), // from a candidate with a shorter log, so the vote is refused
    RequestVoteReply: { kind: 'RequestVoteReply', term: 5, voteGranted: false },
    AppendEntries: appendEntries(5, 0, 0),
    AppendEntriesReply: { kind: 'AppendEntriesReply', term: 5, success: false, matchIndex: 0, conflictIndex: 0 },
  };
  for (const role of ['follower', 'candidate', 'leader'] as const) {
    for (const [kind, body] of Object.entries(higherTerm)) {
      it(`a ${role} that sees a higher term in ${kind} adopts it, becomes follower and forgets its vote`, () => {
        const n = inRole(role);
        n.step(2, body);
        assert.equal(n.s.currentTerm, 5);
        assert.equal(n.s.role, 'follower');
        assert.equal(n.s.votedFor, null);
        assert.equal(n.s.nextIndex, null, 'leader state is dropped');
        assert.equal(n.s.matchIndex, null);
        assert.deepEqual(n.s.votesGranted, []);
        assert.ok(n.ctx.timers.has('election'), 'a follower runs an election timer');
        assert.ok(!n.ctx.timers.has('heartbeat'), 'a follower sends no heartbeats');
      });
    }
  }

  it('a vote given in an earlier term does not stop a vote in a later one', () => {
    const n = new RaftNode(0, 3).load(1, 1);
    const reply = ofKind(n.step(2, requestVote(2, 0, 0)), 'RequestVoteReply');
    assert.deepEqual(reply, [{ to: 2, body: { kind: 'RequestVoteReply', term: 2, voteGranted: true } }]);
    assert.equal(n.s.votedFor, 2);
  });

  it('lastApplied follows commitIndex (entries are applied as soon as they are committed)', () => {
    const n = new RaftNode(0, 3).load(1, null);
    const leaderLog = logOfTerms([1, 1, 1]);
    n.step(1, appendEntries(1, 0, 0, leaderLog, 2));
    assert.equal(n.s.commitIndex, 2);
    assert.equal(n.s.lastApplied, 2);
  });

  it('a request from an older term is refused with the current term, and changes nothing', () => {
    const n = new RaftNode(0, 3).load(3, null, logOfTerms([1, 2]));
    const timersBefore = n.ctx.delays.election.length;
    const voteReply = n.step(1, requestVote(2, 9, 2));
    assert.deepEqual(voteReply, [{ to: 1, body: { kind: 'RequestVoteReply', term: 3, voteGranted: false } }]);
    assert.equal(n.s.votedFor, null);
    const appendReply = ofKind(n.step(1, appendEntries(2, 2, 2, logOfTerms([2]), 3)), 'AppendEntriesReply');
    assert.equal(appendReply.length, 1);
    assert.equal(appendReply[0]!.body.success, false);
    assert.equal(appendReply[0]!.body.term, 3, 'the reply tells the stale leader the current term');
    assert.deepEqual(n.terms(), [1, 2], 'log untouched');
    assert.equal(n.s.commitIndex, 0);
    assert.equal(n.s.leaderId, null, 'a stale leader is not followed');
    assert.equal(n.ctx.delays.election.length, timersBefore, 'a stale leader does not reset the election timer');
    assert.equal(n.ctx.lastRule, 'raft.append.rejectTerm');
  });

  it('a vote reply from an older term is ignored by a candidate', () => {
    const n = new RaftNode(0, 5).load(2, null);
    n.campaign(); // term 3
    for (const peer of [1, 2, 3]) n.step(peer, { kind: 'RequestVoteReply', term: 2, voteGranted: true });
    assert.equal(n.s.role, 'candidate');
    assert.deepEqual(n.s.votesGranted, [0]);
  });

  it('an AppendEntries reply from an older term is ignored by a leader', () => {
    const n = new RaftNode(0, 3).load(2, null, logOfTerms([1]));
    n.elect(); // term 3
    n.request('x');
    for (const peer of [1, 2]) n.step(peer, acceptReply(2, 2));
    assert.deepEqual(n.s.matchIndex, [2, 0, 0]);
    assert.equal(n.s.commitIndex, 0);
  });
});

describe('raft, Figure 2: followers', () => {
  it('start as followers of term 0 with an election timer', () => {
    const n = new RaftNode(0, 3, { electionTimeoutMin: 150, electionTimeoutMax: 300 });
    assert.equal(n.s.role, 'follower');
    assert.equal(n.s.currentTerm, 0);
    const delay = n.ctx.timers.get('election');
    assert.ok(delay !== undefined && delay >= 150 && delay <= 300, `first timeout ${delay}`);
  });

  it('election timeouts are randomized uniformly over [min, max] (§5.2)', () => {
    const n = new RaftNode(0, 3, { electionTimeoutMin: 150, electionTimeoutMax: 300 }).load(1, null);
    for (let i = 0; i < 3000; i++) n.step(1, appendEntries(1, 0, 0));
    const delays = n.ctx.delays.election;
    assert.ok(delays.every((d) => Number.isInteger(d) && d >= 150 && d <= 300), 'every timeout within [150, 300]');
    assert.ok(Math.min(...delays) <= 152 && Math.max(...delays) >= 298, `spans the range: ${Math.min(...delays)}..${Math.max(...delays)}`);
    assert.ok(new Set(delays).size > 140, `${new Set(delays).size} distinct values of 151`);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    assert.ok(Math.abs(mean - 225) < 5, `mean ${mean}`);
  });

  it('AppendEntries from the current leader resets the election timer and names the leader', () => {
    const n = new RaftNode(0, 3).load(1, null);
    const before = n.ctx.delays.election.length;
    n.step(2, appendEntries(1, 0, 0));
    assert.equal(n.ctx.delays.election.length, before + 1);
    assert.equal(n.s.leaderId, 2);
  });

  it('granting a vote resets the election timer; refusing one does not', () => {
    const n = new RaftNode(0, 3).load(1, null);
    const before = n.ctx.delays.election.length;
    n.step(1, requestVote(1, 0, 0));
    assert.equal(n.s.votedFor, 1);
    assert.equal(n.ctx.delays.election.length, before + 1, 'granted: timer reset');
    n.step(2, requestVote(1, 0, 0));
    assert.equal(n.ctx.delays.election.length, before + 1, 'refused: timer left running');
  });

  it('a follower whose election timeout elapses becomes a candidate', () => {
    const n = new RaftNode(0, 3).load(4, 2);
    n.electionTimeout();
    assert.equal(n.s.role, 'candidate');
    assert.equal(n.s.currentTerm, 5);
  });
});

describe('raft, Figure 2: candidates', () => {
  it('on conversion: increment currentTerm, vote for self, reset the election timer, send RequestVote to all others', () => {
    const n = new RaftNode(1, 4).load(2, null, logOfTerms([1, 2]));
    const timersBefore = n.ctx.delays.election.length;
    const sent = n.campaign();
    assert.equal(n.s.role, 'candidate');
    assert.equal(n.s.currentTerm, 3);
    assert.equal(n.s.votedFor, 1);
    assert.deepEqual(n.s.votesGranted, [1]);
    assert.equal(n.s.leaderId, null);
    assert.equal(n.ctx.delays.election.length, timersBefore + 1);
    assert.deepEqual(sent, [0, 2, 3].map((to) => ({ to, body: requestVote(3, 2, 2) })));
  });

  // [cluster size, votes granted (true) or refused (false) by peers, role after]
  const rounds: [number, Record<number, boolean>, 'leader' | 'candidate'][] = [
    [1, {}, 'leader'],
    [3, { 1: true, 2: true }, 'leader'],
    [3, { 1: true }, 'leader'],
    [4, { 1: true }, 'candidate'],
    [4, { 1: true, 2: true }, 'leader'],
    [5, { 1: true, 2: true, 3: true, 4: true }, 'leader'],
    [5, { 1: true, 2: true }, 'leader'],
    [5, { 1: true }, 'candidate'],
    [5, { 1: true, 2: false, 3: false, 4: false }, 'candidate'],
    [6, { 1: true, 2: true }, 'candidate'],
    [6, { 1: true, 2: true, 3: true }, 'leader'],
    [3, {}, 'candidate'],
  ];
  for (const [size, votes, want] of rounds) {
    it(`in a cluster of ${size}, ${Object.values(votes).filter(Boolean).length} granted votes besides its own make it ${want}`, () => {
      const n = new RaftNode(0, size);
      n.campaign();
      for (const [peer, granted] of Object.entries(votes)) n.step(Number(peer), { kind: 'RequestVoteReply', term: 1, voteGranted: granted });
      assert.equal(n.s.role, want);
      assert.equal(n.s.currentTerm, 1);
    });
  }

  it('a duplicated grant counts once', () => {
    const n = new RaftNode(0, 5);
    n.campaign();
    for (let i = 0; i < 3; i++) n.step(1, { kind: 'RequestVoteReply', term: 1, voteGranted: true });
    assert.equal(n.s.role, 'candidate');
    assert.deepEqual(n.s.votesGranted, [0, 1]);
  });

  it('on winning, sends AppendEntries to every other server at once and arms the heartbeat', () => {
    const n = new RaftNode(0, 3, { heartbeatInterval: 40 }).load(1, null, logOfTerms([1]));
    const sent = n.elect();
    assert.equal(n.s.leaderId, 0);
    assert.deepEqual(sent, [1, 2].map((to) => ({ to, body: appendEntries(2, 1, 1) })));
    assert.equal(n.ctx.timers.get('heartbeat'), 40);
    assert.ok(!n.ctx.timers.has('election'), 'a leader runs no election timer');
    assert.deepEqual(n.s.nextIndex, [2, 2, 2], 'nextIndex starts after the leader\'s last entry');
    assert.deepEqual(n.s.matchIndex, [1, 0, 0]);
  });

  it('AppendEntries from a leader of its own term makes it a follower of that leader', () => {
    const n = new RaftNode(0, 3);
    n.campaign();
    const sent = ofKind(n.step(2, appendEntries(1, 0, 0)), 'AppendEntriesReply');
    assert.equal(n.s.role, 'follower');
    assert.equal(n.s.currentTerm, 1);
    assert.equal(n.s.leaderId, 2);
    assert.equal(n.s.votedFor, 0, 'its vote for itself this term stands');
    assert.equal(sent[0]!.body.success, true);
  });

  it('an election timeout during the candidacy starts a new election in the next term', () => {
    const n = new RaftNode(0, 3);
    n.campaign();
    const sent = n.electionTimeout();
    assert.equal(n.s.role, 'candidate');
    assert.equal(n.s.currentTerm, 2);
    assert.deepEqual(ofKind(sent, 'RequestVote').map((m) => m.body.term), [2, 2]);
  });
});

describe('raft, Figure 2: leaders', () => {
  it('send empty AppendEntries (heartbeats) on every heartbeat timeout and ignore the election timer', () => {
    const n = new RaftNode(0, 3, { heartbeatInterval: 50 });
    n.elect();
    const sent = n.heartbeatTimeout();
    assert.deepEqual(sent, [1, 2].map((to) => ({ to, body: appendEntries(1, 0, 0) })));
    assert.equal(n.ctx.timers.get('heartbeat'), 50);
    assert.deepEqual(n.electionTimeout(), []);
    assert.equal(n.s.role, 'leader');
    assert.equal(n.s.currentTerm, 1);
  });

  it('append a client command to their own log in their term and send it to every follower', () => {
    const n = new RaftNode(0, 3).load(1, null, logOfTerms([1]));
    n.elect(); // term 2
    const result = n.request('x=1');
    assert.ok(result.ok);
    assert.deepEqual([result.entry.index, result.entry.term, result.entry.value, result.entry.prevId], [2, 2, 'x=1', n.s.log[0]!.id]);
    assert.deepEqual(n.terms(), [1, 2]);
    const sent = ofKind(n.ctx.take(), 'AppendEntries');
    assert.deepEqual(sent.map((m) => [m.to, m.body.prevLogIndex, m.body.prevLogTerm, m.body.entries.map((e) => e.value)]), [
      [1, 1, 1, ['x=1']],
      [2, 1, 1, ['x=1']],
    ]);
  });

  it('send entries from nextIndex; on refusal decrement nextIndex and retry; on success update nextIndex and matchIndex', () => {
    const n = new RaftNode(0, 3).load(2, null, logOfTerms([1, 1, 2]));
    n.elect(); // term 3, nextIndex 4
    let sent = ofKind(n.step(1, { kind: 'AppendEntriesReply', term: 3, success: false, matchIndex: 0, conflictIndex: 3 }), 'AppendEntries');
    assert.equal(n.s.nextIndex![1], 3);
    assert.deepEqual(sent.map((m) => [m.to, m.body.prevLogIndex, m.body.prevLogTerm, m.body.entries.map((e) => e.term)]), [[1, 2, 1, [2]]]);
    sent = ofKind(n.step(1, { kind: 'AppendEntriesReply', term: 3, success: false, matchIndex: 0, conflictIndex: 2 }), 'AppendEntries');
    assert.equal(n.s.nextIndex![1], 2);
    assert.deepEqual(sent.map((m) => [m.to, m.body.prevLogIndex, m.body.prevLogTerm, m.body.entries.map((e) => e.term)]), [[1, 1, 1, [1, 2]]]);
    n.step(1, acceptReply(3, 3));
    assert.equal(n.s.nextIndex![1], 4);
    assert.equal(n.s.matchIndex![1], 3);
  });

  it('a late or duplicated refusal of an older AppendEntries does not move nextIndex again', () => {
    const n = new RaftNode(0, 3).load(2, null, logOfTerms([1, 1, 2]));
    n.elect();
    const refusal = { kind: 'AppendEntriesReply', term: 3, success: false, matchIndex: 0, conflictIndex: 3 } as const;
    n.step(1, refusal);
    assert.deepEqual(n.step(1, refusal), []);
    assert.equal(n.s.nextIndex![1], 3);
  });

  // [cluster size, followers that store the entry, committed]
  const acks: [number, number[], boolean][] = [
    [1, [], true],
    [3, [], false],
    [3, [1], true],
    [3, [1, 2], true],
    [4, [1], false],
    [4, [1, 2], true],
    [5, [1], false],
    [5, [1, 2], true],
    [5, [1, 2, 3, 4], true],
  ];
  for (const [size, acceptors, committed] of acks) {
    it(`commit an entry of their term once a majority stores it (${size} nodes, ${acceptors.length} follower${acceptors.length === 1 ? '' : 's'} + leader: ${committed ? '' : 'not '}committed)`, () => {
      const n = new RaftNode(0, size);
      n.elect();
      n.request('x');
      for (const peer of acceptors) n.step(peer, acceptReply(1, 1));
      assert.equal(n.s.commitIndex, committed ? 1 : 0);
      assert.equal(n.s.lastApplied, n.s.commitIndex);
      if (committed && size > 1) {
        const beat = ofKind(n.heartbeatTimeout(), 'AppendEntries');
        assert.ok(beat.every((m) => m.body.leaderCommit === 1), 'later AppendEntries carry the new commitIndex');
      }
    });
  }

  it('Figure 8: never commit an entry from an earlier term by counting replicas; it commits with the first entry of the current term', () => {
    // Figure 8 (c): S1 leads term 4 holding index 2 from term 2, which it replicates to S2 and S3.
    const s1 = new RaftNode(0, 5).load(3, null, logOfTerms([1, 2]));
    s1.s.commitIndex = 1;
    s1.elect(); // term 4
    assert.equal(s1.s.currentTerm, 4);
    for (const peer of [1, 2]) s1.step(peer, acceptReply(4, 2));
    assert.deepEqual(s1.s.matchIndex, [2, 2, 2, 0, 0], 'index 2 is on a majority (S1, S2, S3)');
    assert.equal(s1.s.commitIndex, 1, 'but it is from term 2, so counting replicas must not commit it: S5 could still overwrite it (Figure 8 d)');
    // Figure 8 (e): once an entry of term 4 is on a majority, it and everything before it are committed.
    s1.request('x');
    s1.step(1, acceptReply(4, 3));
    assert.equal(s1.s.commitIndex, 1, 'the term-4 entry is on S1 and S2 only');
    s1.step(2, acceptReply(4, 3));
    assert.equal(s1.s.commitIndex, 3);
    assert.equal(s1.ctx.lastRule, 'raft.commit.advance');
  });
});

describe('raft, Figure 2: RequestVote receiver', () => {
  // [votedFor this term, candidate, granted]: at most one vote per term, first come first served.
  const votes: [number | null, number, boolean][] = [
    [null, 1, true],
    [null, 2, true],
    [1, 1, true],
    [2, 2, true],
    [1, 2, false],
    [2, 1, false],
  ];
  for (const [votedFor, candidate, granted] of votes) {
    it(`having voted for ${votedFor ?? 'nobody'} this term, ${granted ? 'grants' : 'refuses'} node ${candidate}`, () => {
      const n = new RaftNode(0, 3).load(1, votedFor);
      const sent = n.step(candidate, requestVote(1, 0, 0));
      assert.deepEqual(sent, [{ to: candidate, body: { kind: 'RequestVoteReply', term: 1, voteGranted: granted } }]);
      assert.equal(n.s.votedFor, granted ? candidate : votedFor);
      if (!granted) assert.equal(n.ctx.lastRule, 'raft.vote.rejectVoted');
    });
  }

  it('grants at most one vote per term however many candidates ask', () => {
    const n = new RaftNode(0, 5).load(1, null);
    const granted = [1, 2, 3, 4].filter((c) => ofKind(n.step(c, requestVote(2, 0, 0)), 'RequestVoteReply')[0]!.body.voteGranted);
    assert.deepEqual(granted, [1]);
  });

  // The voter's log holds terms [1, 2]: last index 2, last term 2 (§5.4.1).
  const upToDate: [number, number, boolean, string][] = [
    [1, 5, false, 'a lower last term, even with a longer log'],
    [2, 1, false, 'the same last term and a shorter log'],
    [2, 2, true, 'the same last term and an equal log'],
    [2, 3, true, 'the same last term and a longer log'],
    [3, 1, true, 'a higher last term, even with a shorter log'],
  ];
  for (const [lastTerm, lastIndex, granted, what] of upToDate) {
    it(`${granted ? 'grants' : 'refuses'} a candidate with ${what}`, () => {
      const n = new RaftNode(0, 3).load(2, null, logOfTerms([1, 2]));
      const sent = ofKind(n.step(1, requestVote(3, lastIndex, lastTerm)), 'RequestVoteReply');
      assert.equal(sent[0]!.body.voteGranted, granted);
      assert.equal(n.s.currentTerm, 3);
      assert.equal(n.s.votedFor, granted ? 1 : null);
      if (!granted) assert.equal(n.ctx.lastRule, 'raft.vote.rejectLog');
    });
  }
});

describe('raft, Figure 2: AppendEntries receiver', () => {
  it('refuses when its log has no entry at prevLogIndex', () => {
    const n = new RaftNode(0, 3).load(2, null, logOfTerms([1]));
    const sent = ofKind(n.step(1, appendEntries(2, 2, 1, logOfTerms([2]), 0)), 'AppendEntriesReply');
    assert.deepEqual(sent[0]!.body, { kind: 'AppendEntriesReply', term: 2, success: false, matchIndex: 0, conflictIndex: 2 });
    assert.deepEqual(n.terms(), [1]);
    assert.equal(n.ctx.lastRule, 'raft.append.reject');
  });

  it('refuses when the entry at prevLogIndex has another term', () => {
    const n = new RaftNode(0, 3).load(3, null, logOfTerms([1, 1]));
    const sent = ofKind(n.step(1, appendEntries(3, 2, 2, logOfTerms([3]), 3)), 'AppendEntriesReply');
    assert.equal(sent[0]!.body.success, false);
    assert.deepEqual(n.terms(), [1, 1], 'nothing appended after an unverified prefix');
    assert.equal(n.s.commitIndex, 0, 'nothing committed from a refused message');
  });

  // The follower shares the leader's first `shared` entries; the leader sends `count` entries after prevLogIndex.
  const cases: { name: string; follower: number[]; leader: number[]; shared: number; prev: number; count: number; want: number[] }[] = [
    { name: 'appends new entries after a matching prefix', follower: [1, 2], leader: [1, 2, 3], shared: 2, prev: 2, count: 1, want: [1, 2, 3] },
    { name: 'deletes a conflicting entry and all that follow it, then appends', follower: [1, 2, 2], leader: [1, 3, 3], shared: 1, prev: 1, count: 2, want: [1, 3, 3] },
    { name: 'keeps entries it already has (no truncation by a shorter message)', follower: [1, 2, 2], leader: [1, 2, 2], shared: 3, prev: 1, count: 1, want: [1, 2, 2] },
    { name: 'keeps a matching prefix and replaces what conflicts after it', follower: [1, 2], leader: [1, 3], shared: 1, prev: 0, count: 2, want: [1, 3] },
    { name: 'truncates a longer stale suffix at the first conflict', follower: [1, 1, 1], leader: [1, 2], shared: 1, prev: 1, count: 1, want: [1, 2] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const leaderLog = logOfTerms(c.leader);
      const followerLog = [...leaderLog.slice(0, c.shared), ...logOfTerms(c.follower.slice(c.shared))];
      const n = new RaftNode(0, 3).load(3, null, followerLog);
      const entries = leaderLog.slice(c.prev, c.prev + c.count);
      const sent = ofKind(n.step(1, appendEntries(3, c.prev, c.prev === 0 ? 0 : leaderLog[c.prev - 1]!.term, entries)), 'AppendEntriesReply');
      assert.deepEqual(n.terms(), c.want);
      assert.deepEqual(sent[0]!.body, { kind: 'AppendEntriesReply', term: 3, success: true, matchIndex: c.prev + c.count, conflictIndex: 0 });
      for (const e of entries) assert.equal(n.s.log[e.index - 1]!.id, e.id, `index ${e.index} holds the leader's entry`);
    });
  }

  it('sets commitIndex to min(leaderCommit, index of the last new entry)', () => {
    const n = new RaftNode(0, 3).load(1, null);
    const leaderLog = logOfTerms([1, 1, 1, 1, 1]);
    n.step(1, appendEntries(1, 0, 0, leaderLog.slice(0, 2), 4));
    assert.equal(n.s.commitIndex, 2, 'the leader committed 4 but only 2 are here');
    n.step(1, appendEntries(1, 2, 1, leaderLog.slice(2, 3), 1));
    assert.equal(n.s.commitIndex, 2, 'commitIndex never goes back');
    n.step(1, appendEntries(1, 3, 1, [], 4));
    assert.equal(n.s.commitIndex, 3);
  });

  it('does not commit stale entries past what the message verified', () => {
    // Entries 2-3 are from an old leader of term 2; the leader of term 3 has different ones there.
    const leaderLog = logOfTerms([1, 3, 3]);
    const n = new RaftNode(0, 3).load(3, null, [leaderLog[0]!, ...logOfTerms([2, 2])]);
    n.step(1, appendEntries(3, 1, 1, [], 3));
    assert.equal(n.s.commitIndex, 1, 'a heartbeat verifying index 1 can commit only up to index 1');
  });
});

describe('raft, Figure 2: persistent and volatile state', () => {
  it('a crash keeps currentTerm, votedFor and log, loses commitIndex, lastApplied and leader state; recovery is as follower', () => {
    const n = new RaftNode(0, 3).load(1, null, logOfTerms([1]));
    n.elect();
    n.request('x');
    n.step(1, acceptReply(2, 2));
    assert.equal(n.s.commitIndex, 2);
    const log = n.s.log.slice();
    raft.onCrash(n.s, n.ctx);
    assert.equal(n.s.role, 'crashed');
    assert.deepEqual([n.s.currentTerm, n.s.votedFor], [2, 0]);
    assert.deepEqual(n.s.log, log);
    assert.deepEqual([n.s.commitIndex, n.s.lastApplied, n.s.leaderId, n.s.nextIndex, n.s.matchIndex], [0, 0, null, null, null]);
    assert.deepEqual(n.s.votesGranted, []);
    n.ctx.timers.clear(); // the simulation clears a crashed node's timers
    raft.onRecover(n.s, n.ctx);
    assert.equal(n.s.role, 'follower');
    assert.deepEqual([n.s.currentTerm, n.s.votedFor, n.s.log], [2, 0, log]);
    assert.ok(n.ctx.timers.has('election'));
  });
});

describe('raft, Figure 2: clients', () => {
  it('a follower refuses a client request and redirects to the leader it knows', () => {
    const n = new RaftNode(0, 3).load(1, null);
    n.step(2, appendEntries(1, 0, 0));
    const result = n.request('x');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /node 0 is not the leader.*redirect to node 2/);
    assert.deepEqual(n.s.log, []);
  });

  it('a node that knows no leader refuses and says so', () => {
    const n = new RaftNode(0, 3);
    n.campaign();
    const result = n.request('x');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /knows no leader/);
  });

  it('a cluster of one elects itself and commits alone', () => {
    const n = new RaftNode(0, 1);
    const sent = n.campaign();
    assert.deepEqual(sent, []);
    assert.equal(n.s.role, 'leader');
    const result = n.request('x');
    assert.ok(result.ok);
    assert.equal(n.s.commitIndex, 1);
    assert.equal(n.s.lastApplied, 1);
  });
});
