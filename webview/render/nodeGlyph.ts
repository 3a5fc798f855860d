// One node of the ring: a circle coloured by term (or by leader in `simple`), its id and term inside,
// its role outside, the running timer as an arc around it, and vote dots while it gathers votes.
import type { WireNode, WireProtocolName, WireTimer } from '../../src/protocol/messages';
import { nodeLabel } from '../../src/protocol/messages';
import type { NodePlace } from '../model/layout';
import { nodeSlot } from '../model/palette';
import { setAttr, setText, svg, toggleClass } from './dom';

/** Above this size the vote dots would be too small to read; the label gives "3/13 votes" instead. */
const MAX_VOTE_DOTS = 11;
/** Above this size followers carry no role label. */
const QUIET_FOLLOWERS_ABOVE = 9;

export interface NodeContext {
  readonly protocol: WireProtocolName;
  readonly clusterIds: readonly number[];
  readonly electionTimeoutMax: number;
  readonly heartbeatInterval: number;
  /** Nodes named by the newest invariant violation: ringed in the error colour. */
  readonly violators: ReadonlySet<number>;
}

export class NodeGlyph {
  readonly root: SVGGElement;
  private readonly halo: SVGCircleElement;
  private readonly track: SVGCircleElement;
  private readonly arc: SVGCircleElement;
  private readonly body: SVGCircleElement;
  private readonly cross: SVGPathElement;
  private readonly idText: SVGTextElement;
  private readonly termText: SVGTextElement;
  private readonly label: SVGTextElement;
  private readonly badge: SVGTextElement;
  private readonly dots: SVGGElement;
  private node: WireNode | null = null;
  private timer: WireTimer | null = null;
  private timerSpan = 1;
  private radius = 0;
  private slotClass = '';
  private dotsKey = '';
  private key = '';

  constructor(parent: SVGElement, readonly id: number) {
    this.root = svg('g', { class: 'node', 'data-node': id, tabindex: 0, role: 'button' }, parent);
    this.halo = svg('circle', { class: 'halo' }, this.root);
    this.track = svg('circle', { class: 'timer-track', transform: 'rotate(-90)' }, this.root);
    this.arc = svg('circle', { class: 'timer-arc', transform: 'rotate(-90)' }, this.root);
    this.body = svg('circle', { class: 'body' }, this.root);
    this.cross = svg('path', { class: 'cross' }, this.root);
    this.dots = svg('g', { class: 'votes' }, this.root);
    this.idText = svg('text', { class: 'node-id', 'text-anchor': 'middle' }, this.root);
    this.termText = svg('text', { class: 'node-term', 'text-anchor': 'middle' }, this.root);
    this.label = svg('text', { class: 'node-label' }, this.root);
    this.badge = svg('text', { class: 'group-badge', 'text-anchor': 'middle' }, this.root);
  }

  update(node: WireNode, ctx: NodeContext, place: NodePlace, radius: number, selected: boolean): void {
    // Snapshots are new objects every time; compare what is drawn, not identity (and not the log).
    const key = [
      node.role, node.currentTerm, node.votedFor, node.leader, node.votesReceived.join(','), node.inbox, node.log.length,
      node.commitIndex, node.timers.map((t) => `${t.kind}:${t.start}:${t.deadline}`).join(','), place.x, place.y, place.angle,
      radius, selected, ctx.violators.has(node.id), ctx.protocol, ctx.clusterIds.length, ctx.electionTimeoutMax, ctx.heartbeatInterval,
    ].join('|');
    this.node = node;
    if (key === this.key) return;
    this.key = key;
    const r = radius;
    this.radius = r;
    setAttr(this.root, 'transform', `translate(${place.x.toFixed(1)} ${place.y.toFixed(1)})`);
    const slot = nodeSlot(node, ctx.protocol);
    const slotClass = slot !== null ? `tc${slot}` : node.role === 'crashed' ? 'tc-none' : 'tc-neutral';
    if (slotClass !== this.slotClass) {
      if (this.slotClass) this.root.classList.remove(this.slotClass);
      this.root.classList.add(slotClass);
      this.slotClass = slotClass;
    }
    for (const role of ['leader', 'candidate', 'follower', 'crashed'] as const) toggleClass(this.root, role, node.role === role);
    toggleClass(this.root, 'selected', selected);
    toggleClass(this.root, 'violating', ctx.violators.has(node.id));

    setAttr(this.body, 'r', r.toFixed(1));
    setAttr(this.halo, 'r', (r + 12).toFixed(1));
    setAttr(this.track, 'r', (r + 5).toFixed(1));
    setAttr(this.arc, 'r', (r + 5).toFixed(1));
    const c = r * 0.42;
    setAttr(this.cross, 'd', node.role === 'crashed' ? `M${-c} ${-c}L${c} ${c}M${c} ${-c}L${-c} ${c}` : '');

    const big = Math.max(11, Math.min(22, r * 0.62));
    setAttr(this.idText, 'font-size', big.toFixed(1));
    setAttr(this.termText, 'font-size', Math.max(9, big * 0.58).toFixed(1));
    const hasTerm = node.currentTerm !== null;
    setAttr(this.idText, 'y', (hasTerm ? big * 0.12 : big * 0.36).toFixed(1));
    setAttr(this.termText, 'y', (big * 0.82).toFixed(1));
    setText(this.idText, `${nodeLabel(node.id)}`);
    setText(this.termText, hasTerm ? `T${node.currentTerm}` : '');

    this.placeLabel(place, r, this.labelText(node, ctx));
    this.updateDots(node, ctx, r);
    this.updateContextMenu(node);
    this.root.setAttribute('aria-label', describeNode(node));
    this.pickTimer(node, ctx);
  }

  /** Per frame: only the timer arc moves. */
  draw(time: number): void {
    const t = this.timer;
    const circumference = 2 * Math.PI * (this.radius + 5);
    if (!t || !this.node || this.node.role === 'crashed') {
      setAttr(this.arc, 'stroke-dasharray', `0 ${circumference.toFixed(1)}`);
      return;
    }
    const remaining = Math.min(1, Math.max(0, (t.deadline - time) / this.timerSpan));
    setAttr(this.arc, 'stroke-dasharray', `${(remaining * circumference).toFixed(1)} ${circumference.toFixed(1)}`);
  }

  setDraftGroup(group: number | null): void {
    setText(this.badge, group === null ? '' : String.fromCharCode(65 + group));
    setAttr(this.badge, 'y', (-this.radius - 14).toFixed(1));
    toggleClass(this.root, 'drafting', group !== null);
  }

  private labelText(node: WireNode, ctx: NodeContext): string {
    // In a big ring, a label on every follower is noise: followers are the default.
    if (node.role === 'follower' && ctx.clusterIds.length > QUIET_FOLLOWERS_ABOVE && node.inbox === 0) return '';
    if (node.role === 'candidate' && ctx.clusterIds.length > MAX_VOTE_DOTS) {
      return `candidate ${node.votesReceived.length}/${ctx.clusterIds.length}`;
    }
    if (node.inbox > 0) return `${node.role} (${node.inbox} unread)`;
    return node.role;
  }

  private placeLabel(place: NodePlace, r: number, text: string): void {
    const cos = Math.cos(place.angle);
    const sin = Math.sin(place.angle);
    const d = r + 14;
    const anchor = cos > 0.35 ? 'start' : cos < -0.35 ? 'end' : 'middle';
    // Labels above the ring sit on their baseline; below it they hang from their top.
    const dy = sin < -0.35 ? -2 : sin > 0.35 ? 10 : 4;
    setAttr(this.label, 'x', (cos * d).toFixed(1));
    setAttr(this.label, 'y', (sin * d + dy).toFixed(1));
    setAttr(this.label, 'text-anchor', anchor);
    setText(this.label, text);
  }

  private updateDots(node: WireNode, ctx: NodeContext, r: number): void {
    const show = node.role === 'candidate' && ctx.clusterIds.length <= MAX_VOTE_DOTS;
    const key = show ? `${r}|${ctx.clusterIds.join(',')}|${node.votesReceived.join(',')}` : '';
    if (key === this.dotsKey) return;
    this.dotsKey = key;
    this.dots.replaceChildren();
    if (!show) return;
    const n = ctx.clusterIds.length;
    const dotR = Math.max(2.2, Math.min(4, (r * 0.9) / n));
    // A shallow arc under the text, one dot per cluster member, filled when that member voted yes.
    const spread = Math.min(Math.PI * 0.9, n * dotR * 3.2 / (r * 0.72));
    ctx.clusterIds.forEach((voter, i) => {
      const a = Math.PI / 2 + (n === 1 ? 0 : spread / 2 - (spread * i) / (n - 1));
      const granted = node.votesReceived.includes(voter);
      svg('circle', {
        class: granted ? 'vote granted' : 'vote',
        cx: (Math.cos(a) * r * 0.72).toFixed(1),
        cy: (Math.sin(a) * r * 0.74 + r * 0.06).toFixed(1),
        r: dotR.toFixed(1),
      }, this.dots);
    });
  }

  private updateContextMenu(node: WireNode): void {
    const context = JSON.stringify({
      webviewSection: 'node',
      nodeId: node.id,
      raftNodeState: `${node.role}Node`,
      preventDefaultContextMenuItems: true,
    });
    setAttr(this.root, 'data-vscode-context', context);
  }

  private pickTimer(node: WireNode, ctx: NodeContext): void {
    const wanted = node.role === 'leader' ? ['heartbeat', 'election', 'wait'] : ['election', 'wait', 'heartbeat'];
    this.timer = null;
    for (const kind of wanted) {
      const t = node.timers.find((x) => x.kind === kind);
      if (t) {
        this.timer = t;
        break;
      }
    }
    const t = this.timer;
    // Election arcs share one scale so the shortest arc is visibly the next to fire.
    this.timerSpan = !t ? 1 : t.kind === 'election' ? Math.max(ctx.electionTimeoutMax, t.deadline - t.start, 1)
      : t.kind === 'heartbeat' ? Math.max(ctx.heartbeatInterval, t.deadline - t.start, 1)
      : Math.max(t.deadline - t.start, 1);
    for (const kind of ['election', 'heartbeat', 'wait'] as const) toggleClass(this.arc, kind, t?.kind === kind);
  }
}

export function describeNode(node: WireNode): string {
  const parts = [`Node ${node.id}`, node.role];
  if (node.currentTerm !== null) parts.push(`term ${node.currentTerm}`);
  parts.push(`log ${node.log.length}, committed ${node.commitIndex}`);
  if (node.role === 'candidate') parts.push(`${node.votesReceived.length} votes`);
  return parts.join(', ');
}
