// The panel: wires the host channel, the views and the animation loop. Snapshots are validated on
// arrival but applied inside the next animation frame, so several arriving within one frame cost one
// update, and all drawing work happens where the frame budget is measured.
import type { ClusterSnapshot, HostMessage, NodeCommand, WebviewCommand } from '../src/protocol/messages';
import { MAX_SPEED, MIN_SPEED } from '../src/protocol/messages';
import { isParseError, parseHostMessage } from '../src/protocol/validate';
import { announcements } from './model/announce';
import { SimClock } from './model/clock';
import { nudgeSpeed } from './model/format';
import { PartitionDraft } from './model/partitionDraft';
import { html } from './render/dom';
import { GraphView } from './render/graph';
import { Legend } from './render/legend';
import { LogTable } from './render/logs';
import type { Host, ViewState } from './host';
import { Announcer } from './ui/announcer';
import { ViolationBanner } from './ui/banner';
import { Controls } from './ui/controls';
import { EventList } from './ui/eventList';
import { icon } from './ui/icons';
import { Inspector } from './ui/inspector';
import { bindKeys, KEY_HELP } from './ui/keyboard';
import { button } from './ui/toolkit';

/** How often the event list, log table and inspector each follow a playing cluster. */
const TEXT_VIEW_HZ = 8;

interface TextView {
  readonly update: (s: ClusterSnapshot) => void;
  stale: boolean;
  at: number;
}

export class App {
  private snapshot: ClusterSnapshot | null = null;
  private pending: HostMessage | null = null;
  private pendingSelect: number | null = null;
  private frameRequested = false;
  private readonly textViews: TextView[];
  private view: ViewState;
  private draft: PartitionDraft | null = null;
  private readonly clock = new SimClock();
  private readonly controls: Controls;
  private readonly banner: ViolationBanner;
  private readonly graph: GraphView;
  private readonly legend: Legend;
  private readonly logs: LogTable;
  private readonly inspector: Inspector;
  private readonly events: EventList;
  private readonly announcer: Announcer;
  private readonly emptyState: HTMLElement;
  private readonly partitionBar: HTMLElement;
  private readonly partitionProblem: HTMLElement;
  private readonly help: HTMLElement;
  private readonly stage: HTMLElement;

  constructor(root: HTMLElement, private readonly host: Host) {
    this.view = host.loadState();
    this.controls = new Controls(root, {
      command: (c) => this.command(c),
      setSpeed: (speed) => this.host.post({ type: 'setSpeed', speed }),
      seek: (seq) => this.host.post({ type: 'seek', seq }),
      togglePartition: () => this.togglePartition(),
    });
    const helpButton = button({ label: 'Keyboard shortcuts', look: 'icon', key: '?', onClick: () => this.toggleHelp() }, this.controls.root);
    helpButton.el.textContent = '?';
    this.banner = new ViolationBanner(root, (seq) => this.host.post({ type: 'seek', seq }));
    this.stage = html('main', { className: 'stage' }, root);
    const column = html('div', { className: 'graph-column' }, this.stage);
    const pane = html('div', { className: 'graph-pane' }, column);
    this.partitionBar = html('div', { className: 'partition-bar', attrs: { role: 'region', 'aria-label': 'Partition editor' } }, pane);
    this.partitionBar.hidden = true;
    html('span', { text: 'Partitioning: click a node (or press G) to move it to the next group, or drag it onto a node of another group. ' }, this.partitionBar);
    this.partitionProblem = html('span', { className: 'problem' }, this.partitionBar);
    button({ label: 'Apply', look: 'primary', onClick: () => this.applyPartition() }, this.partitionBar);
    button({ label: 'Cancel', key: 'Escape', onClick: () => this.togglePartition() }, this.partitionBar);
    this.graph = new GraphView(pane, {
      activateNode: (id) => this.activateNode(id),
      selectMessage: (id) => this.select(null, id),
      clearSelection: () => this.select(null, null),
      dragNode: (id, onto) => this.draftChange((d) => d.join(id, onto)),
      canDrag: () => this.draft !== null,
    });
    this.graph.setSelection(this.view.selectedNode, this.view.selectedMessage);
    this.legend = new Legend(column);
    const side = html('aside', { className: 'side' }, this.stage);
    this.inspector = new Inspector(side, {
      nodeCommand: (command, node) => this.nodeCommand(command, node),
      drop: (message) => this.host.post({ type: 'drop', message }),
      close: () => this.select(null, null),
    });
    this.events = new EventList(side, {
      seek: (seq) => this.host.post({ type: 'seek', seq }),
      showCode: (seq) => this.host.post({ type: 'showCode', seq }),
    });
    this.logs = new LogTable(column, (id) => this.select(id, null));
    this.emptyState = html('div', { className: 'empty-state' }, root);
    html('p', { text: 'No cluster is running.' }, this.emptyState);
    button({ label: 'Start Cluster', look: 'primary', icon: icon('start'), onClick: () => this.command('start') }, this.emptyState);
    this.help = html('div', { className: 'help', attrs: { role: 'dialog', 'aria-label': 'Keyboard shortcuts' } }, root);
    this.help.hidden = true;
    html('h2', { text: 'Keyboard' }, this.help);
    const dl = html('dl', {}, this.help);
    for (const [k, v] of KEY_HELP) {
      html('dt', { text: k }, dl);
      html('dd', { text: v }, dl);
    }
    this.announcer = new Announcer(root);
    this.textViews = [
      (s: ClusterSnapshot) => this.logs.update(s),
      (s: ClusterSnapshot) => this.events.update(s),
      (s: ClusterSnapshot) => this.inspector.show(s, this.view.selectedNode, this.view.selectedMessage),
    ].map((update) => ({ update, stale: false, at: -Infinity }));
    this.setLoaded(false);
    this.watchMotion();
    this.watchSize(pane);
    bindKeys(document, this.keyActions());
  }

  /** Raw data from `window` 'message' events. Malformed messages are logged and dropped. */
  receive(data: unknown): void {
    const parsed = parseHostMessage(data);
    if (isParseError(parsed)) {
      console.warn(`[raft panel] dropped a malformed message from the extension: ${parsed.error}`);
      return;
    }
    if (parsed.type === 'selectEvent') this.pendingSelect = parsed.seq;
    else this.pending = parsed;
    this.requestFrame();
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(this.frame);
  }

  private readonly frame = (): void => {
    this.frameRequested = false;
    const wall = performance.now();
    if (this.pending) {
      const message = this.pending;
      this.pending = null;
      if (message.type === 'snapshot') this.apply(message.snapshot, wall);
      else this.clearCluster();
    }
    if (this.pendingSelect !== null) {
      this.events.highlight(this.pendingSelect);
      this.pendingSelect = null;
    }
    if (!this.snapshot) return;
    const time = this.clock.now(wall);
    const falling = this.graph.draw(time, wall);
    this.controls.setClock(time);
    const stale = this.followTextViews(this.snapshot, wall);
    if (falling || stale || this.clock.moving(wall)) this.requestFrame();
  };

  private apply(s: ClusterSnapshot, wall: number): void {
    const prev = this.snapshot;
    const jumped = !prev || s.seq < prev.seq || s.seed !== prev.seed || s.protocol !== prev.protocol || s.nodes.length !== prev.nodes.length;
    if (jumped && prev && (s.seed !== prev.seed || s.nodes.length !== prev.nodes.length)) this.draft = null;
    this.snapshot = s;
    this.setLoaded(true);
    this.clock.update({ simTime: s.time, paused: s.session.paused, rate: s.session.achievedSpeed ?? s.session.speed }, wall, jumped);
    this.graph.setSnapshot(s, jumped, wall);
    this.legend.update(s.protocol);
    this.controls.update(s);
    this.banner.update(s);
    this.announcer.say(announcements(prev, s));
    // Text views cannot be read at 60 updates a second, and laying them out is most of a frame's
    // cost: while playing each follows at TEXT_VIEW_HZ, at most one per frame; paused, stepped or
    // sought, all at once.
    for (const view of this.textViews) view.stale = true;
    if (jumped || s.session.paused) for (const view of this.textViews) this.updateTextView(view, s, wall);
  }

  /** Brings the stalest text view up to date if it is due; true while any is still stale. */
  private followTextViews(s: ClusterSnapshot, wall: number): boolean {
    let due: TextView | null = null;
    for (const view of this.textViews) {
      if (view.stale && wall - view.at >= 1000 / TEXT_VIEW_HZ && (!due || view.at < due.at)) due = view;
    }
    if (due) this.updateTextView(due, s, wall);
    return this.textViews.some((v) => v.stale);
  }

  private updateTextView(view: TextView, s: ClusterSnapshot, wall: number): void {
    view.stale = false;
    view.at = wall;
    view.update(s);
  }

  private clearCluster(): void {
    this.snapshot = null;
    this.draft = null;
    this.graph.clear();
    this.inspector.show(null, null, null);
    this.setLoaded(false);
  }

  private setLoaded(loaded: boolean): void {
    this.stage.hidden = !loaded;
    this.controls.root.hidden = !loaded;
    (this.controls.root.nextElementSibling as HTMLElement).hidden = !loaded;
    this.emptyState.hidden = loaded;
    if (!loaded) this.banner.root.hidden = true;
  }

  private select(node: number | null, message: number | null): void {
    this.view = { ...this.view, selectedNode: node, selectedMessage: message };
    this.host.saveState(this.view);
    this.graph.setSelection(node, message);
    this.inspector.show(this.snapshot, node, message);
    this.requestFrame();
  }

  private activateNode(id: number): void {
    if (this.draft) this.draftChange((d) => d.cycle(id));
    else this.select(id === this.view.selectedNode ? null : id, null);
  }

  private command(command: WebviewCommand): void {
    this.host.post({ type: 'command', command });
  }

  private nodeCommand(command: NodeCommand, node: number): void {
    this.host.post({ type: 'nodeCommand', command, node });
  }

  private togglePartition(): void {
    if (!this.snapshot) return;
    this.draft = this.draft ? null : new PartitionDraft(this.snapshot.nodes.map((n) => n.id), this.snapshot.partitions);
    this.partitionBar.hidden = !this.draft;
    this.partitionProblem.textContent = '';
    this.controls.setPartitionMode(this.draft !== null);
    this.graph.setDraft(this.draft?.view ?? null);
    this.announcer.say([this.draft ? 'Partition editor open.' : 'Partition editor closed.']);
  }

  private draftChange(change: (d: PartitionDraft) => void): void {
    if (!this.draft) return;
    change(this.draft);
    this.partitionProblem.textContent = '';
    this.graph.setDraft(this.draft.view);
  }

  private applyPartition(): void {
    if (!this.draft) return;
    const problem = this.draft.problem();
    if (problem) {
      this.partitionProblem.textContent = problem;
      this.announcer.say([problem]);
      return;
    }
    this.host.post({ type: 'partition', groups: this.draft.toGroups() });
    this.togglePartition();
  }

  private toggleHelp(): void {
    this.help.hidden = !this.help.hidden;
  }

  private keyActions(): Parameters<typeof bindKeys>[1] {
    const targetNode = (focused: number | null): number | null => focused ?? this.view.selectedNode;
    return {
      togglePlay: () => this.snapshot && this.command(this.snapshot.session.paused ? 'resume' : 'pause'),
      step: () => this.command('step'),
      stepBack: () => this.command('stepBack'),
      faster: () => this.snapshot && this.host.post({ type: 'setSpeed', speed: Math.min(MAX_SPEED, nudgeSpeed(this.snapshot.session.speed, 1)) }),
      slower: () => this.snapshot && this.host.post({ type: 'setSpeed', speed: Math.max(MIN_SPEED, nudgeSpeed(this.snapshot.session.speed, -1)) }),
      runUntilLeader: () => this.command('runUntilLeader'),
      heal: () => this.command('heal'),
      togglePartition: () => this.togglePartition(),
      seekStart: () => this.host.post({ type: 'seek', seq: 0 }),
      seekEnd: () => this.snapshot && this.host.post({ type: 'seek', seq: this.snapshot.session.headSeq }),
      escape: () => {
        if (!this.help.hidden) this.help.hidden = true;
        else if (this.draft) this.togglePartition();
        else this.select(null, null);
      },
      toggleHelp: () => this.toggleHelp(),
      nodeKey: (key, focused) => {
        const node = targetNode(focused);
        if (node === null) {
          this.announcer.say(['Choose a node first: press N to focus one, or click it.']);
          return;
        }
        if (key === 'g') return this.draftChange((d) => d.cycle(node));
        const command: NodeCommand = key === 'c' ? 'crash' : key === 'r' ? 'recover' : key === 't' ? 'timeout' : 'request';
        this.nodeCommand(command, node);
      },
      cycleMessage: (offset) => {
        const inFlight = this.graph.messagesInFlight();
        if (inFlight.length === 0) return this.announcer.say(['No messages in flight.']);
        const at = inFlight.findIndex((m) => m.id === this.view.selectedMessage);
        const next = inFlight[(at + offset + inFlight.length + (at < 0 && offset < 0 ? 1 : 0)) % inFlight.length]!;
        this.select(null, next.id);
        this.announcer.say([`Message ${next.id}: ${next.summary}, from node ${next.from} to node ${next.to}.`]);
      },
      dropSelected: () => {
        if (this.view.selectedMessage !== null) this.host.post({ type: 'drop', message: this.view.selectedMessage });
      },
      focusNode: (offset) => {
        if (!this.snapshot || this.snapshot.nodes.length === 0) return;
        const ids = this.snapshot.nodes.map((n) => n.id);
        const active = document.activeElement?.closest?.('[data-node]');
        const current = active ? ids.indexOf(Number(active.getAttribute('data-node'))) : -1;
        const next = ids[(current + offset + ids.length) % ids.length]!;
        (this.graph.nodeElement(next) as unknown as HTMLElement | null)?.focus();
      },
    };
  }

  private watchMotion(): void {
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    const update = (): void => {
      const smooth = !(query.matches || document.body.classList.contains('vscode-reduce-motion'));
      this.clock.setSmooth(smooth);
      this.graph.setSmooth(smooth);
      this.requestFrame();
    };
    query.addEventListener('change', update);
    // VS Code changes the body's classes when the user changes the setting or the theme.
    new MutationObserver(() => {
      this.logs.themeChanged();
      update();
    }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    update();
  }

  private watchSize(pane: HTMLElement): void {
    const observer = new ResizeObserver(() => {
      const box = pane.getBoundingClientRect();
      this.graph.setSize(box.width, box.height);
      this.logs.setWidth(this.logs.root.getBoundingClientRect().width);
      this.requestFrame();
    });
    observer.observe(pane);
    observer.observe(this.logs.root);
  }
}
