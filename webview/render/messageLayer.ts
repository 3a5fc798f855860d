// Draws every message of a frame into a fixed set of <path> elements, one per look (see
// messageShapes.ts): batches are filled during the frame and written once at its end.
import { cargoPath, lookOf, markPath, ringPath, shapePath, type Look, type Shape } from './messageShapes';
import { setAttr, svg } from './dom';

const LOOKS: readonly Look[] = ['vote', 'append', 'simpleVote', 'voteReply', 'appendReply'];
/** Falling messages fade in steps, one path per step. */
export const FADE_STEPS = 4;

export class MessageLayer {
  private readonly shapes = new Map<Look, SVGPathElement>();
  private readonly cargo: SVGPathElement;
  private readonly granted: SVGPathElement;
  private readonly rejected: SVGPathElement;
  private readonly lost: SVGPathElement[] = [];
  private readonly ring: SVGPathElement;
  private batch = new Map<SVGPathElement, string[]>();

  constructor(parent: SVGElement) {
    const g = svg('g', { class: 'messages', 'aria-hidden': 'true' }, parent);
    for (const look of LOOKS) this.shapes.set(look, svg('path', { class: `m-shape m-${look}` }, g));
    this.cargo = svg('path', { class: 'm-cargo' }, g);
    this.granted = svg('path', { class: 'm-mark m-granted' }, g);
    this.rejected = svg('path', { class: 'm-mark m-rejected' }, g);
    for (let i = 0; i < FADE_STEPS; i++) this.lost.push(svg('path', { class: `m-lost m-fade${i}` }, g));
    this.ring = svg('path', { class: 'm-ring' }, g);
  }

  begin(): void {
    this.batch = new Map();
  }

  add(m: Shape, x: number, y: number, scale: number, selected = false): void {
    this.push(this.shapes.get(lookOf(m.kind))!, shapePath(m, x, y, scale));
    this.push(this.cargo, cargoPath(m, x, y, scale));
    this.push(m.granted ? this.granted : this.rejected, markPath(m, x, y, scale));
    if (selected) this.push(this.ring, ringPath(x, y, scale));
  }

  /** A lost message, `opacity` in (0, 1]. */
  addLost(m: Shape, x: number, y: number, scale: number, opacity: number): void {
    const step = Math.min(FADE_STEPS - 1, Math.floor((1 - opacity) * FADE_STEPS));
    this.push(this.lost[step]!, shapePath(m, x, y, scale));
  }

  end(): void {
    const all = [...this.shapes.values(), this.cargo, this.granted, this.rejected, ...this.lost, this.ring];
    for (const path of all) setAttr(path, 'd', this.batch.get(path)?.join('') ?? '');
  }

  private push(path: SVGPathElement, d: string): void {
    if (!d) return;
    const list = this.batch.get(path);
    if (list) list.push(d);
    else this.batch.set(path, [d]);
  }
}
