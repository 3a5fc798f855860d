// Which colour a node, log entry or message gets. Colours are slots (CSS classes tc0..tc7 mapped to
// theme variables in media/webview.css), so every theme supplies its own legible values.
import type { WireNode, WireProtocolName } from '../../src/protocol/messages';

export const PALETTE_SIZE = 8;

export function termSlot(term: number): number {
  return ((term % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE;
}

/**
 * raft: by currentTerm, so nodes that agree on a term share a colour. simple has no terms: by the
 * leader a node follows (a leader by itself), which makes two leaders' camps visible at a glance.
 * A candidate in `simple` campaigns for itself, so it takes its own colour.
 * `null` = no colour: crashed, or a simple follower that knows no leader.
 */
export function nodeSlot(node: WireNode, protocol: WireProtocolName): number | null {
  if (node.role === 'crashed') return null;
  if (protocol === 'raft') return node.currentTerm === null ? null : termSlot(node.currentTerm);
  const camp = node.role === 'leader' || node.role === 'candidate' ? node.id : node.leader;
  return camp === null ? null : termSlot(camp);
}
