// Things from outside the cluster: the user's faults and client commands. Inputs are data so a run
// is exactly reproducible from its config, seed and the inputs with the points they were applied at.
import type { NodeId } from './types';

export type Input =
  | { readonly kind: 'crash'; readonly node: NodeId }
  | { readonly kind: 'recover'; readonly node: NodeId }
  | { readonly kind: 'timeout'; readonly node: NodeId }
  | { readonly kind: 'request'; readonly value: string }
  | { readonly kind: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly kind: 'heal' }
  | { readonly kind: 'drop'; readonly message: number };

/** An input as recorded in a history: applied when the simulation reached `time` after record `afterSeq`. */
export interface RecordedInput {
  readonly afterSeq: number;
  readonly time: number;
  readonly input: Input;
}
