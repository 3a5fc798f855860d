// The interface a protocol implements. A protocol is a pure state machine in the etcd-raft style:
// the simulation hands it one event and a context; it changes its node state and asks the context
// to send messages and arm timers. It never sees the queue, the clock source or other nodes' state.
import type { ClusterConfig } from './config';
import type { RuleId } from './rules';
import type { NodeBrief } from './trace';
import type { LogEntry, Message, MessageBody, NodeId, NodeView, ProtocolName, Result, TimerKind } from './types';

export type MutableBrief = { -readonly [K in keyof NodeBrief]: NodeBrief[K] };

export interface NodeContext {
  readonly id: NodeId;
  readonly now: number;
  readonly size: number;
  readonly config: ClusterConfig;
  /** Seeded randomness shared by the whole simulation. */
  random(): number;
  send(to: NodeId, body: MessageBody): void;
  /** Arms (or re-arms) the node's timer of this kind `delay` ms from now. */
  setTimer(kind: TimerKind, delay: number): void;
  clearTimer(kind: TimerKind): void;
  /** Names the rule that decided this event; the last call wins. */
  rule(id: RuleId): void;
  /** Working nodes right now: global knowledge only the simple protocol uses, as the original did. */
  activeCount(): number;
  /** A fresh, simulation-unique log entry id. */
  nextEntryId(): number;
}

export interface Protocol<S> {
  readonly name: ProtocolName;
  init(ctx: NodeContext): S;
  onTimer(state: S, kind: TimerKind, ctx: NodeContext): void;
  onMessage(state: S, message: Message, ctx: NodeContext): void;
  /** The simulation clears the node's timers; the protocol drops what a crash loses. */
  onCrash(state: S, ctx: NodeContext): void;
  onRecover(state: S, ctx: NodeContext): void;
  /** Forced election timeout (a user input). */
  onForcedTimeout(state: S, ctx: NodeContext): Result;
  /** Present exactly when the protocol keeps a log; called on the leader only. */
  onClientRequest?(state: S, value: string, ctx: NodeContext): Result<{ entry: LogEntry }>;
  /** Fills `out` with the fields a record compares (into a reused object: this runs twice per event). */
  readBrief(state: S, out: MutableBrief): MutableBrief;
  /** The node's log array; protocols replace the array instead of truncating it (see snapshot). */
  logOf(state: S): readonly LogEntry[];
  view(state: S, id: NodeId): Omit<NodeView, 'timers'>;
  /**
   * A copy that later changes to `state` cannot reach. Logs may be shared: they are only ever
   * appended to in place (a truncation replaces the array), so the length pins the contents.
   */
  snapshot(state: S): unknown;
  restore(snapshot: unknown): S;
}
