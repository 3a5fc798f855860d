// Shared vocabulary of the simulation. Names follow Figure 2 of the Raft paper.

export type NodeId = number;
export type ProtocolName = 'raft' | 'simple';
export type Role = 'follower' | 'candidate' | 'leader' | 'crashed';

/** One log entry. Entries are immutable and shared by reference between the logs that hold them. */
export interface LogEntry {
  /** Unique per simulation: two entries with the same id are the same client command. */
  readonly id: number;
  /** Position the creating leader gave it; an entry never moves (Log Matching is checked against it). */
  readonly index: number;
  readonly term: number;
  readonly value: string;
  /** Id of the entry before this one in the log of the leader that created it (0 at index 1). */
  readonly prevId: number;
}

interface MessageHeader {
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly sentAt: number;
  readonly deliverAt: number;
  /** Set on the copy the network made when it duplicated a message. */
  readonly duplicateOf?: number;
  /** The network decided at send time to lose this message; it arrives as a `lost` record. */
  readonly dropped: boolean;
}

/** What a protocol hands to the network: a message body without id or times. */
export type MessageBody =
  | { readonly kind: 'RequestVote'; readonly term: number; readonly lastLogIndex: number; readonly lastLogTerm: number }
  | { readonly kind: 'RequestVoteReply'; readonly term: number; readonly voteGranted: boolean }
  | {
      readonly kind: 'AppendEntries';
      readonly term: number;
      readonly prevLogIndex: number;
      readonly prevLogTerm: number;
      readonly entries: readonly LogEntry[];
      readonly leaderCommit: number;
    }
  | {
      readonly kind: 'AppendEntriesReply';
      readonly term: number;
      readonly success: boolean;
      /** On success: the last index the follower now shares with the leader. */
      readonly matchIndex: number;
      /** On failure: the prevLogIndex the follower could not match (so stale refusals are recognised). */
      readonly conflictIndex: number;
    }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'candidacy' }
  | { readonly kind: 'vote'; readonly candidate: NodeId };

export type Message = MessageHeader & MessageBody;
export type MessageKind = MessageBody['kind'];

/** A timer a protocol can arm; one of each kind per node at most. */
export type TimerKind = 'election' | 'heartbeat' | 'wait';

export interface TimerView {
  readonly kind: TimerKind;
  /** When it was armed, for drawing progress arcs. */
  readonly start: number;
  readonly deadline: number;
}

/** Everything a view needs to show about one node, as plain data. */
export interface NodeView {
  readonly id: NodeId;
  readonly role: Role;
  /** `null` in the simple protocol, which has no terms. */
  readonly currentTerm: number | null;
  readonly votedFor: NodeId | null;
  /** The leader this node believes in. */
  readonly leader: NodeId | null;
  readonly log: readonly LogEntry[];
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** Leader only, indexed by peer id; `null` elsewhere. */
  readonly nextIndex: readonly number[] | null;
  readonly matchIndex: readonly number[] | null;
  /** Voters that granted this node their vote in its current candidacy (or leadership). */
  readonly votesReceived: readonly NodeId[];
  readonly timers: readonly TimerView[];
  /** Messages waiting unread while the node is blocked (simple protocol's sleeps). */
  readonly inbox: number;
  /** Protocol-specific fields, shown in tooltips and inspectors (e.g. simple's `voted`, `resigned`). */
  readonly extra: Readonly<Record<string, string | number | boolean | null>>;
}

export interface Violation {
  readonly invariant: InvariantName;
  readonly time: number;
  /** Sequence number of the trace record after which the checker saw it. */
  readonly seq: number;
  readonly message: string;
  readonly nodes: readonly NodeId[];
}

export type InvariantName =
  | 'Election Safety'
  | 'Leader Append-Only'
  | 'Log Matching'
  | 'Leader Completeness'
  | 'State Machine Safety';

/** A whole cluster at one moment, as plain data (what snapshots to the UI are built from). */
export interface ClusterView {
  readonly protocol: ProtocolName;
  readonly seed: number;
  readonly time: number;
  /** Sequence number of the last applied trace record (0 before anything happened). */
  readonly seq: number;
  readonly nodes: readonly NodeView[];
  readonly messages: readonly Message[];
  /** Groups that can reach each other; `null` when the network is whole. */
  readonly partitions: readonly (readonly NodeId[])[] | null;
  readonly violations: readonly Violation[];
}

/** Result of every input and command: ok, or an error saying what was wrong and what to do. */
export type Result<T = {}> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: string };
