// The one place that touches @vscode/webview-ui-toolkit: registers only the component the panel
// uses (vscode-button), and gives the rest of the UI plain functions to make them, so swapping the toolkit (it is
// no longer developed upstream) means changing this file alone.
import { provideVSCodeDesignSystem, vsCodeButton } from '@vscode/webview-ui-toolkit';

let registered = false;

export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeButton());
}

export type ButtonLook = 'primary' | 'secondary' | 'icon';

export interface ButtonSpec {
  readonly label: string;
  readonly look?: ButtonLook;
  /** Inline SVG icon (built with DOM calls, see icons.ts). */
  readonly icon?: SVGElement;
  /** Keyboard shortcut shown in the tooltip. */
  readonly key?: string;
  readonly onClick: () => void;
}

export interface ToolkitButton {
  readonly el: HTMLElement;
  setDisabled(disabled: boolean): void;
  setLabel(label: string, icon?: SVGElement): void;
}

export function button(spec: ButtonSpec, parent: Element): ToolkitButton {
  const el = document.createElement('vscode-button');
  el.setAttribute('appearance', spec.look ?? 'secondary');
  const setLabel = (label: string, icon?: SVGElement): void => {
    if (el.getAttribute('aria-label') === label) return;
    const tip = spec.key ? `${label} (${spec.key})` : label;
    el.setAttribute('title', tip);
    el.setAttribute('aria-label', label);
    el.replaceChildren();
    if (icon) el.appendChild(icon);
    if (spec.look !== 'icon') el.appendChild(document.createTextNode(icon ? ` ${label}` : label));
  };
  setLabel(spec.label, spec.icon);
  el.addEventListener('click', () => {
    if (!el.hasAttribute('disabled')) spec.onClick();
  });
  parent.appendChild(el);
  return {
    el,
    setDisabled(disabled) {
      if (disabled !== el.hasAttribute('disabled')) el.toggleAttribute('disabled', disabled);
    },
    setLabel,
  };
}

/**
 * A badge. Not the toolkit's vscode-tag: its template carries a style attribute, which the panel's
 * CSP (no inline styles) refuses; a span styled by webview.css looks the same.
 */
export function tag(text: string, parent: Element, title?: string): HTMLElement {
  const el = document.createElement('span');
  el.className = 'tag';
  el.textContent = text;
  if (title) el.title = title;
  parent.appendChild(el);
  return el;
}
