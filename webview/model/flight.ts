// Where a message is drawn at a given simulated time: along a lane from the sender's edge to the
// receiver's edge (requests and replies between one pair use opposite lanes, so they never overlap),
// or around a small loop for a message a node sends itself (simple's broadcast includes the sender).
import type { ClusterSnapshot, WireMessage } from '../../src/protocol/messages';
import type { Point } from './layout';

export interface Path {
  readonly from: Point;
  readonly to: Point;
  readonly nodeRadius: number;
  /** Outward angle of the sender, for the self-loop. */
  readonly selfAngle: number | null;
}

/** Perpendicular offset between the two directions of one pair, in px. */
export const LANE_OFFSET = 7;

export function progress(sentAt: number, deliverAt: number, time: number): number {
  if (deliverAt <= sentAt) return time >= deliverAt ? 1 : 0;
  return Math.min(1, Math.max(0, (time - sentAt) / (deliverAt - sentAt)));
}

export function pointOnPath(path: Path, p: number): Point {
  if (path.selfAngle !== null) return pointOnLoop(path.from, path.nodeRadius, path.selfAngle, p);
  const dx = path.to.x - path.from.x;
  const dy = path.to.y - path.from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  // Lane: offset to the right of the direction of travel.
  const ox = -uy * LANE_OFFSET;
  const oy = ux * LANE_OFFSET;
  const inset = Math.min(path.nodeRadius + 4, length / 2);
  const travel = length - 2 * inset;
  const d = inset + travel * p;
  return { x: path.from.x + ux * d + ox, y: path.from.y + uy * d + oy };
}

function pointOnLoop(center: Point, r: number, angle: number, p: number): Point {
  // A circle of radius 0.7r tangent-ish outside the node, travelled once from the node's edge and back.
  const loopR = r * 0.7;
  const cx = center.x + Math.cos(angle) * (r + loopR * 0.6);
  const cy = center.y + Math.sin(angle) * (r + loopR * 0.6);
  const a = angle + Math.PI + 0.9 + p * (2 * Math.PI - 1.8);
  return { x: cx + Math.cos(a) * loopR, y: cy + Math.sin(a) * loopR };
}

/** A dropped message falls and fades from where it was; `age` in wall ms since it was lost. */
export const FALL_WALL_MS = 900;

export function fallen(at: Point, age: number): { point: Point; opacity: number } {
  const f = Math.min(1, Math.max(0, age / FALL_WALL_MS));
  return { point: { x: at.x + 6 * f, y: at.y + 60 * f * f }, opacity: 1 - f };
}

/** Full-size message glyphs next to nodes of radius 30 px and up; down to 60% in crowded rings. */
export function messageScale(nodeRadius: number): number {
  return Math.min(1, Math.max(0.6, nodeRadius / 30));
}

/** A message the network dropped, that vanished before its delivery time, or whose receiver could not take it, was lost. */
export function wasLost(m: WireMessage, s: ClusterSnapshot): boolean {
  if (m.dropped || m.deliverAt > s.time + 1e-6) return true;
  const to = s.nodes.find((n) => n.id === m.to);
  if (!to || to.role === 'crashed') return true;
  if (!s.partitions) return false;
  const group = (id: number): number => s.partitions!.findIndex((g) => g.includes(id));
  return group(m.from) !== group(m.to);
}
