// Per-node logs as a table: one row per node, one cell per index. Entries are coloured by term,
// committed ones solid, uncommitted ones dashed; the leader's nextIndex (arrow) and matchIndex (bar)
// are marked on each follower's row. Rows are rebuilt only when what they show changed.
import type { ClusterSnapshot, WireNode } from '../../src/protocol/messages';
import { logWindow, markingLeader, peerIndex, type LogWindow } from '../model/logWindow';
import { termSlot } from '../model/palette';
import { html } from './dom';

export const CELL_WIDTH = 26;
const HEAD_WIDTH = 92;

export class LogTable {
  readonly root: HTMLElement;
  private readonly header: HTMLElement;
  private readonly body: HTMLElement;
  private readonly caption: HTMLElement;
  private rows = new Map<number, { el: HTMLElement; key: string }>();
  private headerKey = '';
  private width = 600;
  private last: ClusterSnapshot | null = null;

  constructor(parent: Element, private readonly onSelectNode: (id: number) => void) {
    this.root = html('section', { className: 'logs', attrs: { 'aria-label': 'Logs' } }, parent);
    this.caption = html('div', { className: 'logs-caption' }, this.root);
    this.header = html('div', { className: 'log-row log-header', attrs: { 'aria-hidden': 'true' } }, this.root);
    this.body = html('div', { className: 'log-rows', attrs: { role: 'list' } }, this.root);
    this.body.addEventListener('click', (e) => {
      const row = e.target instanceof Element ? e.target.closest('[data-row]') : null;
      if (row) this.onSelectNode(Number(row.getAttribute('data-row')));
    });
  }

  setWidth(width: number): void {
    if (Math.abs(width - this.width) < CELL_WIDTH / 2) return;
    this.width = width;
    if (this.last) this.update(this.last);
  }

  update(s: ClusterSnapshot): void {
    this.last = s;
    // simple replicates nothing: its nodes have no log to show.
    this.root.hidden = s.protocol === 'simple';
    if (this.root.hidden) return;
    const win = logWindow(s.nodes, (this.width - HEAD_WIDTH) / CELL_WIDTH);
    const leader = markingLeader(s.nodes);
    const longest = win.last - 1;
    this.caption.textContent = longest === 0
      ? 'Logs: empty. Entries appear after a client request reaches a leader.'
      : `Logs: entries ${win.first}–${Math.min(win.last, longest)} of ${longest}. Solid = committed, dashed = not yet committed` +
        (leader ? `; ▾ = leader S${leader.id}'s nextIndex, underline = its matchIndex.` : '.');
    const headerKey = `${win.first}-${win.last}`;
    if (headerKey !== this.headerKey) {
      this.headerKey = headerKey;
      this.header.replaceChildren(html('span', { className: 'log-head', text: 'index' }));
      for (let i = win.first; i <= win.last; i++) html('span', { className: 'log-index', text: String(i) }, this.header);
    }
    const seen = new Set<number>();
    s.nodes.forEach((node, position) => {
      seen.add(node.id);
      const key = rowKey(node, leader, win);
      let row = this.rows.get(node.id);
      if (!row) {
        row = { el: html('div', { className: 'log-row', attrs: { 'data-row': node.id, role: 'listitem' } }), key: '' };
        this.rows.set(node.id, row);
      }
      if (this.body.children[position] !== row.el) this.body.insertBefore(row.el, this.body.children[position] ?? null);
      if (row.key !== key) {
        row.key = key;
        fillRow(row.el, node, leader, win);
      }
    });
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        row.el.remove();
        this.rows.delete(id);
      }
    }
  }
}

function rowKey(node: WireNode, leader: WireNode | null, win: LogWindow): string {
  const ids = node.log.slice(win.first - 1, win.last).map((e) => e.id).join(',');
  const marks = leader && leader.id !== node.id ? `${peerIndex(leader.nextIndex, node.id)}/${peerIndex(leader.matchIndex, node.id)}` : '';
  return `${win.first}-${win.last}|${node.role}|${node.currentTerm}|${node.commitIndex}|${node.log.length}|${ids}|${marks}|${leader?.id === node.id}`;
}

function fillRow(el: HTMLElement, node: WireNode, leader: WireNode | null, win: LogWindow): void {
  el.className = `log-row role-${node.role}`;
  const isLeader = leader?.id === node.id;
  const next = leader && !isLeader ? peerIndex(leader.nextIndex, node.id) : null;
  const match = leader && !isLeader ? peerIndex(leader.matchIndex, node.id) : null;
  const head = html('span', { className: 'log-head' });
  html('span', { className: 'log-node', text: `S${node.id}` }, head);
  html('span', { className: 'log-role', text: node.role === 'leader' ? '★ leader' : node.role }, head);
  const cells: HTMLElement[] = [head];
  for (let i = win.first; i <= win.last; i++) {
    const entry = node.log[i - 1];
    const cell = html('span', { className: 'log-cell' });
    if (entry) {
      cell.classList.add('entry', `tc${termSlot(entry.term)}`, i <= node.commitIndex ? 'committed' : 'uncommitted');
      cell.textContent = String(entry.term);
      cell.title = `index ${i}, term ${entry.term}: ${entry.value}${i <= node.commitIndex ? ' (committed)' : ' (not committed)'}`;
    } else {
      cell.classList.add('empty');
    }
    if (next === i) cell.classList.add('next-index');
    if (match !== null && i <= match) cell.classList.add('matched');
    cells.push(cell);
  }
  el.replaceChildren(...cells);
  const parts = [`S${node.id} ${node.role}`, `${node.log.length} entries, ${node.commitIndex} committed`];
  if (next !== null) parts.push(`leader's nextIndex ${next}, matchIndex ${match}`);
  el.setAttribute('aria-label', parts.join('; '));
}
