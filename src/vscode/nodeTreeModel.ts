// What the Nodes tree shows for each node, as plain data: label, description, icon, tooltip,
// detail rows and the contextValue the menus match on. Pure, so tests check it without VS Code.
import type { NodeView, ProtocolName, Role, TimerView } from '../core/types';
import { nodeLabel } from '../protocol/messages';

export type NodeContextValue = `${Role}Node`;

export interface IconSpec {
  /** A codicon id for ThemeIcon. */
  readonly id: string;
  /** A theme colour id for ThemeColor. */
  readonly color: string;
}

export const ROLE_ICONS: Readonly<Record<Role, IconSpec>> = {
  leader: { id: 'star-full', color: 'charts.yellow' },
  candidate: { id: 'megaphone', color: 'charts.orange' },
  follower: { id: 'circle-filled', color: 'charts.blue' },
  crashed: { id: 'circle-slash', color: 'charts.red' },
};

/** One expandable detail line under a node (or under its log). */
export interface DetailRow {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly children?: readonly DetailRow[];
}

/** How many log entries the tree lists; older ones are summarised in one line. */
export const LOG_ROWS = 50;

export function contextValue(node: NodeView): NodeContextValue {
  return `${node.role}Node`;
}

export function nodeDescription(node: NodeView, protocol: ProtocolName): string {
  const parts: string[] = [node.role];
  if (protocol === 'raft' && node.currentTerm !== null) {
    parts.push(`term ${node.currentTerm}`, `log ${node.log.length}/${node.commitIndex}`);
  } else if (node.role !== 'crashed') {
    if (node.role === 'follower' && node.leader !== null) parts.push(`follows ${nodeLabel(node.leader)}`);
    if (node.role === 'candidate') parts.push(`${node.votesReceived.length} votes`);
  }
  return parts.join(' · ');
}

export function detailRows(node: NodeView, protocol: ProtocolName, now: number): DetailRow[] {
  const rows: DetailRow[] = [{ key: 'role', label: 'role', description: node.role }];
  if (protocol === 'raft') {
    rows.push(
      { key: 'currentTerm', label: 'currentTerm', description: String(node.currentTerm ?? '-') },
      { key: 'votedFor', label: 'votedFor', description: optionalNode(node.votedFor) },
    );
  }
  rows.push({ key: 'leader', label: 'leader', description: optionalNode(node.leader) });
  if (node.role === 'candidate' || node.votesReceived.length > 0) {
    rows.push({ key: 'votesReceived', label: 'votesReceived', description: node.votesReceived.map(nodeLabel).join(', ') || 'none yet' });
  }
  if (protocol === 'raft') {
    rows.push(logRow(node), { key: 'commitIndex', label: 'commitIndex', description: String(node.commitIndex) }, { key: 'lastApplied', label: 'lastApplied', description: String(node.lastApplied) });
    if (node.nextIndex) rows.push({ key: 'nextIndex', label: 'nextIndex', description: perPeer(node.nextIndex, node.id) });
    if (node.matchIndex) rows.push({ key: 'matchIndex', label: 'matchIndex', description: perPeer(node.matchIndex, node.id) });
  }
  for (const timer of node.timers) rows.push({ key: `timer.${timer.kind}`, label: `${timer.kind} timer`, description: timerText(timer, now) });
  if (node.inbox > 0) rows.push({ key: 'inbox', label: 'inbox', description: `${node.inbox} unread (the node is blocked waiting)` });
  for (const [name, value] of Object.entries(node.extra)) rows.push({ key: `extra.${name}`, label: name, description: String(value) });
  return rows;
}

function logRow(node: NodeView): DetailRow {
  const first = Math.max(0, node.log.length - LOG_ROWS);
  const entries: DetailRow[] = node.log.slice(first).map((entry, i) => {
    const index = first + i + 1;
    const state = index <= node.lastApplied ? 'applied' : index <= node.commitIndex ? 'committed' : 'not committed';
    return { key: `log.${index}`, label: `${index}`, description: `term ${entry.term} · ${entry.value} · ${state}` };
  });
  if (first > 0) entries.unshift({ key: 'log.earlier', label: '…', description: `${first} earlier entries` });
  return { key: 'log', label: 'log', description: `${node.log.length} entries, ${node.commitIndex} committed`, children: entries };
}

function optionalNode(id: number | null): string {
  return id === null ? 'none' : nodeLabel(id);
}

function perPeer(values: readonly number[], self: number): string {
  return values.map((v, peer) => (peer === self ? null : `${nodeLabel(peer)}=${v}`)).filter((s) => s !== null).join(' ');
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** Absolute times only, so a row changes when the timer is re-armed and not on every tick. */
function timerText(timer: TimerView, now: number): string {
  return timer.deadline >= now ? `fires at ${seconds(timer.deadline)} (armed at ${seconds(timer.start)})` : `fired at ${seconds(timer.deadline)}`;
}

/** Every field of the node as a Markdown table. */
export function tooltipMarkdown(node: NodeView, protocol: ProtocolName, now: number): string {
  const lines = [`**${nodeLabel(node.id)}** — ${node.role} (${protocol})`, '', '| field | value |', '|---|---|'];
  for (const row of detailRows(node, protocol, now)) lines.push(`| ${row.label} | ${escapeCell(row.description)} |`);
  const tail = node.log.slice(-5).map((e, i) => `${node.log.length - Math.min(5, node.log.length) + i + 1}:${e.term}:${e.value}`);
  if (protocol === 'raft') lines.push(`| last entries | ${escapeCell(tail.join(', ') || 'empty')} |`);
  return lines.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A key over everything the tree shows for one node: its item refreshes only when this changes. */
export function nodeKey(n: NodeView): string {
  return [n.role, n.currentTerm, n.votedFor, n.leader, n.log.length, n.log[n.log.length - 1]?.id, n.commitIndex, n.lastApplied, n.nextIndex?.join(','), n.matchIndex?.join(','), n.votesReceived.join(','), n.timers.map((t) => `${t.kind}@${t.start}-${t.deadline}`).join(','), n.inbox, JSON.stringify(n.extra)].join('|');
}
