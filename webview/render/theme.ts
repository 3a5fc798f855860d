// Theme colours for the log table's canvas, which cannot follow CSS variables by itself.
// Read from the custom properties webview.css derives from --vscode-* variables; re-read whenever
// VS Code changes the body's theme class.
import { PALETTE_SIZE } from '../model/palette';

export interface CanvasTheme {
  /** Term (or leader) colours tc0..tc7. */
  readonly slots: readonly string[];
  readonly foreground: string;
  readonly muted: string;
  readonly background: string;
  /** The leader's nextIndex arrow. */
  readonly nextIndex: string;
  readonly border: string;
  readonly crashed: string;
  readonly font: string;
  readonly monoFont: string;
}

export function readTheme(): CanvasTheme {
  const root = getComputedStyle(document.body);
  const v = (style: CSSStyleDeclaration, name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  // A custom property's computed value has its var() references resolved, so a probe element with
  // a slot class yields that slot's theme colour.
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.appendChild(probe);
  const slots: string[] = [];
  for (let i = 0; i < PALETTE_SIZE; i++) {
    probe.className = `tc${i}`;
    slots.push(v(getComputedStyle(probe), '--tc', '#3794ff'));
  }
  probe.remove();
  return {
    slots,
    foreground: v(root, '--fg', '#cccccc'),
    muted: v(root, '--muted', '#999999'),
    background: v(root, '--bg', '#1e1e1e'),
    nextIndex: v(root, '--k-append', '#3794ff'),
    border: v(root, '--border', '#444444'),
    crashed: v(root, '--crashed', '#777777'),
    font: root.fontFamily || 'sans-serif',
    monoFont: v(root, '--mono', 'monospace'),
  };
}
