// A small key to the graph's shapes and marks, for the protocol being shown, drawn by the same
// shape code as the graph's messages.
import type { WireProtocolName } from '../../src/protocol/messages';
import { html, svg } from './dom';
import { cargoPath, lookOf, markPath, shapePath, type Shape } from './messageShapes';

type Sample = Shape;

const SAMPLES: Record<WireProtocolName, readonly (readonly [string, Sample])[]> = {
  raft: [
    ['RequestVote', { kind: 'RequestVote', granted: null, entries: 0 }],
    ['vote granted', { kind: 'RequestVoteReply', granted: true, entries: 0 }],
    ['vote refused', { kind: 'RequestVoteReply', granted: false, entries: 0 }],
    ['AppendEntries', { kind: 'AppendEntries', granted: null, entries: 0 }],
    ['with entries', { kind: 'AppendEntries', granted: null, entries: 2 }],
    ['appended', { kind: 'AppendEntriesReply', granted: true, entries: 0 }],
    ['rejected', { kind: 'AppendEntriesReply', granted: false, entries: 0 }],
  ],
  simple: [
    ['heartbeat', { kind: 'heartbeat', granted: null, entries: 0 }],
    ['candidacy', { kind: 'candidacy', granted: null, entries: 0 }],
    ['vote', { kind: 'vote', granted: null, entries: 0 }],
  ],
};

export class Legend {
  readonly root: HTMLElement;
  private protocol: WireProtocolName | null = null;

  constructor(parent: Element) {
    this.root = html('div', { className: 'legend', attrs: { 'aria-hidden': 'true' } }, parent);
  }

  update(protocol: WireProtocolName): void {
    if (protocol === this.protocol) return;
    this.protocol = protocol;
    this.root.replaceChildren();
    for (const [label, sample] of SAMPLES[protocol]) {
      const item = html('span', { className: 'legend-item' }, this.root);
      const box = svg('svg', { width: 18, height: 18, viewBox: '-9 -9 18 18', class: 'messages' }, item);
      svg('path', { class: `m-shape m-${lookOf(sample.kind)}`, d: shapePath(sample, 0, 0, 1) }, box);
      const cargo = cargoPath(sample, 0, 0, 1);
      if (cargo) svg('path', { class: 'm-cargo', d: cargo }, box);
      const mark = markPath(sample, 0, 0, 1);
      if (mark) svg('path', { class: `m-mark ${sample.granted ? 'm-granted' : 'm-rejected'}`, d: mark }, box);
      html('span', { text: label }, item);
    }
    const arc = html('span', { className: 'legend-item' }, this.root);
    const box = svg('svg', { width: 18, height: 18, viewBox: '-9 -9 18 18', class: 'legend-timer' }, arc);
    svg('path', { d: 'M0 -7A7 7 0 1 1 -7 0', class: 'timer-arc election' }, box);
    html('span', { text: protocol === 'raft' ? 'election timer left' : 'timer left' }, arc);
  }
}
