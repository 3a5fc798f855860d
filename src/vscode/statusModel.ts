// The status bar's text and tooltip: protocol, who leads in which term, crashed count, paused, and
// the achieved rate when the simulation cannot keep up. Pure, so it is unit-tested.
import type { ClusterView } from '../core/types';
import { formatSpeed, nodeLabel } from '../protocol/messages';

export interface StatusInput {
  readonly view: ClusterView;
  readonly paused: boolean;
  readonly speed: number;
  readonly achievedSpeed: number | null;
}

export interface StatusText {
  readonly text: string;
  readonly tooltip: string;
}

export function statusText({ view, paused, speed, achievedSpeed }: StatusInput): StatusText {
  const leaders = view.nodes.filter((n) => n.role === 'leader');
  const crashed = view.nodes.filter((n) => n.role === 'crashed').length;
  const terms = view.nodes.map((n) => n.currentTerm).filter((t): t is number => t !== null);
  const highest = terms.length > 0 ? Math.max(...terms) : null;
  let who: string;
  if (leaders.length === 0) who = highest === null ? 'no leader' : `no leader, term ${highest}`;
  else if (leaders.length === 1) who = `${nodeLabel(leaders[0]!.id)} leads${leaders[0]!.currentTerm === null ? '' : `, term ${leaders[0]!.currentTerm}`}`;
  // Two leaders at once is the simple protocol's lesson (or a raft bug the checker reports).
  else who = `${listNodes(leaders.map((n) => n.id))} ${leaders.length === 2 ? 'both' : 'all'} lead`;
  const parts = [`${paused ? '$(debug-pause)' : '$(pulse)'} Raft${view.protocol === 'simple' ? ' (simple)' : ''}: ${who}`];
  if (crashed > 0) parts.push(`${crashed} crashed`);
  if (achievedSpeed !== null) parts.push(`$(warning) ${formatSpeed(achievedSpeed)} of ${formatSpeed(speed)}`);
  const tooltip = [
    `Protocol ${view.protocol}, ${view.nodes.length} nodes, seed ${view.seed}`,
    `Simulated time ${(view.time / 1000).toFixed(3)} s, event ${view.seq}`,
    paused ? 'Paused' : achievedSpeed !== null ? `Running at ${formatSpeed(achievedSpeed)}: the simulation cannot keep up with ${formatSpeed(speed)}` : `Running at ${formatSpeed(speed)}`,
    crashed > 0 ? `Crashed: ${view.nodes.filter((n) => n.role === 'crashed').map((n) => nodeLabel(n.id)).join(', ')}` : 'No node is crashed',
    view.violations.length > 0 ? `Violations: ${view.violations.length} (latest: ${view.violations[view.violations.length - 1]!.message})` : '',
    'Click to open the cluster panel',
  ].filter((line) => line !== '');
  return { text: parts.join(', '), tooltip: tooltip.join('\n') };
}

function listNodes(ids: readonly number[]): string {
  const labels = ids.map(nodeLabel);
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
