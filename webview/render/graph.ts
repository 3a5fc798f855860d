// The cluster graph: partition regions, nodes on a ring (focusable, with context menus and labels)
// and messages in flight, in one SVG sized in CSS pixels. Snapshots update node elements kept in a
// pool keyed by id, so a snapshot costs attribute writes, not rebuilt DOM; each animation frame
// moves timer arcs and rewrites the few batched message paths.
import type { ClusterSnapshot, WireMessage } from '../../src/protocol/messages';
import { nodeLabel } from '../../src/protocol/messages';
import { ringLayout, type Layout, type Point } from '../model/layout';
import { FALL_WALL_MS, fallen, messageScale, pointOnPath, progress, wasLost, type Path } from '../model/flight';
import { MessageLayer } from './messageLayer';
import { HIT_RADIUS } from './messageShapes';
import { NodeGlyph, type NodeContext } from './nodeGlyph';
import { html, setAttr, svg } from './dom';

export interface GraphHandlers {
  /** Click, Enter or Space on a node. */
  activateNode(id: number): void;
  selectMessage(id: number): void;
  clearSelection(): void;
  /** A node was dragged onto another node (or onto empty space: `null`); only while `canDrag()`. */
  dragNode(id: number, onto: number | null): void;
  canDrag(): boolean;
}

interface Flying {
  message: WireMessage;
  path: Path;
  last: Point;
}

interface Falling {
  readonly message: WireMessage;
  readonly at: Point;
  readonly since: number;
}

export class GraphView {
  readonly root: SVGSVGElement;
  private readonly regionLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  private readonly messageLayer: MessageLayer;
  private readonly tooltip: HTMLElement;
  private readonly dragLine: SVGLineElement;
  private readonly nodes = new Map<number, NodeGlyph>();
  private readonly flying = new Map<number, Flying>();
  private falling: Falling[] = [];
  private snapshot: ClusterSnapshot | null = null;
  private layout: Layout | null = null;
  private layoutKey = '';
  private width = 600;
  private height = 600;
  private selectedNode: number | null = null;
  private selectedMessage: number | null = null;
  private draft: ReadonlyMap<number, number> | null = null;
  private smooth = true;

  constructor(parent: Element, private readonly handlers: GraphHandlers) {
    this.root = svg('svg', { class: 'graph', role: 'group', 'aria-label': 'Cluster graph' }, parent);
    this.regionLayer = svg('g', { class: 'regions' }, this.root);
    this.nodeLayer = svg('g', { class: 'nodes' }, this.root);
    this.messageLayer = new MessageLayer(this.root);
    this.dragLine = svg('line', { class: 'drag-line' }, this.root);
    this.tooltip = html('div', { className: 'tooltip', attrs: { role: 'tooltip' } }, parent);
    this.tooltip.hidden = true;
    this.listen();
  }

  /** Messages in flight, by arrival time (keyboard selection walks them in this order). */
  messagesInFlight(): WireMessage[] {
    return [...this.flying.values()].map((f) => f.message).sort((a, b) => a.deliverAt - b.deliverAt || a.id - b.id);
  }

  setSmooth(smooth: boolean): void {
    this.smooth = smooth;
  }

  setSize(width: number, height: number): void {
    if (Math.abs(width - this.width) < 1 && Math.abs(height - this.height) < 1) return;
    this.width = width;
    this.height = height;
    setAttr(this.root, 'viewBox', `0 0 ${width.toFixed(0)} ${height.toFixed(0)}`);
    if (this.snapshot) this.refresh();
  }

  setSelection(node: number | null, message: number | null): void {
    this.selectedNode = node;
    this.selectedMessage = message;
    if (this.snapshot) this.refreshNodes();
  }

  /** The partition being drawn by the user, node -> group; `null` when not editing. */
  setDraft(draft: ReadonlyMap<number, number> | null): void {
    this.draft = draft;
    if (this.snapshot) this.refresh();
  }

  /** A new snapshot. `jumped` = the timeline moved other than forward (seek, step back, new cluster). */
  setSnapshot(s: ClusterSnapshot, jumped: boolean, wall: number): void {
    const prev = this.snapshot;
    this.snapshot = s;
    if (jumped || !prev) this.clearFalling();
    this.refresh();
    this.updateMessages(s, jumped || !prev, wall);
  }

  clear(): void {
    this.snapshot = null;
    for (const g of this.nodes.values()) g.root.remove();
    this.nodes.clear();
    this.flying.clear();
    this.falling = [];
    this.messageLayer.begin();
    this.messageLayer.end();
    this.regionLayer.replaceChildren();
    this.layoutKey = '';
  }

  /** Moves messages and timer arcs to simulated `time`; returns true while a lost message is still falling. */
  draw(time: number, wall: number): boolean {
    for (const g of this.nodes.values()) g.draw(time);
    const layer = this.messageLayer;
    layer.begin();
    const scale = messageScale(this.layout?.nodeRadius ?? 30);
    for (const f of this.flying.values()) {
      const p = pointOnPath(f.path, progress(f.message.sentAt, f.message.deliverAt, time));
      f.last = p;
      const selected = f.message.id === this.selectedMessage;
      layer.add(f.message, p.x, p.y, selected ? scale * 1.25 : scale, selected);
    }
    this.falling = this.falling.filter((f) => wall - f.since < FALL_WALL_MS);
    for (const f of this.falling) {
      const { point, opacity } = fallen(f.at, wall - f.since);
      layer.addLost(f.message, point.x, point.y, scale, opacity);
    }
    layer.end();
    return this.falling.length > 0;
  }

  nodeElement(id: number): SVGGElement | null {
    return this.nodes.get(id)?.root ?? null;
  }

  private refresh(): void {
    const s = this.snapshot!;
    const ids = s.nodes.map((n) => n.id);
    const groups = this.draft ? draftGroups(ids, this.draft) : s.partitions;
    const key = `${this.width}x${this.height}|${ids.join(',')}|${JSON.stringify(groups)}`;
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.layout = ringLayout(ids, groups, this.width, this.height);
      this.drawRegions(this.layout);
      for (const f of this.flying.values()) f.path = this.pathFor(f.message);
    }
    this.refreshNodes();
  }

  private refreshNodes(): void {
    const s = this.snapshot!;
    const layout = this.layout!;
    const ctx: NodeContext = {
      protocol: s.protocol,
      clusterIds: s.nodes.map((n) => n.id),
      electionTimeoutMax: s.electionTimeoutMax,
      heartbeatInterval: s.heartbeatInterval,
      violators: new Set(s.violations[s.violations.length - 1]?.nodes ?? []),
    };
    const seen = new Set<number>();
    for (const node of s.nodes) {
      seen.add(node.id);
      let glyph = this.nodes.get(node.id);
      if (!glyph) {
        glyph = new NodeGlyph(this.nodeLayer, node.id);
        this.nodes.set(node.id, glyph);
      }
      glyph.update(node, ctx, layout.places.get(node.id)!, layout.nodeRadius, node.id === this.selectedNode);
      glyph.setDraftGroup(this.draft ? this.draft.get(node.id) ?? 0 : null);
    }
    for (const [id, glyph] of this.nodes) {
      if (!seen.has(id)) {
        glyph.root.remove();
        this.nodes.delete(id);
      }
    }
  }

  private updateMessages(s: ClusterSnapshot, jumped: boolean, wall: number): void {
    const present = new Set<number>();
    for (const m of s.messages) {
      present.add(m.id);
      const existing = this.flying.get(m.id);
      if (existing) {
        existing.message = m;
        continue;
      }
      const path = this.pathFor(m);
      this.flying.set(m.id, { message: m, path, last: pointOnPath(path, 0) });
    }
    for (const [id, f] of this.flying) {
      if (present.has(id)) continue;
      this.flying.delete(id);
      if (!jumped && this.smooth && wasLost(f.message, s)) this.falling.push({ message: f.message, at: f.last, since: wall });
    }
  }

  private pathFor(m: WireMessage): Path {
    const layout = this.layout!;
    const from = layout.places.get(m.from) ?? layout.center;
    const to = layout.places.get(m.to) ?? layout.center;
    const self = m.from === m.to ? (layout.places.get(m.from)?.angle ?? 0) : null;
    return { from, to, nodeRadius: layout.nodeRadius, selfAngle: self };
  }

  private drawRegions(layout: Layout): void {
    this.regionLayer.replaceChildren();
    const outer = layout.ringRadius + layout.nodeRadius + 26;
    const { x: cx, y: cy } = layout.center;
    layout.regions.forEach((region, i) => {
      const mid = (region.startAngle + region.endAngle) / 2;
      // The apex is pushed out along the bisector so neighbouring regions leave a visible gap.
      const ax = cx + Math.cos(mid) * 12;
      const ay = cy + Math.sin(mid) * 12;
      const a0 = region.startAngle;
      const a1 = region.endAngle;
      const large = a1 - a0 > Math.PI ? 1 : 0;
      const d = region.nodes.length === layout.places.size
        ? ''
        : `M${ax.toFixed(1)} ${ay.toFixed(1)}L${(cx + Math.cos(a0) * outer).toFixed(1)} ${(cy + Math.sin(a0) * outer).toFixed(1)}` +
          `A${outer.toFixed(1)} ${outer.toFixed(1)} 0 ${large} 1 ${(cx + Math.cos(a1) * outer).toFixed(1)} ${(cy + Math.sin(a1) * outer).toFixed(1)}Z`;
      svg('path', { class: `region g${i % 4}${this.draft ? ' draft' : ''}`, d }, this.regionLayer);
      if (this.draft) return; // while drafting, the letter badges on the nodes name the groups
      // Inside the region, between the centre and the ring, where no node label can be.
      const lx = cx + Math.cos(mid) * layout.ringRadius * 0.42;
      const ly = cy + Math.sin(mid) * layout.ringRadius * 0.42 + 4;
      const label = svg('text', { class: 'region-label', x: lx.toFixed(1), y: ly.toFixed(1), 'text-anchor': 'middle' }, this.regionLayer);
      label.textContent = `group ${String.fromCharCode(65 + i)}`;
    });
  }

  private clearFalling(): void {
    this.falling = [];
  }

  /** The message drawn under a point of the graph (the topmost, i.e. the last painted), if any. */
  private messageAt(x: number, y: number): WireMessage | null {
    const r = HIT_RADIUS * messageScale(this.layout?.nodeRadius ?? 30);
    let hit: WireMessage | null = null;
    let best = r * r;
    for (const f of this.flying.values()) {
      const d = (f.last.x - x) ** 2 + (f.last.y - y) ** 2;
      if (d <= best) {
        best = d;
        hit = f.message;
      }
    }
    return hit;
  }

  private listen(): void {
    const nodeOf = (target: EventTarget | null): number | null => {
      const el = target instanceof Element ? target.closest('[data-node]') : null;
      return el ? Number(el.getAttribute('data-node')) : null;
    };
    this.root.addEventListener('click', (e) => {
      if (this.dragged) return;
      const at = this.toLocal(e.clientX, e.clientY);
      const message = this.messageAt(at.x, at.y);
      if (message) return this.handlers.selectMessage(message.id);
      const node = nodeOf(e.target);
      if (node !== null) return this.handlers.activateNode(node);
      this.handlers.clearSelection();
    });
    this.root.addEventListener('pointermove', (e) => {
      if (this.dragFrom) return;
      const at = this.toLocal(e.clientX, e.clientY);
      const message = this.messageAt(at.x, at.y);
      this.root.classList.toggle('over-message', message !== null);
      this.tooltip.hidden = message === null;
      if (!message) return;
      this.tooltip.textContent = `${message.summary} (${nodeLabel(message.from)} → ${nodeLabel(message.to)}). Click to inspect or drop.`;
      this.tooltip.style.left = `${Math.min(at.x + 14, this.width - 260)}px`;
      this.tooltip.style.top = `${at.y + 14}px`;
    });
    this.root.addEventListener('pointerleave', () => (this.tooltip.hidden = true));
    this.root.addEventListener('keydown', (e) => {
      const node = nodeOf(e.target);
      if (node !== null && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        e.stopPropagation();
        this.handlers.activateNode(node);
      }
    });
    this.root.addEventListener('pointerdown', (e) => {
      const node = nodeOf(e.target);
      if (node === null || e.button !== 0 || !this.handlers.canDrag()) return;
      this.dragFrom = { id: node, x: e.clientX, y: e.clientY };
      this.dragged = false;
    });
    this.root.addEventListener('pointermove', (e) => {
      const from = this.dragFrom;
      if (!from) return;
      this.tooltip.hidden = true;
      if (!this.dragged && Math.hypot(e.clientX - from.x, e.clientY - from.y) < 6) return;
      // Captured only once it is a drag: a capture from pointerdown would retarget a plain click.
      if (!this.dragged) this.root.setPointerCapture(e.pointerId);
      this.dragged = true;
      const start = this.layout?.places.get(from.id);
      const at = this.toLocal(e.clientX, e.clientY);
      if (!start) return;
      setAttr(this.dragLine, 'x1', start.x.toFixed(1));
      setAttr(this.dragLine, 'y1', start.y.toFixed(1));
      setAttr(this.dragLine, 'x2', at.x.toFixed(1));
      setAttr(this.dragLine, 'y2', at.y.toFixed(1));
      this.dragLine.classList.add('active');
    });
    const end = (e: PointerEvent): void => {
      const from = this.dragFrom;
      this.dragFrom = null;
      this.dragLine.classList.remove('active');
      if (!from || !this.dragged) {
        this.dragged = false;
        return;
      }
      const onto = nodeOf(document.elementFromPoint(e.clientX, e.clientY));
      this.handlers.dragNode(from.id, onto === from.id ? null : onto);
      // The click that follows a drag must not also select.
      setTimeout(() => (this.dragged = false), 0);
    };
    this.root.addEventListener('pointerup', end);
    this.root.addEventListener('pointercancel', end);
  }

  private dragFrom: { id: number; x: number; y: number } | null = null;
  private dragged = false;

  private toLocal(clientX: number, clientY: number): Point {
    const box = this.root.getBoundingClientRect();
    return { x: clientX - box.left, y: clientY - box.top };
  }
}

function draftGroups(ids: readonly number[], draft: ReadonlyMap<number, number>): number[][] {
  const groups = new Map<number, number[]>();
  for (const id of ids) {
    const g = draft.get(id) ?? 0;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(id);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}
