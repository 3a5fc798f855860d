import * as assert from 'node:assert/strict';
import type { ClusterSnapshot, WireMessage, WireNode } from '../../src/protocol/messages';
import { announcements } from '../../webview/model/announce';
import { MAX_LEAD_WALL_MS, SimClock, STEP_EASE_WALL_MS } from '../../webview/model/clock';
import { fallen, FALL_WALL_MS, LANE_OFFSET, messageScale, pointOnPath, progress, wasLost } from '../../webview/model/flight';
import { formatSpeed } from '../../src/protocol/messages';
import { formatTime, nudgeSpeed, sliderToSpeed, speedToSlider, SPEED_STEPS } from '../../webview/model/format';
import { orderedGroups, ringLayout } from '../../webview/model/layout';
import { logWindow, markingLeader, peerIndex } from '../../webview/model/logWindow';
import { nodeSlot, PALETTE_SIZE, termSlot } from '../../webview/model/palette';
import { PartitionDraft } from '../../webview/model/partitionDraft';
import { sanitizeViewState, DEFAULT_VIEW_STATE } from '../../webview/host';
import { markPath, shapePath } from '../../webview/render/messageShapes';
import { clone, realSnapshot } from './protocolFixtures';

function node(id: number, over: Partial<WireNode> = {}): WireNode {
  return {
    id, role: 'follower', currentTerm: 1, votedFor: null, leader: null, log: [], commitIndex: 0, lastApplied: 0,
    nextIndex: null, matchIndex: null, votesReceived: [], timers: [], inbox: 0, extra: {}, ...over,
  };
}

function message(over: Partial<WireMessage> = {}): WireMessage {
  return { id: 1, from: 0, to: 1, kind: 'AppendEntries', sentAt: 100, deliverAt: 200, term: 1, granted: null, entries: 0, summary: 'AE', dropped: false, ...over };
}

function withNodes(s: ClusterSnapshot, nodes: WireNode[], over: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return { ...s, nodes, ...over };
}

describe('webview layout: the ring', () => {
  const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number => Math.hypot(a.x - b.x, a.y - b.y);

  it('keeps 1 to 25 nodes apart, inside the box, with room for labels', () => {
    for (const n of [1, 2, 3, 5, 9, 25]) {
      const ids = Array.from({ length: n }, (_, i) => i);
      const l = ringLayout(ids, null, 700, 560);
      assert.equal(l.places.size, n);
      const places = [...l.places.values()];
      for (const p of places) {
        assert.ok(p.x - l.nodeRadius >= 0 && p.x + l.nodeRadius <= 700, `n=${n}: x ${p.x} out of the box`);
        assert.ok(p.y - l.nodeRadius - 14 >= 0 && p.y + l.nodeRadius + 14 <= 560, `n=${n}: y ${p.y} leaves no room for a label`);
      }
      for (let i = 0; i < places.length; i++) {
        for (let j = i + 1; j < places.length; j++) {
          assert.ok(distance(places[i]!, places[j]!) > 2 * l.nodeRadius + 4, `n=${n}: nodes ${i} and ${j} overlap`);
        }
      }
      assert.ok(l.nodeRadius >= 14, `n=${n}: radius ${l.nodeRadius} too small to read`);
    }
  });

  it('puts node 0 at the top and goes clockwise', () => {
    const l = ringLayout([0, 1, 2, 3], null, 400, 400);
    const p0 = l.places.get(0)!;
    const p1 = l.places.get(1)!;
    assert.ok(Math.abs(p0.x - 200) < 1 && p0.y < 200);
    assert.ok(p1.x > 200, 'node 1 is to the right of the top (clockwise on screen)');
  });

  it('lays partition groups out as contiguous arcs, one region each', () => {
    const l = ringLayout([0, 1, 2, 3, 4], [[0, 3], [1, 2, 4]], 500, 500);
    assert.equal(l.regions.length, 2);
    assert.deepEqual(l.regions.map((r) => r.nodes), [[0, 3], [1, 2, 4]]);
    for (const r of l.regions) {
      for (const id of r.nodes) {
        const a = l.places.get(id)!.angle;
        assert.ok(a > r.startAngle && a < r.endAngle, `node ${id} lies inside its region`);
      }
    }
    assert.ok(l.regions[0]!.endAngle < l.regions[1]!.startAngle, 'a gap separates the regions');
    assert.equal(ringLayout([0, 1, 2], null, 300, 300).regions.length, 0);
  });

  it('orders groups by their smallest id and gathers unnamed nodes into one more group', () => {
    assert.deepEqual(orderedGroups([0, 1, 2, 3, 4], [[4, 2], [1]]), [[0, 3], [1], [2, 4]]);
    assert.deepEqual(orderedGroups([0, 1, 2], [[0, 1, 2]]), [[0, 1, 2]]);
    assert.deepEqual(orderedGroups([0, 1, 2], [[0, 0], [1, 9]]), [[0], [1], [2]]);
  });
});

describe('webview clock: local time between snapshots', () => {
  it('advances at the session speed while playing and stops short of running far ahead', () => {
    const c = new SimClock();
    c.update({ simTime: 1000, paused: false, rate: 2 }, 0, true);
    assert.equal(c.now(0), 1000);
    assert.equal(c.now(50), 1100);
    assert.ok(c.moving(50));
    assert.equal(c.now(10_000), 1000 + 2 * MAX_LEAD_WALL_MS, 'waits for the host after MAX_LEAD_WALL_MS');
    assert.equal(c.moving(10_000), false);
  });

  it('never goes backwards while playing when a snapshot is a little behind what was drawn', () => {
    const c = new SimClock();
    c.update({ simTime: 0, paused: false, rate: 1 }, 0, true);
    const drawn = c.now(40);
    c.update({ simTime: 30, paused: false, rate: 1 }, 40, false);
    assert.ok(c.now(41) >= drawn);
  });

  it('is exact while paused, eases a step forward, and jumps on a seek', () => {
    const c = new SimClock();
    c.update({ simTime: 500, paused: true, rate: 1 }, 0, true);
    assert.equal(c.now(100), 500);
    assert.equal(c.moving(100), false);
    c.update({ simTime: 700, paused: true, rate: 1 }, 1000, false);
    const mid = c.now(1000 + STEP_EASE_WALL_MS / 2);
    assert.ok(mid > 500 && mid < 700, `eases through ${mid}`);
    assert.equal(c.now(1000 + STEP_EASE_WALL_MS + 1), 700);
    c.update({ simTime: 100, paused: true, rate: 1 }, 2000, true);
    assert.equal(c.now(2000), 100);
  });

  it('moves only with snapshots under reduced motion', () => {
    const c = new SimClock();
    c.setSmooth(false);
    c.update({ simTime: 1000, paused: false, rate: 10 }, 0, false);
    assert.equal(c.now(100), 1000);
    assert.equal(c.moving(100), false);
  });
});

describe('webview flight: where a message is drawn', () => {
  const path = { from: { x: 0, y: 0 }, to: { x: 200, y: 0 }, nodeRadius: 20, selfAngle: null };

  it('interpolates by sentAt/deliverAt and clamps', () => {
    assert.equal(progress(100, 200, 150), 0.5);
    assert.equal(progress(100, 200, 50), 0);
    assert.equal(progress(100, 200, 500), 1);
    assert.equal(progress(100, 100, 100), 1);
  });

  it('runs edge to edge on a lane to the right of travel, so replies do not cover requests', () => {
    const start = pointOnPath(path, 0);
    const end = pointOnPath(path, 1);
    assert.equal(start.x, 24);
    assert.equal(end.x, 176);
    assert.equal(start.y, LANE_OFFSET);
    const back = pointOnPath({ ...path, from: path.to, to: path.from }, 0.5);
    assert.equal(back.y, -LANE_OFFSET);
  });

  it('loops outside the node for a message to itself and returns', () => {
    const loop = { from: { x: 100, y: 100 }, to: { x: 100, y: 100 }, nodeRadius: 20, selfAngle: 0 };
    const a = pointOnPath(loop, 0);
    const b = pointOnPath(loop, 1);
    const mid = pointOnPath(loop, 0.5);
    for (const end of [a, b]) assert.ok(Math.hypot(end.x - 100, end.y - 100) < 20 + 6, 'starts and ends at the node edge');
    assert.ok(mid.x > 120, 'goes out beyond the node edge');
  });

  it('falls and fades a lost message', () => {
    const at = { x: 10, y: 10 };
    assert.deepEqual(fallen(at, 0), { point: at, opacity: 1 });
    const end = fallen(at, FALL_WALL_MS);
    assert.equal(end.opacity, 0);
    assert.ok(end.point.y > at.y + 30);
  });

  it('tells a lost message from a delivered one', () => {
    const s = withNodes(clone(realSnapshot()), [node(0), node(1), node(2, { role: 'crashed' })], { time: 150, partitions: null, messages: [] });
    assert.equal(wasLost(message({ deliverAt: 140 }), s), false, 'delivered on time');
    assert.equal(wasLost(message({ deliverAt: 400 }), s), true, 'vanished before its time');
    assert.equal(wasLost(message({ to: 2, deliverAt: 140 }), s), true, 'reached a crashed node');
    assert.equal(wasLost(message({ deliverAt: 140 }), { ...s, partitions: [[0], [1, 2]] }), true, 'crossed a partition');
    assert.equal(wasLost(message({ deliverAt: 140, dropped: true }), s), true, 'the network dropped it');
  });

  it('shrinks message glyphs in crowded rings, never below 60%', () => {
    assert.equal(messageScale(46), 1);
    assert.equal(messageScale(15), 0.6);
    assert.equal(messageScale(6), 0.6);
  });

  it('gives every kind a distinct outline and replies a mark', () => {
    const kinds: WireMessage['kind'][] = ['RequestVote', 'AppendEntries', 'heartbeat', 'candidacy', 'vote'];
    const outlines = new Set(kinds.map((kind) => shapePath({ kind, granted: null, entries: 0 }, 0, 0, 1)));
    // RequestVote and heartbeat are both circles, told apart by size and colour.
    assert.equal(outlines.size, kinds.length);
    assert.equal(markPath({ kind: 'RequestVote', granted: null, entries: 0 }, 0, 0, 1), '');
    assert.notEqual(markPath({ kind: 'RequestVoteReply', granted: true, entries: 0 }, 0, 0, 1), markPath({ kind: 'RequestVoteReply', granted: false, entries: 0 }, 0, 0, 1));
    assert.notEqual(shapePath({ kind: 'AppendEntries', granted: null, entries: 3 }, 0, 0, 1), shapePath({ kind: 'AppendEntries', granted: null, entries: 0 }, 0, 0, 1));
  });
});

describe('webview palette, format and speed slider', () => {
  it('colours raft nodes by term and simple nodes by the leader they follow', () => {
    assert.equal(termSlot(3), 3);
    assert.equal(termSlot(PALETTE_SIZE + 2), 2);
    assert.equal(nodeSlot(node(0, { currentTerm: 4 }), 'raft'), 4);
    assert.equal(nodeSlot(node(0, { role: 'crashed' }), 'raft'), null);
    assert.equal(nodeSlot(node(2, { currentTerm: null, leader: 1 }), 'simple'), 1);
    assert.equal(nodeSlot(node(2, { currentTerm: null, role: 'leader', leader: 1 }), 'simple'), 2);
    assert.equal(nodeSlot(node(3, { currentTerm: null, role: 'candidate' }), 'simple'), 3);
    assert.equal(nodeSlot(node(3, { currentTerm: null }), 'simple'), null);
  });

  it('formats times and speeds the way people say them', () => {
    assert.equal(formatTime(12345), '12.345 s');
    assert.equal(formatSpeed(1), '1x');
    assert.equal(formatSpeed(0.001), '1/1000x');
    assert.equal(formatSpeed(0.25), '1/4x');
    assert.equal(formatSpeed(100), '100x');
    assert.equal(formatSpeed(2.5), '2.5x');
  });

  it('maps the log slider over 1/1000x..100x, reaching 1x exactly, and round-trips', () => {
    assert.equal(sliderToSpeed(0), 0.001);
    assert.equal(sliderToSpeed(SPEED_STEPS), 100);
    assert.equal(sliderToSpeed(speedToSlider(1)), 1);
    for (const speed of [0.001, 0.01, 0.1, 1, 10, 100]) assert.equal(sliderToSpeed(speedToSlider(speed)), speed);
    assert.equal(speedToSlider(1e9), SPEED_STEPS);
  });

  it('nudges speed along 1-2-5 steps within the limits', () => {
    assert.equal(nudgeSpeed(1, 1), 2);
    assert.equal(nudgeSpeed(2, 1), 5);
    assert.equal(nudgeSpeed(1, -1), 0.5);
    assert.equal(nudgeSpeed(100, 1), 100);
    assert.equal(nudgeSpeed(0.001, -1), 0.001);
  });
});

describe('webview announcements (aria-live)', () => {
  const base = clone(realSnapshot());
  const at = (seq: number, nodes: WireNode[], over: Partial<ClusterSnapshot> = {}): ClusterSnapshot => withNodes(base, nodes, { seq, ...over });

  it('says leader changes, crashes, recoveries and new violations', () => {
    const before = at(10, [node(0, { role: 'leader', currentTerm: 2 }), node(1), node(2)]);
    const after = at(11, [node(0, { role: 'crashed' }), node(1, { role: 'leader', currentTerm: 3 }), node(2, { role: 'crashed' })]);
    const said = announcements(before, after);
    assert.ok(said.includes('Node 0 crashed.'));
    assert.ok(said.includes('Node 2 crashed.'));
    assert.ok(said.includes('Node 1 is now leader for term 3.'));
    const recovered = announcements(after, at(12, [node(0), node(1, { role: 'leader', currentTerm: 3 }), node(2, { role: 'crashed' })]));
    assert.deepEqual(recovered, ['Node 0 recovered as follower.']);
    const violation = { invariant: 'Election Safety', time: 5, seq: 13, message: 'two leaders', nodes: [0, 1] };
    const v = announcements(after, at(13, after.nodes as WireNode[], { violations: [violation] }));
    assert.deepEqual(v, ['Invariant violated: Election Safety. two leaders']);
    assert.deepEqual(announcements(at(13, after.nodes as WireNode[], { violations: [violation] }), at(14, after.nodes as WireNode[], { violations: [violation] })), []);
  });

  it('says where a seek landed instead of listing differences', () => {
    const said = announcements(at(50, [node(0, { role: 'leader' }), node(1)]), at(20, [node(0), node(1)]));
    assert.deepEqual(said, ['Went back to event 20: no leader.']);
  });

  it('introduces a new cluster', () => {
    assert.deepEqual(announcements(null, at(0, [node(0), node(1), node(2)])), ['raft cluster of 3 nodes, no leader.']);
  });
});

describe('webview partition editor', () => {
  it('starts from the current partition and cycles a node through the groups', () => {
    const d = new PartitionDraft([0, 1, 2, 3], [[0, 1], [2, 3]]);
    assert.deepEqual(d.toGroups(), [[0, 1], [2, 3]]);
    d.cycle(1);
    assert.deepEqual(d.toGroups(), [[0], [1, 2, 3]], 'A -> B');
    d.cycle(1);
    assert.deepEqual(d.toGroups(), [[0], [2, 3], [1]], 'B -> C');
    d.cycle(1);
    d.cycle(1);
    assert.deepEqual(d.toGroups(), [[0, 1], [2, 3]], 'D wraps round to A');
  });

  it('joins a dragged node to the group of the node it is dropped on, or a new group', () => {
    const d = new PartitionDraft([0, 1, 2, 3, 4], null);
    assert.match(d.problem()!, /Every node is in group A/);
    d.join(3, null);
    d.join(4, 3);
    assert.deepEqual(d.toGroups(), [[0, 1, 2], [3, 4]]);
    assert.equal(d.problem(), null);
    d.join(9, null);
    assert.deepEqual(d.toGroups(), [[0, 1, 2], [3, 4]], 'unknown nodes change nothing');
  });
});

describe('webview log window and leader markers', () => {
  const entries = (n: number): WireNode['log'] => Array.from({ length: n }, (_, i) => ({ id: i + 1, term: 1, value: `v${i}` }));

  it('shows the newest indices that fit, plus one empty slot for nextIndex', () => {
    assert.deepEqual(logWindow([node(0, { log: entries(3) })], 10), { first: 1, last: 4 });
    assert.deepEqual(logWindow([node(0, { log: entries(40) }), node(1, { log: entries(12) })], 10), { first: 32, last: 41 });
    assert.deepEqual(logWindow([node(0)], 0.4), { first: 1, last: 1 });
  });

  it('marks for the leader of the highest term, indexed by peer id', () => {
    const old = node(0, { role: 'leader', currentTerm: 1, nextIndex: [1, 1, 1], matchIndex: [0, 0, 0] });
    const current = node(2, { role: 'leader', currentTerm: 3, nextIndex: [4, 2, 5], matchIndex: [3, 1, 4] });
    assert.equal(markingLeader([old, node(1), current])?.id, 2);
    assert.equal(markingLeader([node(1)]), null);
    assert.equal(peerIndex(current.nextIndex, 1), 2);
    assert.equal(peerIndex(current.nextIndex, 7), null);
    assert.equal(peerIndex(null, 0), null);
  });
});

describe('webview view state', () => {
  it('keeps only well-formed saved state', () => {
    assert.deepEqual(sanitizeViewState(undefined), DEFAULT_VIEW_STATE);
    assert.deepEqual(sanitizeViewState({ selectedNode: 2, selectedMessage: -1, zoom: 'yes' }), { selectedNode: 2, selectedMessage: null });
    assert.deepEqual(sanitizeViewState({ selectedNode: 1.5, selectedMessage: 7 }), { selectedNode: null, selectedMessage: 7 });
  });
});
