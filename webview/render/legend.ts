// A small key to the graph's shapes and marks, for the protocol being shown.
import type { WireMessage, WireProtocolName } from '../../src/protocol/messages';
import { html, svg } from './dom';
import { MessageGlyph } from './messageGlyph';

const SAMPLES: Record<WireProtocolName, readonly (readonly [string, Partial<WireMessage>])[]> = {
  raft: [
    ['RequestVote', { kind: 'RequestVote' }],
    ['vote granted', { kind: 'RequestVoteReply', granted: true }],
    ['vote refused', { kind: 'RequestVoteReply', granted: false }],
    ['AppendEntries', { kind: 'AppendEntries' }],
    ['with entries', { kind: 'AppendEntries', entries: 2 }],
    ['appended', { kind: 'AppendEntriesReply', granted: true }],
    ['rejected', { kind: 'AppendEntriesReply', granted: false }],
  ],
  simple: [
    ['heartbeat', { kind: 'heartbeat' }],
    ['candidacy', { kind: 'candidacy' }],
    ['vote', { kind: 'vote' }],
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
      const box = svg('svg', { width: 18, height: 18, viewBox: '-9 -9 18 18' }, item);
      const message: WireMessage = { id: -1, from: 0, to: 0, sentAt: 0, deliverAt: 0, term: null, granted: null, entries: 0, summary: label, kind: 'heartbeat', ...sample };
      new MessageGlyph(box, message);
      html('span', { text: label }, item);
    }
    const arc = html('span', { className: 'legend-item' }, this.root);
    const box = svg('svg', { width: 18, height: 18, viewBox: '-9 -9 18 18', class: 'legend-timer' }, arc);
    svg('path', { d: 'M0 -7A7 7 0 1 1 -7 0', class: 'timer-arc election' }, box);
    html('span', { text: protocol === 'raft' ? 'election timer left' : 'timer left' }, arc);
  }
}
