// Keyboard access to everything the mouse can do. Keys act on the focused node when one has focus,
// else on the selected node; they are ignored while typing in a field or moving a slider.
export interface KeyActions {
  togglePlay(): void;
  step(): void;
  stepBack(): void;
  faster(): void;
  slower(): void;
  runUntilLeader(): void;
  heal(): void;
  togglePartition(): void;
  seekStart(): void;
  seekEnd(): void;
  escape(): void;
  toggleHelp(): void;
  /** c = crash, r = recover, t = force timeout, q = client request, g = next partition group. */
  nodeKey(key: 'c' | 'r' | 't' | 'q' | 'g', node: number | null): void;
  dropSelected(): void;
  /** Select the next / previous message in flight, by arrival time. */
  cycleMessage(offset: 1 | -1): void;
  focusNode(offset: 1 | -1): void;
}

export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['Space / K', 'play or pause'],
  ['→ or .', 'step one event'],
  ['← or ,', 'step back one event'],
  ['+ / −', 'faster / slower'],
  ['Home / End', 'go to the start / the newest event'],
  ['L', 'run until there is a leader'],
  ['N / Shift+N', 'focus the next / previous node'],
  ['Enter', 'inspect the focused node'],
  ['C / R / T / Q', 'crash / recover / force timeout / client request on the node'],
  ['Shift+F10', 'the node\'s context menu'],
  ['P, then G', 'partition: open the editor, move the focused node to the next group (then Apply)'],
  ['H', 'heal the network'],
  ['M / Shift+M', 'select the next / previous message in flight'],
  ['D', 'drop the selected message'],
  ['Escape', 'close the inspector or cancel partitioning'],
  ['?', 'show or hide this help'],
];

export function bindKeys(target: Document, actions: KeyActions): void {
  target.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.target instanceof Element ? e.target : null;
    if (el?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const onControl = !!el?.closest('button, vscode-button, a, [role="option"]');
    const nodeEl = el?.closest('[data-node]');
    const node = nodeEl ? Number(nodeEl.getAttribute('data-node')) : null;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    switch (key) {
      case ' ':
      case 'k':
        if (onControl && key === ' ') return; // Space presses the focused button
        actions.togglePlay();
        break;
      case 'ArrowRight':
      case '.':
        actions.step();
        break;
      case 'ArrowLeft':
      case ',':
        actions.stepBack();
        break;
      case '+':
      case '=':
        actions.faster();
        break;
      case '-':
      case '_':
        actions.slower();
        break;
      case 'Home':
        actions.seekStart();
        break;
      case 'End':
        actions.seekEnd();
        break;
      case 'l':
        actions.runUntilLeader();
        break;
      case 'h':
        actions.heal();
        break;
      case 'p':
        actions.togglePartition();
        break;
      case 'n':
        actions.focusNode(e.shiftKey ? -1 : 1);
        break;
      case 'c':
      case 'r':
      case 't':
      case 'q':
      case 'g':
        actions.nodeKey(key, node);
        break;
      case 'd':
        actions.dropSelected();
        break;
      case 'm':
        actions.cycleMessage(e.shiftKey ? -1 : 1);
        break;
      case 'Escape':
        actions.escape();
        break;
      case '?':
        actions.toggleHelp();
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
