// The aria-live region. Each announcement replaces the last, cleared first so a repeated sentence
// is spoken again.
import { html } from '../render/dom';

export class Announcer {
  private readonly region: HTMLElement;

  constructor(parent: Element) {
    this.region = html('div', { className: 'sr-only', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', role: 'status' } }, parent);
  }

  say(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.region.textContent = '';
    // Setting the text a moment after clearing it is what screen readers reliably pick up.
    setTimeout(() => (this.region.textContent = lines.join(' ')), 40);
  }
}
