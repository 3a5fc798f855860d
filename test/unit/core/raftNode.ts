// One raft node driven by hand: the protocol's pure state plus a FakeContext that records what it
// sends and arms. Tests build the state they need and step hand-made messages through it.
import type { ClusterConfig } from '../../../src/core/config';
import { raft } from '../../../src/core/raft';
import type { RaftState } from '../../../src/core/raft/state';
import type { LogEntry, MessageBody, NodeId } from '../../../src/core/types';
import { FakeContext, message, type Sent } from './helpers';

export class RaftNode {
  readonly ctx: FakeContext;
  readonly s: RaftState;

  constructor(id: NodeId, size: number, overrides: Partial<ClusterConfig> = {}) {
    this.ctx = new FakeContext(id, size, overrides);
    this.s = raft.init(this.ctx);
  }

  get id(): NodeId {
    return this.ctx.id;
  }

  /** Sets persistent state as if loaded from stable storage. */
  load(currentTerm: number, votedFor: NodeId | null, log: LogEntry[] = []): this {
    this.s.currentTerm = currentTerm;
    this.s.votedFor = votedFor;
    this.s.log = log;
    return this;
  }

  step(from: NodeId, body: MessageBody): Sent[] {
    raft.onMessage(this.s, message(from, this.id, body), this.ctx);
    return this.ctx.take();
  }

  electionTimeout(): Sent[] {
    raft.onTimer(this.s, 'election', this.ctx);
    return this.ctx.take();
  }

  heartbeatTimeout(): Sent[] {
    raft.onTimer(this.s, 'heartbeat', this.ctx);
    return this.ctx.take();
  }

  /** Becomes candidate of the next term and returns its RequestVotes. */
  campaign(): Sent[] {
    return this.electionTimeout();
  }

  /** Campaigns and collects grants from the lowest-numbered peers until it leads; returns what it sent on winning. */
  elect(): Sent[] {
    this.campaign();
    let sent: Sent[] = [];
    for (let peer = 0; peer < this.ctx.size && this.s.role !== 'leader'; peer++) {
      if (peer !== this.id) sent = this.step(peer, { kind: 'RequestVoteReply', term: this.s.currentTerm, voteGranted: true });
    }
    if (this.s.role !== 'leader') throw new Error(`node ${this.id} did not win its election`);
    return sent;
  }

  request(value: string): ReturnType<NonNullable<typeof raft.onClientRequest>> {
    return raft.onClientRequest!(this.s, value, this.ctx);
  }

  terms(): number[] {
    return this.s.log.map((e) => e.term);
  }
}

/** Only the messages of one kind, narrowed. */
export function ofKind<K extends MessageBody['kind']>(sent: readonly Sent[], kind: K): { to: NodeId; body: Extract<MessageBody, { kind: K }> }[] {
  return sent.filter((m) => m.body.kind === kind) as { to: NodeId; body: Extract<MessageBody, { kind: K }> }[];
}

/** The follower's success reply to an AppendEntries, as a leader would receive it. */
export function acceptReply(term: number, matchIndex: number): MessageBody {
  return { kind: 'AppendEntriesReply', term, success: true, matchIndex, conflictIndex: 0 };
}
