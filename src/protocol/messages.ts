// The host <-> webview wire format. Imports nothing: the webview bundle and the extension host both
// compile this file, and the core's views fit these shapes structurally.

export type WireProtocolName = 'raft' | 'simple';
export type WireRole = 'follower' | 'candidate' | 'leader' | 'crashed';
export type WireMessageKind =
  | 'RequestVote'
  | 'RequestVoteReply'
  | 'AppendEntries'
  | 'AppendEntriesReply'
  | 'heartbeat'
  | 'candidacy'
  | 'vote';
export type WireTimerKind = 'election' | 'heartbeat' | 'wait';

export interface WireLogEntry {
  readonly id: number;
  readonly term: number;
  readonly value: string;
}

export interface WireTimer {
  readonly kind: WireTimerKind;
  readonly start: number;
  readonly deadline: number;
}

export interface WireNode {
  readonly id: number;
  readonly role: WireRole;
  readonly currentTerm: number | null;
  readonly votedFor: number | null;
  readonly leader: number | null;
  readonly log: readonly WireLogEntry[];
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly nextIndex: readonly number[] | null;
  readonly matchIndex: readonly number[] | null;
  readonly votesReceived: readonly number[];
  readonly timers: readonly WireTimer[];
  readonly inbox: number;
  readonly extra: Readonly<Record<string, string | number | boolean | null>>;
}

export interface WireMessage {
  readonly id: number;
  readonly from: number;
  readonly to: number;
  readonly kind: WireMessageKind;
  readonly sentAt: number;
  readonly deliverAt: number;
  /** `null` for the simple protocol's messages. */
  readonly term: number | null;
  /** RequestVoteReply.voteGranted / AppendEntriesReply.success; `null` for requests. */
  readonly granted: boolean | null;
  /** Number of log entries carried (AppendEntries), else 0. */
  readonly entries: number;
  /** One line for tooltips and the inspector, e.g. "AppendEntries term 3, prev 4/2, 1 entry, commit 4". */
  readonly summary: string;
  /** The network decided when it was sent to lose this message (drop rate): it falls away on the way. */
  readonly dropped: boolean;
}

export interface WireViolation {
  readonly invariant: string;
  readonly time: number;
  readonly seq: number;
  readonly message: string;
  readonly nodes: readonly number[];
}

export interface WireEvent {
  readonly seq: number;
  readonly time: number;
  /** -1 for cluster-wide events. */
  readonly node: number;
  readonly kind: string;
  readonly rule: string;
  /** Plain-words explanation rendered by the host. */
  readonly text: string;
}

export interface WireSession {
  readonly paused: boolean;
  /** Simulated ms per wall ms. */
  readonly speed: number;
  /** Achieved rate when the simulation cannot keep up with `speed`; `null` when it keeps up. */
  readonly achievedSpeed: number | null;
  /** The recorded timeline: [0, headTime] in simulated ms, records 0..headSeq. */
  readonly headSeq: number;
  readonly headTime: number;
}

export interface ClusterSnapshot {
  readonly protocol: WireProtocolName;
  readonly seed: number;
  readonly time: number;
  readonly seq: number;
  readonly nodes: readonly WireNode[];
  readonly messages: readonly WireMessage[];
  readonly partitions: readonly (readonly number[])[] | null;
  readonly violations: readonly WireViolation[];
  /** The most recent events up to `seq`, oldest first (at most 200). */
  readonly events: readonly WireEvent[];
  readonly session: WireSession;
  readonly electionTimeoutMax: number;
  readonly heartbeatInterval: number;
}

/** Host -> webview. Always complete snapshots, never deltas: a hidden panel can miss any of them. */
export type HostMessage =
  | { readonly type: 'snapshot'; readonly snapshot: ClusterSnapshot }
  | { readonly type: 'noCluster' }
  /** Ask the webview to select (highlight) an event, e.g. after "Show Code for Event". */
  | { readonly type: 'selectEvent'; readonly seq: number };

export type WebviewCommand =
  | 'start'
  | 'pause'
  | 'resume'
  | 'step'
  | 'stepBack'
  | 'runUntilLeader'
  | 'heal';

export type NodeCommand = 'crash' | 'recover' | 'timeout' | 'request';

/** Webview -> host. Every one is validated on arrival; malformed ones are logged and dropped. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'command'; readonly command: WebviewCommand }
  | { readonly type: 'nodeCommand'; readonly command: NodeCommand; readonly node: number }
  | { readonly type: 'setSpeed'; readonly speed: number }
  | { readonly type: 'seek'; readonly seq: number }
  | { readonly type: 'drop'; readonly message: number }
  | { readonly type: 'partition'; readonly groups: readonly (readonly number[])[] }
  | { readonly type: 'showCode'; readonly seq: number };

/** A node's short name everywhere a view shows one (tree, status bar, graph): n0, n1, ... */
export function nodeLabel(id: number): string {
  return `n${id}`;
}

/** A speed as people say it, the same in the panel and the status bar: "1/1000x", "1/4x", "2.5x", "100x". */
export function formatSpeed(speed: number): string {
  if (speed >= 1) return `${roundSpeed(speed)}x`;
  const inverse = 1 / speed;
  if (Math.abs(inverse - Math.round(inverse)) < 0.05 * inverse) return `1/${Math.round(inverse)}x`;
  return `${roundSpeed(speed)}x`;
}

function roundSpeed(v: number): string {
  return String(v >= 10 ? Math.round(v) : Number(v.toPrecision(2)));
}

/** Speed limits shared by the UI controls and the host (1/1000x to 100x). */
export const MIN_SPEED = 0.001;
export const MAX_SPEED = 100;
