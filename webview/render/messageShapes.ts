// How messages look, as SVG path data. Kind is told by colour (the path's CSS class) and by shape:
// RequestVote a circle, AppendEntries a square (larger when it carries entries), simple's heartbeat
// a small circle, candidacy a diamond, vote a triangle. Replies are hollow with a tick (granted /
// success) or a cross (rejected). All messages of one look share one <path> per frame, so hundreds
// in flight cost a few attribute writes and no per-message elements, layout or canvas upload.
import type { WireMessage } from '../../src/protocol/messages';

export type Look = 'vote' | 'append' | 'simpleVote' | 'voteReply' | 'appendReply';
export type Shape = Pick<WireMessage, 'kind' | 'granted' | 'entries'>;

/** Hit radius around a message's centre, in px at scale 1. */
export const HIT_RADIUS = 11;

export function lookOf(kind: WireMessage['kind']): Look {
  switch (kind) {
    case 'RequestVote':
    case 'candidacy':
      return 'vote';
    case 'AppendEntries':
    case 'heartbeat':
      return 'append';
    case 'vote':
      return 'simpleVote';
    case 'RequestVoteReply':
      return 'voteReply';
    case 'AppendEntriesReply':
      return 'appendReply';
  }
}

const f = (v: number): string => (Math.round(v * 10) / 10).toString();

function circle(x: number, y: number, r: number): string {
  return `M${f(x - r)} ${f(y)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0z`;
}

/** The outline of one message centred at (x, y), `s` times its normal size. */
export function shapePath(m: Shape, x: number, y: number, s: number): string {
  switch (m.kind) {
    case 'RequestVote':
    case 'RequestVoteReply':
      return circle(x, y, 6.5 * s);
    case 'AppendEntries':
    case 'AppendEntriesReply': {
      const h = (m.kind === 'AppendEntries' && m.entries > 0 ? 8 : 6) * s;
      return `M${f(x - h)} ${f(y - h)}h${f(2 * h)}v${f(2 * h)}h${f(-2 * h)}z`;
    }
    case 'heartbeat':
      return circle(x, y, 5 * s);
    case 'candidacy':
      return `M${f(x)} ${f(y - 7.5 * s)}l${f(7.5 * s)} ${f(7.5 * s)}l${f(-7.5 * s)} ${f(7.5 * s)}l${f(-7.5 * s)} ${f(-7.5 * s)}z`;
    case 'vote':
      return `M${f(x)} ${f(y - 7 * s)}l${f(6.5 * s)} ${f(12 * s)}h${f(-13 * s)}z`;
  }
}

/** The tick or cross inside a reply; '' for requests. */
export function markPath(m: Shape, x: number, y: number, s: number): string {
  if (m.granted === null) return '';
  if (m.granted) return `M${f(x - 3.2 * s)} ${f(y + 0.2 * s)}l${f(2.2 * s)} ${f(2.4 * s)}l${f(4.4 * s)} ${f(-5 * s)}`;
  return `M${f(x - 2.6 * s)} ${f(y - 2.6 * s)}l${f(5.2 * s)} ${f(5.2 * s)}m0 ${f(-5.2 * s)}l${f(-5.2 * s)} ${f(5.2 * s)}`;
}

/** A dot in the middle of an AppendEntries that carries entries; '' otherwise. */
export function cargoPath(m: Shape, x: number, y: number, s: number): string {
  return m.kind === 'AppendEntries' && m.entries > 0 ? circle(x, y, 2.6 * s) : '';
}

export function ringPath(x: number, y: number, s: number): string {
  return circle(x, y, HIT_RADIUS * s);
}
