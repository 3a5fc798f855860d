// Structured trace records: one per applied event or input. Cheap to build in the hot path;
// human text is rendered from them on demand (explain.ts).
import type { Message, NodeId, Role, TimerKind, Violation } from './types';
import type { RuleId } from './rules';

export type TraceKind =
  | 'timer' // a node's timer fired
  | 'deliver' // a message reached a live node
  | 'lost' // a message reached a crashed or unreachable node, or the network dropped it
  | 'crash'
  | 'recover'
  | 'timeout' // forced election timeout (input)
  | 'request' // client request (input)
  | 'partition'
  | 'heal'
  | 'drop'; // a message in flight removed by hand (input)

/** The fields whose before/after a record keeps when they change. */
export interface NodeBrief {
  readonly role: Role;
  readonly currentTerm: number | null;
  readonly votedFor: NodeId | null;
  readonly leader: NodeId | null;
  readonly logLength: number;
  readonly commitIndex: number;
}

export type BriefField = keyof NodeBrief;

export interface Change {
  readonly field: BriefField;
  readonly before: string | number | null;
  readonly after: string | number | null;
}

export interface TraceRecord {
  readonly seq: number;
  readonly time: number;
  /** The node the event happened at; -1 for cluster-wide inputs (partition, heal). */
  readonly node: NodeId;
  readonly kind: TraceKind;
  /** The rule of the protocol that handled the event (links to its place in the source). */
  readonly rule: RuleId;
  readonly timer?: TimerKind;
  readonly message?: Message;
  readonly changes: readonly Change[];
  /** Messages this event sent. */
  readonly sent: readonly Message[];
  /** Free detail for inputs (request value, partition groups, reason a message was lost). */
  readonly detail?: string;
  /** The first invariant violation the checker found after this record, if any. */
  readonly violation?: Violation;
}
