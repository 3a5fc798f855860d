// Toolbar icons drawn as small SVGs (16x16, currentColor) so they follow the theme's button colour.
import { svg } from '../render/dom';

const PATHS = {
  play: 'M4.5 2.5v11l9-5.5z',
  pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
  step: 'M3 2.5v11l7.5-5.5zM11 2.5h2.2v11H11z',
  stepBack: 'M13 2.5v11L5.5 8zM2.8 2.5H5v11H2.8z',
  leader: 'M2 12.5h12l-1-7-3.2 3L8 3.5 6.2 8.5 3 5.5z',
  heal: 'M6.5 2h3v4.5H14v3H9.5V14h-3V9.5H2v-3h4.5z',
  partition: 'M7.2 1h1.6v14H7.2zM1.5 5.5h4v5h-4zM10.5 5.5h4v5h-4z',
  start: 'M4.5 2.5v11l9-5.5z',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  const root = svg('svg', { viewBox: '0 0 16 16', width: 16, height: 16, class: 'icon', 'aria-hidden': 'true', focusable: 'false' });
  svg('path', { d: PATHS[name], fill: 'currentColor', 'fill-rule': 'evenodd' }, root);
  return root;
}
