// Every rule a protocol or the network can apply. Each id has exactly one `@rule <id>` marker
// comment in src/core at the code that implements it; "Show Code for Event" jumps there.

export const RULES = {
  // raft (Figure 2 of the paper; section numbers in the titles)
  'raft.term.stepDown': { title: 'Saw a higher term: adopt it and become follower (§5.1)' },
  'raft.term.stale': { title: 'Reply from an older term: ignore it (§5.1)' },
  'raft.vote.rejectTerm': { title: 'Refuse the vote: the candidate\'s term is older than ours (§5.1)' },
  'raft.append.rejectTerm': { title: 'Refuse AppendEntries from an older term: its sender is no longer leader (§5.1)' },
  'raft.reply.ignored': { title: 'Reply to a request of a role this node has left (e.g. a late vote for a new leader): nothing to do' },
  'raft.election.start': { title: 'Election timeout: become candidate, vote for self, request votes (§5.2)' },
  'raft.election.win': { title: 'Votes from a majority: become leader and send heartbeats (§5.2)' },
  'raft.vote.grant': { title: 'Grant the vote: not voted yet this term and candidate log up to date (§5.2, §5.4.1)' },
  'raft.vote.rejectVoted': { title: 'Refuse the vote: already voted for another candidate this term (§5.2)' },
  'raft.vote.rejectLog': { title: 'Refuse the vote: candidate log is not as up to date (§5.4.1)' },
  'raft.vote.count': { title: 'Count a vote reply (§5.2)' },
  'raft.heartbeat.send': { title: 'Leader heartbeat: AppendEntries to every follower (§5.2)' },
  'raft.append.reject': { title: 'AppendEntries consistency check failed: no entry at prevLogIndex with prevLogTerm (§5.3)' },
  'raft.append.accept': { title: 'AppendEntries accepted: drop conflicting entries, append new ones, follow leaderCommit (§5.3)' },
  'raft.replicate.success': { title: 'Follower stored the entries: update matchIndex and nextIndex (§5.3)' },
  'raft.replicate.backoff': { title: 'Follower refused: decrement nextIndex and retry (§5.3)' },
  'raft.commit.advance': { title: 'A majority stores an entry of the current term: advance commitIndex (§5.3, §5.4.2)' },
  'raft.client.append': { title: 'Client request: leader appends the command and replicates it (§5.3)' },
  'raft.crash': { title: 'Crash: volatile state lost; currentTerm, votedFor and log survive (Figure 2)' },
  'raft.recover': { title: 'Restart as follower from persistent state (§5.2)' },
  // simple (the reference election algorithm)
  'simple.follower.timeout': { title: 'No heartbeat for over 1 s and the 5 s cooldown over: become candidate' },
  'simple.candidate.yield': { title: 'Another candidate appeared during the wait: become follower' },
  'simple.candidate.announce': { title: 'Random wait over: start the election and broadcast candidacy' },
  'simple.election.win': { title: 'Votes exceed half the active nodes: become leader' },
  'simple.election.lose': { title: 'Too few votes after 2 s: resign (5 s cooldown starts)' },
  'simple.leader.heartbeat': { title: 'Leader: broadcast a heartbeat every 0.5 s' },
  'simple.heartbeat.receive': { title: 'Heartbeat: record the time, become follower, remember the leader' },
  'simple.candidacy.vote': { title: 'Candidacy: vote once (broadcast the vote)' },
  'simple.candidacy.alreadyVoted': { title: 'Candidacy: already voted, ignore it' },
  'simple.vote.count': { title: 'Vote: count it; a majority of active nodes names the leader' },
  'simple.inbox.hold': { title: 'Asleep in a blocking wait: the message waits unread in the inbox' },
  'simple.crash': { title: 'Crash: stop working, clear the inbox' },
  'simple.recover': { title: 'Recover: back to work as a follower, inbox cleared' },
  // the network and the cluster
  'net.lost.crashed': { title: 'Message reached a crashed node and was lost' },
  'net.lost.partition': { title: 'Message could not cross the partition and was lost' },
  'net.lost.random': { title: 'The network lost the message (drop rate)' },
  'net.drop': { title: 'Message in flight dropped by hand' },
  'net.partition': { title: 'Network split into groups that cannot reach each other' },
  'net.heal': { title: 'Network healed: every node can reach every other' },
  'sim.ignored': { title: 'The node had nothing to do with this event' },
} as const satisfies Record<string, { title: string }>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The marker text that precedes the implementing code in the shipped sources. */
export function ruleMarker(id: RuleId): string {
  return `@rule ${id}`;
}
