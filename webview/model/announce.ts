// What the screen-reader live region says when a snapshot arrives: leader changes, crashes and
// recoveries, and new invariant violations. Derived by comparing two snapshots, so a missed snapshot
// never produces a false claim, and a seek (the timeline moved backwards) says where it landed.
import type { ClusterSnapshot } from '../../src/protocol/messages';

export function announcements(prev: ClusterSnapshot | null, next: ClusterSnapshot): string[] {
  if (!prev || prev.seed !== next.seed || prev.protocol !== next.protocol || prev.nodes.length !== next.nodes.length) {
    return [`${next.protocol} cluster of ${next.nodes.length} nodes, ${leaderPhrase(next)}.`];
  }
  if (next.seq < prev.seq) return [`Went back to event ${next.seq}: ${leaderPhrase(next)}.`];
  const out: string[] = [];
  for (const node of next.nodes) {
    const before = prev.nodes.find((n) => n.id === node.id);
    if (!before) continue;
    if (node.role === 'crashed' && before.role !== 'crashed') out.push(`Node ${node.id} crashed.`);
    if (node.role !== 'crashed' && before.role === 'crashed') out.push(`Node ${node.id} recovered as ${node.role}.`);
  }
  const leadersBefore = leaders(prev);
  const leadersNow = leaders(next);
  for (const id of leadersNow) {
    if (!leadersBefore.includes(id)) {
      const term = next.nodes.find((n) => n.id === id)?.currentTerm;
      out.push(`Node ${id} is now leader${term === null || term === undefined ? '' : ` for term ${term}`}.`);
    }
  }
  if (leadersNow.length === 0 && leadersBefore.length > 0) out.push('No leader now.');
  const known = new Set(prev.violations.map(violationKey));
  for (const v of next.violations) {
    if (!known.has(violationKey(v))) out.push(`Invariant violated: ${v.invariant}. ${v.message}`);
  }
  return out;
}

export function leaders(s: ClusterSnapshot): number[] {
  return s.nodes.filter((n) => n.role === 'leader').map((n) => n.id);
}

function leaderPhrase(s: ClusterSnapshot): string {
  const ids = leaders(s);
  if (ids.length === 0) return 'no leader';
  if (ids.length === 1) return `leader is node ${ids[0]}`;
  return `leaders are nodes ${ids.join(', ')}`;
}

function violationKey(v: ClusterSnapshot['violations'][number]): string {
  return `${v.seq}|${v.invariant}|${v.message}`;
}
