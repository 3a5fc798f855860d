// Where each node sits: a ring, in CSS pixels of the graph's box, so text keeps one readable size at
// any panel size. A partitioned cluster is laid out group by group with a gap between groups, so
// each group is one contiguous arc that can be drawn as a region.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface NodePlace extends Point {
  /** Radians, 0 = right, clockwise (screen y grows down); labels sit outward along it. */
  readonly angle: number;
}

export interface Region {
  readonly nodes: readonly number[];
  readonly startAngle: number;
  readonly endAngle: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly center: Point;
  readonly ringRadius: number;
  readonly nodeRadius: number;
  readonly places: ReadonlyMap<number, NodePlace>;
  /** Empty when the network is whole. */
  readonly regions: readonly Region[];
}

/** Space outside a node's circle for its timer arc and its role label. */
const LABEL_SPACE = 34;
/** Width of the gap between partition groups, in node slots. */
const GROUP_GAP = 0.8;

export function ringLayout(
  nodeIds: readonly number[],
  partitions: readonly (readonly number[])[] | null,
  width: number,
  height: number,
): Layout {
  const w = Math.max(width, 120);
  const h = Math.max(height, 120);
  const center = { x: w / 2, y: h / 2 };
  const half = Math.min(w, h) / 2;
  const groups = orderedGroups(nodeIds, partitions);
  const n = nodeIds.length;
  const places = new Map<number, NodePlace>();
  if (n === 0) return { width: w, height: h, center, ringRadius: 0, nodeRadius: 0, places, regions: [] };

  const gaps = groups.length > 1 ? groups.length : 0;
  const slots = n + gaps * GROUP_GAP;
  // Solve ring radius R and node radius r together: r is a share of the chord between neighbours,
  // and the ring must leave room for r plus the label outside it.
  const chordShare = n === 1 ? 1 : Math.sin(Math.PI / slots);
  let nodeRadius = clamp(half * 0.2, 16, 46);
  let ringRadius = half - nodeRadius - LABEL_SPACE;
  if (n > 1) {
    nodeRadius = clamp(Math.min(ringRadius * chordShare * 0.62, half * 0.2), 14, 46);
    ringRadius = Math.max(half - nodeRadius - LABEL_SPACE, nodeRadius * 2);
  }
  if (n === 1) ringRadius = 0;

  const step = (2 * Math.PI) / slots;
  // Start at the top; a single group is centred there, several groups each get a gap before them.
  let cursor = -Math.PI / 2 + (gaps > 0 ? (step * GROUP_GAP) / 2 : 0);
  const regions: Region[] = [];
  for (const group of groups) {
    const start = cursor - step / 2;
    for (const id of group) {
      places.set(id, { x: center.x + ringRadius * Math.cos(cursor), y: center.y + ringRadius * Math.sin(cursor), angle: cursor });
      cursor += step;
    }
    regions.push({ nodes: group, startAngle: start, endAngle: cursor - step / 2 });
    cursor += step * GROUP_GAP;
  }
  return { width: w, height: h, center, ringRadius, nodeRadius, places, regions: gaps > 0 ? regions : [] };
}

/** Groups in order of their smallest id, each sorted; nodes the partition does not name form one more group. */
export function orderedGroups(nodeIds: readonly number[], partitions: readonly (readonly number[])[] | null): number[][] {
  const all = [...nodeIds].sort((a, b) => a - b);
  if (!partitions || partitions.length < 2) return [all];
  const present = new Set(all);
  const named = new Set<number>();
  const groups = partitions
    .map((g) => g.filter((id) => present.has(id) && !named.has(id) && (named.add(id), true)).sort((a, b) => a - b))
    .filter((g) => g.length > 0);
  const rest = all.filter((id) => !named.has(id));
  if (rest.length > 0) groups.push(rest);
  return groups.sort((a, b) => a[0]! - b[0]!);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
