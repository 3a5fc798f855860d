// Per-node logs as a table painted on a canvas: one row per node, one cell per index. Entries are
// coloured by term, committed ones solid, uncommitted ones dashed; the leader's nextIndex (arrow)
// and matchIndex (underline) are marked on each follower's row. A canvas because a busy cluster
// changes many cells at every snapshot, and as DOM those cost more layout and paint than the rest
// of the panel together. The canvas covers only the visible rows (it is copied to the screen each
// time it changes, so its size matters); the index header stays on top while the rows scroll.
// Screen readers get one plain sentence per row from a hidden list; the pointer gets a tooltip per
// entry; a click on a row selects its node.
import type { ClusterSnapshot, WireNode } from '../../src/protocol/messages';
import { nodeLabel } from '../../src/protocol/messages';
import { logWindow, markingLeader, peerIndex, type LogWindow } from '../model/logWindow';
import { termSlot } from '../model/palette';
import { html, setText } from './dom';
import { readTheme, type CanvasTheme } from './theme';

export const CELL_WIDTH = 26;
const HEAD_WIDTH = 96;
const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 18;
const CELL_HEIGHT = 18;
/** .logs padding, left plus right (webview.css). */
const HORIZONTAL_PADDING = 24;

export class LogTable {
  readonly root: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly spacer: HTMLElement;
  private scrollTop = 0;
  private nodes: readonly WireNode[] = [];
  private leader: WireNode | null = null;
  private readonly spoken: HTMLUListElement;
  private readonly tooltip: HTMLElement;
  private theme: CanvasTheme | null = null;
  private width = 600;
  private last: ClusterSnapshot | null = null;
  private window: LogWindow = { first: 1, last: 1 };
  private drawnKey = '';

  constructor(parent: Element, private readonly onSelectNode: (id: number) => void) {
    this.root = html('section', { className: 'logs', attrs: { 'aria-label': 'Logs' } }, parent);
    this.caption = html('div', { className: 'logs-caption' }, this.root);
    this.scroller = html('div', { className: 'log-scroller' }, this.root);
    this.canvas = html('canvas', { className: 'log-canvas', attrs: { 'aria-hidden': 'true' } }, this.scroller);
    this.spacer = html('div', {}, this.scroller);
    this.scroller.addEventListener('scroll', () => {
      this.scrollTop = this.scroller.scrollTop;
      this.paint();
    }, { passive: true });
    this.spoken = html('ul', { className: 'sr-only' }, this.root);
    this.tooltip = html('div', { className: 'tooltip', attrs: { role: 'tooltip' } }, this.root);
    this.tooltip.hidden = true;
    this.canvas.addEventListener('click', (e) => {
      const node = this.rowAt(e.offsetY);
      if (node) this.onSelectNode(node.id);
    });
    this.canvas.addEventListener('pointermove', (e) => this.hover(e.offsetX, e.offsetY));
    this.canvas.addEventListener('pointerleave', () => (this.tooltip.hidden = true));
  }

  /** `width`: the section's box; the canvas fills it inside the padding. */
  setWidth(width: number): void {
    const inner = Math.max(HEAD_WIDTH + CELL_WIDTH, width - HORIZONTAL_PADDING);
    if (Math.abs(inner - this.width) < CELL_WIDTH / 2) return;
    this.width = inner;
    this.drawnKey = '';
    if (this.last) this.update(this.last);
  }

  themeChanged(): void {
    this.theme = null;
    this.drawnKey = '';
    if (this.last) this.update(this.last);
  }

  update(s: ClusterSnapshot): void {
    this.last = s;
    // simple replicates nothing: its nodes have no log to show.
    this.root.hidden = s.protocol === 'simple';
    if (this.root.hidden) return;
    const win = logWindow(s.nodes, (this.width - HEAD_WIDTH) / CELL_WIDTH);
    this.window = win;
    const leader = markingLeader(s.nodes);
    const longest = win.last - 1;
    setText(this.caption, longest === 0
      ? 'Logs: empty. Entries appear after a client request reaches a leader.'
      : `Logs: entries ${win.first}–${longest} of ${longest}. Solid = committed, dashed = not yet committed` +
        (leader ? `; ▾ = leader ${nodeLabel(leader.id)}'s nextIndex, underline = its matchIndex.` : '.'));
    const key = `${this.width}|${win.first}-${win.last}|${leader?.id}|` + s.nodes.map((n) => rowKey(n, leader, win)).join(';');
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    this.nodes = s.nodes;
    this.leader = leader;
    this.paint();
    this.speak(s.nodes, leader);
  }

  private paint(): void {
    const { nodes, leader, window: win } = this;
    const theme = (this.theme ??= readTheme());
    const total = HEADER_HEIGHT + nodes.length * ROW_HEIGHT;
    const view = Math.min(total, maxViewHeight());
    this.scroller.style.maxHeight = `${view}px`;
    this.spacer.style.height = `${total - view}px`;
    const ctx = fitCanvas(this.canvas, this.width, view);
    ctx.clearRect(0, 0, this.width, view);
    const first = Math.max(0, Math.floor(this.scrollTop / ROW_HEIGHT));
    const last = Math.min(nodes.length - 1, Math.ceil((this.scrollTop + view - HEADER_HEIGHT) / ROW_HEIGHT));
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, HEADER_HEIGHT, this.width, view - HEADER_HEIGHT);
    ctx.clip();
    for (let row = first; row <= last; row++) this.paintRow(ctx, theme, nodes[row]!, leader, win, HEADER_HEIGHT + row * ROW_HEIGHT - this.scrollTop);
    ctx.restore();
    ctx.textBaseline = 'middle';
    ctx.font = `10px ${theme.font}`;
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'left';
    ctx.fillText('index', 0, HEADER_HEIGHT / 2);
    ctx.textAlign = 'center';
    for (let i = win.first; i <= win.last; i++) ctx.fillText(String(i), cellX(i, win) + CELL_WIDTH / 2 - 1, HEADER_HEIGHT / 2);
  }

  private paintRow(ctx: CanvasRenderingContext2D, theme: CanvasTheme, node: WireNode, leader: WireNode | null, win: LogWindow, top: number): void {
    const mid = top + ROW_HEIGHT / 2;
    const crashed = node.role === 'crashed';
    ctx.globalAlpha = 1;
    ctx.textAlign = 'left';
    ctx.font = `600 12px ${theme.font}`;
    ctx.fillStyle = crashed ? theme.crashed : theme.foreground;
    ctx.fillText(`${nodeLabel(node.id)}`, 0, mid);
    ctx.font = `11px ${theme.font}`;
    ctx.fillStyle = crashed ? theme.crashed : node.role === 'leader' ? theme.foreground : theme.muted;
    ctx.fillText(node.role === 'leader' ? '★ leader' : node.role, 34, mid);

    const isLeader = leader?.id === node.id;
    const next = leader && !isLeader ? peerIndex(leader.nextIndex, node.id) : null;
    const match = leader && !isLeader ? peerIndex(leader.matchIndex, node.id) : null;
    const y = mid - CELL_HEIGHT / 2;
    ctx.font = `11px ${theme.monoFont}`;
    ctx.textAlign = 'center';
    for (let i = win.first; i <= win.last; i++) {
      const x = cellX(i, win);
      const entry = node.log[i - 1];
      ctx.globalAlpha = crashed ? 0.55 : 1;
      ctx.beginPath();
      ctx.roundRect(x + 0.5, y + 0.5, CELL_WIDTH - 3, CELL_HEIGHT - 1, 3);
      if (!entry) {
        ctx.globalAlpha = 0.45;
        ctx.setLineDash([1, 2]);
        ctx.strokeStyle = theme.border;
        ctx.lineWidth = 1;
        ctx.stroke();
      } else {
        const color = theme.slots[termSlot(entry.term)]!;
        const committed = i <= node.commitIndex;
        ctx.setLineDash(committed ? [] : [3, 2]);
        ctx.lineWidth = committed ? 1 : 1.5;
        ctx.strokeStyle = color;
        if (committed) {
          ctx.fillStyle = color;
          ctx.fill();
        }
        ctx.stroke();
        ctx.fillStyle = committed ? theme.background : theme.foreground;
        // Alphabetic baseline: 'middle' sits high in common monospace fonts.
        ctx.textBaseline = 'alphabetic';
        ctx.fillText(String(entry.term), x + (CELL_WIDTH - 2) / 2, mid + 4);
        ctx.textBaseline = 'middle';
      }
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
      if (match !== null && i <= match) {
        ctx.fillStyle = theme.foreground;
        ctx.fillRect(x + 1, y + CELL_HEIGHT + 1, CELL_WIDTH - 4, 2);
      }
      if (next === i) {
        ctx.fillStyle = theme.nextIndex;
        ctx.beginPath();
        const cx = x + (CELL_WIDTH - 2) / 2;
        ctx.moveTo(cx - 4, top);
        ctx.lineTo(cx + 4, top);
        ctx.lineTo(cx, top + 4);
        ctx.closePath();
        ctx.fill();
      }
    }
  }

  private speak(nodes: readonly WireNode[], leader: WireNode | null): void {
    while (this.spoken.children.length > nodes.length) this.spoken.lastElementChild!.remove();
    nodes.forEach((node, i) => {
      const li = (this.spoken.children[i] as HTMLLIElement | undefined) ?? html('li', {}, this.spoken);
      const parts = [`Node ${node.id} ${node.role}`, `log of ${node.log.length} entries, ${node.commitIndex} committed`];
      const last = node.log[node.log.length - 1];
      if (last) parts.push(`last entry term ${last.term}`);
      if (leader && leader.id !== node.id) parts.push(`leader's nextIndex ${peerIndex(leader.nextIndex, node.id)}, matchIndex ${peerIndex(leader.matchIndex, node.id)}`);
      setText(li, parts.join('; '));
    });
  }

  /** `y` in the canvas, which stays at the top of the scrolled view. */
  private rowAt(y: number): WireNode | null {
    const row = Math.floor((y - HEADER_HEIGHT + this.scrollTop) / ROW_HEIGHT);
    return y < HEADER_HEIGHT ? null : this.nodes[row] ?? null;
  }

  private hover(x: number, y: number): void {
    const node = this.rowAt(y);
    const index = x < HEAD_WIDTH ? null : this.window.first + Math.floor((x - HEAD_WIDTH) / CELL_WIDTH);
    const entry = node && index !== null ? node.log[index - 1] : undefined;
    this.canvas.classList.toggle('over-row', node !== null);
    this.tooltip.hidden = !entry;
    if (!entry || !node || index === null) return;
    this.tooltip.textContent = `${nodeLabel(node.id)}, index ${index}, term ${entry.term}: ${entry.value} (${index <= node.commitIndex ? 'committed' : 'not committed'})`;
    this.tooltip.style.left = `${Math.min(x + 12, this.width - 260)}px`;
    this.tooltip.style.top = `${this.canvas.offsetTop - this.scrollTop + y + 14}px`;
  }
}

/** The log table takes at most a quarter of the panel's height (and 220 px); more rows scroll. */
function maxViewHeight(): number {
  return Math.max(HEADER_HEIGHT + 2 * ROW_HEIGHT, Math.min(window.innerHeight * 0.26, 220));
}

function cellX(index: number, win: LogWindow): number {
  return HEAD_WIDTH + (index - win.first) * CELL_WIDTH;
}

function rowKey(node: WireNode, leader: WireNode | null, win: LogWindow): string {
  const terms = node.log.slice(win.first - 1, win.last).map((e) => e.term).join(',');
  const marks = leader && leader.id !== node.id ? `${peerIndex(leader.nextIndex, node.id)}/${peerIndex(leader.matchIndex, node.id)}` : '';
  return `${node.id}|${node.role}|${node.commitIndex}|${terms}|${marks}`;
}

/** A canvas sized to a CSS box at the screen's pixel density, with its context scaled to CSS px. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}
