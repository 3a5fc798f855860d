// The toolbar (protocol and seed badges, step back / play-pause / step, run until leader, speed,
// partition and heal) and the timeline scrubber over the whole recorded history.
import type { ClusterSnapshot, WebviewCommand } from '../../src/protocol/messages';
import { formatSpeed } from '../../src/protocol/messages';
import { formatTime, sliderToSpeed, speedToSlider, SPEED_STEPS } from '../model/format';
import { html, setAttr, setText } from '../render/dom';
import { icon } from './icons';
import { button, tag, type ToolkitButton } from './toolkit';

export interface ControlActions {
  command(command: WebviewCommand): void;
  setSpeed(speed: number): void;
  seek(seq: number): void;
  togglePartition(): void;
}

/** While the user drags a slider, snapshots must not move its thumb; seeks are sent at most this often. */
const SLIDER_POST_MS = 80;

export class Controls {
  readonly root: HTMLElement;
  private readonly protocolTag: HTMLElement;
  private readonly seedTag: HTMLElement;
  private readonly back: ToolkitButton;
  private readonly play: ToolkitButton;
  private readonly partition: ToolkitButton;
  private readonly heal: ToolkitButton;
  private readonly speed: HTMLInputElement;
  private readonly speedText: HTMLElement;
  private readonly timeline: HTMLInputElement;
  private readonly timeText: HTMLElement;
  private readonly clockText: HTMLElement;
  private paused: boolean | null = null;
  private partitioned: boolean | null = null;
  private editing: HTMLInputElement | null = null;

  constructor(parent: Element, actions: ControlActions) {
    this.root = html('header', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Cluster controls' } }, parent);
    const badges = html('div', { className: 'group badges' }, this.root);
    this.protocolTag = tag('raft', badges, 'Protocol');
    this.seedTag = tag('seed 0', badges, 'Seed: the same seed and inputs replay the same run');

    const run = html('div', { className: 'group' }, this.root);
    this.back = button({ label: 'Step back', look: 'icon', icon: icon('stepBack'), key: '←', onClick: () => actions.command('stepBack') }, run);
    this.play = button({ label: 'Play', look: 'icon', icon: icon('play'), key: 'Space', onClick: () => actions.command(this.paused === false ? 'pause' : 'resume') }, run);
    button({ label: 'Step one event', look: 'icon', icon: icon('step'), key: '→', onClick: () => actions.command('step') }, run);
    button({ label: 'Run until leader', look: 'icon', icon: icon('leader'), key: 'L', onClick: () => actions.command('runUntilLeader') }, run);

    const speedBox = html('label', { className: 'group speed' }, this.root);
    html('span', { className: 'label', text: 'Speed' }, speedBox);
    this.speed = html('input', { attrs: { type: 'range', min: 0, max: SPEED_STEPS, step: 1, 'aria-label': 'Speed' } }, speedBox);
    this.speedText = html('span', { className: 'speed-text', text: '1x' }, speedBox);
    this.slider(this.speed, () => {
      const speed = sliderToSpeed(Number(this.speed.value));
      this.showSpeed(speed, null);
      actions.setSpeed(speed);
    });

    const net = html('div', { className: 'group' }, this.root);
    this.partition = button({ label: 'Partition', icon: icon('partition'), key: 'P', onClick: () => actions.togglePartition() }, net);
    this.heal = button({ label: 'Heal', icon: icon('heal'), key: 'H', onClick: () => actions.command('heal') }, net);

    this.clockText = html('div', { className: 'clock', attrs: { 'aria-label': 'Simulated time' } }, this.root);

    const line = html('div', { className: 'timeline' }, parent);
    this.timeline = html('input', { attrs: { type: 'range', min: 0, max: 0, step: 1, 'aria-label': 'Timeline: event number' } }, line);
    this.timeText = html('span', { className: 'timeline-text' }, line);
    this.slider(this.timeline, () => actions.seek(Number(this.timeline.value)));
  }

  /** Called for every snapshot: writes only what changed (the toolkit's buttons re-render on any change). */
  update(s: ClusterSnapshot): void {
    setText(this.protocolTag, s.protocol);
    setText(this.seedTag, `seed ${s.seed}`);
    if (this.paused !== s.session.paused) {
      this.paused = s.session.paused;
      this.play.setLabel(this.paused ? 'Play' : 'Pause', icon(this.paused ? 'play' : 'pause'));
    }
    this.back.setDisabled(s.seq === 0);
    if (this.partitioned !== (s.partitions !== null)) {
      this.partitioned = s.partitions !== null;
      this.heal.setDisabled(!this.partitioned);
    }
    if (this.editing !== this.speed) {
      setValue(this.speed, String(speedToSlider(s.session.speed)));
      this.showSpeed(s.session.speed, s.session.achievedSpeed);
    }
    if (this.editing !== this.timeline) {
      if (this.timeline.max !== String(s.session.headSeq)) this.timeline.max = String(s.session.headSeq);
      setValue(this.timeline, String(s.seq));
    }
    setAttr(this.timeline, 'aria-valuetext', `event ${s.seq} of ${s.session.headSeq}, ${formatTime(s.time)}`);
    setText(this.timeText, `event ${s.seq} / ${s.session.headSeq}  ·  ${formatTime(s.time)} / ${formatTime(s.session.headTime)}`);
  }

  setPartitionMode(on: boolean): void {
    this.partition.setLabel(on ? 'Cancel partition' : 'Partition', icon('partition'));
    this.partition.el.classList.toggle('active', on);
  }

  /** Per frame: the running clock. */
  setClock(time: number): void {
    setText(this.clockText, formatTime(time));
  }

  private showSpeed(speed: number, achieved: number | null): void {
    const text = formatSpeed(speed);
    setText(this.speedText, achieved === null ? text : `${text} (achieving ${formatSpeed(achieved)})`);
    setAttr(this.speed, 'aria-valuetext', text);
  }

  /** Posts while dragging (throttled) and once more on release, and keeps snapshots off the thumb meanwhile. */
  private slider(input: HTMLInputElement, post: () => void): void {
    // Each slider has its own throttle, so dragging one never swallows the other's input.
    let lastPost = 0;
    let pendingPost: ReturnType<typeof setTimeout> | null = null;
    const flush = (): void => {
      if (pendingPost) clearTimeout(pendingPost);
      pendingPost = null;
      lastPost = performance.now();
      post();
    };
    input.addEventListener('input', () => {
      this.editing = input;
      const wait = SLIDER_POST_MS - (performance.now() - lastPost);
      if (wait <= 0) flush();
      else if (!pendingPost) pendingPost = setTimeout(flush, wait);
    });
    input.addEventListener('change', () => {
      flush();
      this.editing = null;
    });
    input.addEventListener('blur', () => {
      if (this.editing === input) this.editing = null;
    });
  }
}

function setValue(input: HTMLInputElement, value: string): void {
  if (input.value !== value) input.value = value;
}
