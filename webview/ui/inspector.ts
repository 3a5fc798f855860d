// The inspector: every field of the clicked node (with its actions) or of the clicked message (with
// Drop while it is still in flight). Rebuilt only when what it shows changed.
import type { ClusterSnapshot, NodeCommand, WireMessage, WireNode } from '../../src/protocol/messages';
import { nodeLabel } from '../../src/protocol/messages';
import { formatTime } from '../model/format';
import { html } from '../render/dom';
import { button } from './toolkit';

export interface InspectorActions {
  nodeCommand(command: NodeCommand, node: number): void;
  drop(message: number): void;
  close(): void;
}

type Row = readonly [field: string, value: string];

/** The log is listed newest first, this many entries; the log table shows the rest. */
const LOG_ENTRIES_SHOWN = 12;

export class Inspector {
  readonly root: HTMLElement;
  private key = '';
  /** The last copy seen of the selected message, so it stays readable after it was delivered. */
  private lastMessage: WireMessage | null = null;

  constructor(parent: Element, private readonly actions: InspectorActions) {
    this.root = html('section', { className: 'inspector', attrs: { 'aria-label': 'Inspector' } }, parent);
    this.root.hidden = true;
  }

  show(s: ClusterSnapshot | null, node: number | null, message: number | null): void {
    const n = node === null ? undefined : s?.nodes.find((x) => x.id === node);
    const m = message === null ? undefined : s?.messages.find((x) => x.id === message);
    if (m) this.lastMessage = m;
    else if (message === null || this.lastMessage?.id !== message) this.lastMessage = null;
    const key = JSON.stringify([n, m ?? null, this.lastMessage?.id ?? null, s?.time ?? null]);
    if (key === this.key) return;
    this.key = key;
    if (n && s) this.showNode(n, s);
    else if (this.lastMessage && s) this.showMessage(this.lastMessage, m !== undefined, s);
    else {
      this.root.hidden = true;
      this.root.replaceChildren();
    }
  }

  private frame(title: string): HTMLElement {
    this.root.hidden = false;
    this.root.replaceChildren();
    const head = html('div', { className: 'inspector-head' }, this.root);
    html('h2', { text: title }, head);
    const close = html('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close inspector (Escape)', title: 'Close (Escape)' } }, head);
    close.addEventListener('click', () => this.actions.close());
    return head;
  }

  private showNode(n: WireNode, s: ClusterSnapshot): void {
    this.frame(`Node ${nodeLabel(n.id)}`);
    const actions = html('div', { className: 'inspector-actions' }, this.root);
    const act = (label: string, command: NodeCommand, key: string): void => {
      button({ label, key, onClick: () => this.actions.nodeCommand(command, n.id) }, actions);
    };
    if (n.role === 'crashed') act('Recover', 'recover', 'R');
    else {
      act('Crash', 'crash', 'C');
      act('Force timeout', 'timeout', 'T');
      act('Client request', 'request', 'Q');
    }
    const peers = (values: readonly number[] | null): string =>
      values ? s.nodes.filter((p) => p.id !== n.id).map((p) => `${nodeLabel(p.id)}: ${values[p.id] ?? '–'}`).join(', ') : '–';
    const rows: Row[] = [
      ['role', n.role],
      ['currentTerm', n.currentTerm === null ? '– (simple has no terms)' : String(n.currentTerm)],
      ['votedFor', n.votedFor === null ? '–' : `${nodeLabel(n.votedFor)}`],
      ['leader', n.leader === null ? 'unknown' : `${nodeLabel(n.leader)}`],
      ['log length', String(n.log.length)],
      ['commitIndex', String(n.commitIndex)],
      ['lastApplied', String(n.lastApplied)],
      ['nextIndex', peers(n.nextIndex)],
      ['matchIndex', peers(n.matchIndex)],
      ['votesReceived', n.votesReceived.length ? n.votesReceived.map((v) => `${nodeLabel(v)}`).join(', ') : '–'],
      ...n.timers.map((t): Row => [`${t.kind} timer`, `${formatTime(t.start)} → ${formatTime(t.deadline)} (${formatTime(Math.max(0, t.deadline - s.time))} left)`]),
      ['inbox', n.inbox === 0 ? 'empty' : `${n.inbox} unread while waiting`],
      ...Object.entries(n.extra).map(([k, v]): Row => [k, v === null ? '–' : String(v)]),
    ];
    fields(rows, this.root);
    if (n.log.length > 0) {
      html('h3', { text: 'log (newest first)' }, this.root);
      const list = html('ol', { className: 'inspector-log' }, this.root);
      for (let i = n.log.length; i > Math.max(0, n.log.length - LOG_ENTRIES_SHOWN); i--) {
        const e = n.log[i - 1]!;
        html('li', { text: `${i}: term ${e.term}, ${e.value}${i <= n.commitIndex ? '' : ' (uncommitted)'}` }, list);
      }
    }
  }

  private showMessage(m: WireMessage, inFlight: boolean, s: ClusterSnapshot): void {
    this.frame(`Message #${m.id}`);
    const actions = html('div', { className: 'inspector-actions' }, this.root);
    const drop = button({ label: 'Drop', key: 'D', onClick: () => this.actions.drop(m.id) }, actions);
    drop.setDisabled(!inFlight);
    const state = inFlight
      ? `in flight, arrives in ${formatTime(Math.max(0, m.deliverAt - s.time))}`
      : 'no longer in flight (delivered, lost or dropped)';
    fields([
      ['kind', m.kind],
      ['from', `${nodeLabel(m.from)}`],
      ['to', `${nodeLabel(m.to)}`],
      ['term', m.term === null ? '–' : String(m.term)],
      [m.kind === 'RequestVoteReply' ? 'voteGranted' : 'success', m.granted === null ? '– (a request)' : String(m.granted)],
      ['entries', String(m.entries)],
      ['sentAt', formatTime(m.sentAt)],
      ['deliverAt', formatTime(m.deliverAt)],
      ['state', state],
      ['summary', m.summary],
    ], this.root);
  }
}

function fields(rows: readonly Row[], parent: Element): void {
  const dl = html('dl', { className: 'fields' }, parent);
  for (const [k, v] of rows) {
    html('dt', { text: k }, dl);
    html('dd', { text: v }, dl);
  }
}
