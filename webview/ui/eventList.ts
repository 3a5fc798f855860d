// The event list: the host's plain-words explanation of each recent event, newest first (where the
// eye is while stepping; it also never needs scrolling to follow, which would force a layout on every
// snapshot), the current one marked. Selecting an event seeks there (the graph shows that moment); each has a link to the
// code that handled it. Rows are keyed by seq and only added or removed, never all rebuilt.
import type { ClusterSnapshot, WireEvent } from '../../src/protocol/messages';
import { nodeLabel } from '../../src/protocol/messages';
import { formatTime } from '../model/format';
import { html } from '../render/dom';

/**
 * Rows kept: the newest events (the timeline reaches every older moment). While playing, a busy
 * cluster replaces most rows at every update and nobody reads past the first screen, so fewer.
 */
export const MAX_ROWS = { paused: 60, playing: 20 } as const;

export interface EventActions {
  seek(seq: number): void;
  showCode(seq: number): void;
}

export class EventList {
  readonly root: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLElement;
  private readonly rows = new Map<number, HTMLLIElement>();
  private current = -1;
  private highlighted: number | null = null;

  constructor(parent: Element, private readonly actions: EventActions) {
    this.root = html('section', { className: 'events', attrs: { 'aria-label': 'Events' } }, parent);
    html('h2', { text: 'Events' }, this.root);
    this.empty = html('p', { className: 'muted', text: 'No events yet. Press Step or Play.' }, this.root);
    this.list = html('ol', { attrs: { role: 'listbox', 'aria-label': 'Recent events, newest first; Enter goes to that moment, C shows its code' } }, this.root);
    this.list.addEventListener('click', (e) => {
      const target = e.target instanceof Element ? e.target : null;
      const row = target?.closest('li');
      if (!row) return;
      const seq = Number(row.dataset.seq);
      if (target?.closest('.code-link')) this.actions.showCode(seq);
      else this.actions.seek(seq);
    });
    this.list.addEventListener('keydown', (e) => this.onKey(e));
  }

  update(s: ClusterSnapshot): void {
    const events = s.events.slice(-(s.session.paused ? MAX_ROWS.paused : MAX_ROWS.playing));
    const wanted = new Set(events.map((e) => e.seq));
    for (const [seq, row] of this.rows) {
      if (!wanted.has(seq)) {
        row.remove();
        this.rows.delete(seq);
      }
    }
    // Rows left are already in order; walking newest to oldest inserts new ones with minimal moves.
    let cursor = this.list.firstElementChild;
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      let row = this.rows.get(event.seq);
      if (!row) {
        row = this.row(event);
        this.rows.set(event.seq, row);
      }
      if (row === cursor) cursor = cursor.nextElementSibling;
      else this.list.insertBefore(row, cursor);
    }
    this.empty.hidden = s.events.length > 0;
    this.setCurrent(s.seq);
  }

  /** Highlight one event (the host's selectEvent) and bring it into view. */
  highlight(seq: number): void {
    this.rows.get(this.highlighted ?? -1)?.classList.remove('highlighted');
    this.highlighted = seq;
    const row = this.rows.get(seq);
    row?.classList.add('highlighted');
    row?.scrollIntoView({ block: 'nearest' });
  }

  private setCurrent(seq: number): void {
    if (seq === this.current) return;
    const old = this.rows.get(this.current);
    old?.classList.remove('current');
    old?.setAttribute('aria-selected', 'false');
    this.current = seq;
    const row = this.rows.get(seq);
    row?.classList.add('current');
    row?.setAttribute('aria-selected', 'true');
    // Exactly one row is in the tab order: the current one, else the newest.
    const focusable = row ?? (this.list.firstElementChild as HTMLLIElement | null);
    for (const r of this.rows.values()) r.tabIndex = r === focusable ? 0 : -1;
  }

  /** Plain blocks, few elements: a busy cluster replaces most rows at every update. */
  private row(e: WireEvent): HTMLLIElement {
    const li = html('li', { attrs: { role: 'option', 'data-seq': e.seq, 'aria-selected': 'false' } });
    li.tabIndex = -1;
    const head = html('div', { className: 'ev-head', text: `#${e.seq}  ${formatTime(e.time)}  ` }, li);
    html('b', { text: e.node < 0 ? 'cluster' : `${nodeLabel(e.node)}` }, head);
    html('div', { className: 'ev-text', text: e.text }, li);
    const code = html('button', { className: 'code-link', text: '</>', attrs: { type: 'button', title: `Show the code that handled this (${e.rule})`, 'aria-label': `Show code for event ${e.seq}` } }, li);
    code.tabIndex = -1;
    li.title = `${e.kind} · rule ${e.rule}`;
    return li;
  }

  private onKey(e: KeyboardEvent): void {
    const row = e.target instanceof HTMLLIElement ? e.target : null;
    if (!row) return;
    const move = (to: Element | null): void => {
      if (!(to instanceof HTMLLIElement)) return;
      row.tabIndex = -1;
      to.tabIndex = 0;
      to.focus();
    };
    const seq = Number(row.dataset.seq);
    switch (e.key) {
      case 'ArrowDown':
        move(row.nextElementSibling);
        break;
      case 'ArrowUp':
        move(row.previousElementSibling);
        break;
      case 'Home':
        move(this.list.firstElementChild);
        break;
      case 'End':
        move(this.list.lastElementChild);
        break;
      case 'Enter':
      case ' ':
        this.actions.seek(seq);
        break;
      case 'c':
      case 'C':
        this.actions.showCode(seq);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }
}
