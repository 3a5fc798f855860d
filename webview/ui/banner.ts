// The violation banner: the newest invariant violation, named, with a link that seeks to the event
// after which the checker saw it, and a count of the others.
import type { ClusterSnapshot } from '../../src/protocol/messages';
import { nodeLabel } from '../../src/protocol/messages';
import { formatTime } from '../model/format';
import { html } from '../render/dom';

export class ViolationBanner {
  readonly root: HTMLElement;
  private key = '';

  constructor(parent: Element, private readonly seek: (seq: number) => void) {
    this.root = html('div', { className: 'banner', attrs: { role: 'alert' } }, parent);
    this.root.hidden = true;
  }

  update(s: ClusterSnapshot): void {
    const latest = s.violations[s.violations.length - 1];
    const key = latest ? `${s.violations.length}|${latest.seq}|${latest.message}` : '';
    if (key === this.key) return;
    this.key = key;
    this.root.replaceChildren();
    this.root.hidden = !latest;
    if (!latest) return;
    html('strong', { text: `⚠ ${latest.invariant} violated` }, this.root);
    html('span', { text: ` at ${formatTime(latest.time)}: ${latest.message}` }, this.root);
    if (latest.nodes.length) html('span', { className: 'muted', text: ` (nodes ${latest.nodes.map((n) => `${nodeLabel(n)}`).join(', ')})` }, this.root);
    const link = html('a', { className: 'seek-link', text: `Go to event #${latest.seq}`, attrs: { href: '#', role: 'button' } }, this.root);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      this.seek(latest.seq);
    });
    if (s.violations.length > 1) html('span', { className: 'muted', text: ` · ${s.violations.length - 1} earlier` }, this.root);
  }
}
