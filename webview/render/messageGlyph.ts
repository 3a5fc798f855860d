// One message in flight. Kind is told by colour (CSS class per kind) and by shape: RequestVote a
// circle, AppendEntries a square (larger when it carries entries), simple's heartbeat a small circle,
// candidacy a diamond, vote a triangle. Replies are hollow with a tick (granted / success) or a
// cross (rejected).
import type { WireMessage } from '../../src/protocol/messages';
import { setAttr, svg, toggleClass } from './dom';

const TICK = 'M-3.2 0.2L-1 2.6L3.4 -2.4';
const CROSS = 'M-2.6 -2.6L2.6 2.6M2.6 -2.6L-2.6 2.6';

export class MessageGlyph {
  readonly root: SVGGElement;
  private readonly title: SVGTitleElement;

  /** Glyphs shrink in big rings, where full-size ones would hide the nodes. */
  constructor(parent: SVGElement, readonly message: WireMessage, private readonly scale = 1) {
    const m = message;
    const reply = m.granted !== null;
    const classes = ['msg', `k-${m.kind}`];
    if (reply) classes.push('reply', m.granted ? 'granted' : 'rejected');
    this.root = svg('g', { class: classes.join(' '), 'data-msg': m.id }, parent);
    svg('circle', { class: 'hit', r: 11 }, this.root);
    shape(m, this.root);
    if (reply) svg('path', { class: 'mark', d: m.granted ? TICK : CROSS }, this.root);
    this.title = svg('title', {}, this.root);
    this.title.textContent = `${m.summary} (${m.from} → ${m.to})`;
  }

  moveTo(x: number, y: number, opacity = 1): void {
    const scale = this.scale === 1 ? '' : ` scale(${this.scale.toFixed(2)})`;
    this.root.setAttribute('transform', `translate(${x.toFixed(1)} ${y.toFixed(1)})${scale}`);
    if (opacity < 1) this.root.style.opacity = opacity.toFixed(2);
  }

  setSelected(selected: boolean): void {
    toggleClass(this.root, 'selected', selected);
  }

  markLost(): void {
    this.root.classList.add('lost');
    setAttr(this.root, 'aria-hidden', 'true');
  }
}

function shape(m: WireMessage, parent: SVGGElement): void {
  switch (m.kind) {
    case 'RequestVote':
    case 'RequestVoteReply':
      svg('circle', { class: 'shape', r: 6.5 }, parent);
      return;
    case 'AppendEntries':
    case 'AppendEntriesReply': {
      const s = m.kind === 'AppendEntries' && m.entries > 0 ? 8 : 6;
      svg('rect', { class: 'shape', x: -s, y: -s, width: 2 * s, height: 2 * s, rx: 2 }, parent);
      if (m.kind === 'AppendEntries' && m.entries > 0) {
        const t = svg('text', { class: 'count', 'text-anchor': 'middle', y: 3.5 }, parent);
        t.textContent = m.entries > 9 ? '9+' : String(m.entries);
      }
      return;
    }
    case 'heartbeat':
      svg('circle', { class: 'shape', r: 5 }, parent);
      return;
    case 'candidacy':
      svg('path', { class: 'shape', d: 'M0 -7.5L7.5 0L0 7.5L-7.5 0Z' }, parent);
      return;
    case 'vote':
      svg('path', { class: 'shape', d: 'M0 -7L6.5 5L-6.5 5Z' }, parent);
      return;
  }
}
