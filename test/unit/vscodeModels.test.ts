// The extension's pure view models and argument parsing (no VS Code needed).
import * as assert from 'node:assert/strict';
import { normalizeConfig, History, type NodeView } from '../../src/core';
import { parseNodeArg, parsePartitionArg, parseRequestArg, parseStartArgs, parseConditionArg, parseMessageArg } from '../../src/vscode/commandArgs';
import { contextValue, detailRows, nodeDescription, nodeKey, tooltipMarkdown, LOG_ROWS } from '../../src/vscode/nodeTreeModel';
import { describeChanges, interpretSettings } from '../../src/vscode/settingsModel';
import { formatSpeed } from '../../src/protocol/messages';
import { statusText } from '../../src/vscode/statusModel';

function node(overrides: Partial<NodeView>): NodeView {
  return {
    id: 2, role: 'follower', currentTerm: 4, votedFor: 1, leader: 1, log: [], commitIndex: 0, lastApplied: 0,
    nextIndex: null, matchIndex: null, votesReceived: [], timers: [], inbox: 0, extra: {}, ...overrides,
  };
}

describe('settings model', () => {
  it('uses each protocol\'s defaults for unset values, without warnings', () => {
    const raft = interpretSettings({});
    assert.deepEqual(raft.warnings, []);
    assert.equal(raft.cluster.size, 5);
    assert.equal(raft.cluster.seed, null, 'no seed set: a new one per start');
    assert.equal(raft.speed, 1);
    const simple = interpretSettings({ protocol: 'simple' });
    assert.equal(simple.cluster.size, 3);
    assert.equal(simple.cluster.electionTimeoutMin, 1000);
  });

  it('clamps out-of-range values with a warning naming the setting', () => {
    const s = interpretSettings({ size: 40, latencyMax: 99_999, dropRate: -1, speed: 1000, seed: 'x', protocol: 'paxos' });
    assert.equal(s.cluster.size, 25);
    assert.equal(s.cluster.latencyMax, 10_000);
    assert.equal(s.cluster.dropRate, 0);
    assert.equal(s.speed, 100);
    assert.equal(s.cluster.protocol, 'raft');
    for (const name of ['size', 'latencyMax', 'dropRate', 'speed', 'seed', 'protocol']) {
      assert.ok(s.warnings.some((w) => w.startsWith(`raft.${name} `)), `warning for raft.${name} in ${JSON.stringify(s.warnings)}`);
    }
    assert.match(s.warnings.find((w) => w.startsWith('raft.size'))!, /between 1 and 25 nodes, not 40; using 25/);
    assert.equal(interpretSettings({ size: 0 }).cluster.size, 1);
  });

  it('says which changes apply now and which at the next start', () => {
    const before = interpretSettings({});
    const after = interpretSettings({ speed: 5, latencyMin: 50 });
    assert.deepEqual(describeChanges(before, after), { now: ['speed'], nextStart: ['latencyMin'] });
  });
});

describe('command arguments', () => {
  it('accepts node ids from the palette, the tree and the panel', () => {
    assert.deepEqual(parseNodeArg('Crash Node', undefined), { kind: 'ask' });
    assert.deepEqual(parseNodeArg('Crash Node', 3), { kind: 'value', value: 3 });
    assert.deepEqual(parseNodeArg('Crash Node', { nodeId: 4, webviewSection: 'node' }), { kind: 'value', value: 4 });
    assert.deepEqual(parseNodeArg('Crash Node', { kind: 'node', nodeId: 0 }), { kind: 'value', value: 0 });
    for (const bad of ['2', -1, 1.5, { nodeId: 'x' }, [1]]) {
      const parsed = parseNodeArg('Crash Node', bad);
      assert.equal(parsed.kind, 'invalid');
      assert.match(parsed.kind === 'invalid' ? parsed.error : '', /^Crash Node needs a node id such as 2/);
    }
  });

  it('checks Start Cluster options and caps the size at 1..25', () => {
    assert.deepEqual(parseStartArgs({ size: 25, protocol: 'simple', seed: 0 }), { kind: 'value', value: { size: 25, protocol: 'simple', seed: 0 } });
    for (const bad of [{ size: 26 }, { size: 0 }, { size: 3.5 }, { protocol: 'paxos' }, { seed: -2 }, { replace: 'yes' }, 7]) {
      assert.equal(parseStartArgs(bad).kind, 'invalid', JSON.stringify(bad));
    }
  });

  it('parses partitions, requests, conditions and message ids', () => {
    assert.deepEqual(parsePartitionArg([[0, 1], [2]]), { kind: 'value', value: [[0, 1], [2]] });
    assert.deepEqual(parsePartitionArg({ groups: [[0], [1]] }), { kind: 'value', value: [[0], [1]] });
    for (const bad of [[[0, 1, 2]], [[0], []], [[0], ['1']], 'a|b']) assert.equal(parsePartitionArg(bad).kind, 'invalid');
    assert.deepEqual(parseRequestArg('x=1'), { kind: 'value', value: { value: 'x=1' } });
    assert.deepEqual(parseRequestArg({ nodeId: 2 }), { kind: 'value', value: { via: 2 } });
    assert.equal(parseRequestArg({ value: '' }).kind, 'invalid');
    assert.deepEqual(parseConditionArg('commit'), { kind: 'value', value: 'commit' });
    assert.equal(parseConditionArg('lunch').kind, 'invalid');
    assert.deepEqual(parseMessageArg({ messageId: 5 }), { kind: 'value', value: 5 });
  });
});

describe('Nodes tree model', () => {
  it('describes role, term, log length and commit index', () => {
    const leader = node({ role: 'leader', currentTerm: 4, log: Array.from({ length: 7 }, (_, i) => ({ id: i + 1, index: i + 1, term: 4, value: `x=${i}`, prevId: i })), commitIndex: 5 });
    assert.equal(nodeDescription(leader, 'raft'), 'leader · term 4 · log 7/5');
    assert.equal(contextValue(leader), 'leaderNode');
    assert.equal(contextValue(node({ role: 'crashed' })), 'crashedNode');
    assert.equal(nodeDescription(node({ currentTerm: null }), 'simple'), 'follower · follows n1');
  });

  it('lists every field in the details and the tooltip, with leader-only indexes', () => {
    const view = new History(normalizeConfig({ size: 3, seed: 2 }).config);
    view.runUntil(10_000);
    const leaderId = view.leader()!;
    const leader = view.view().nodes[leaderId]!;
    const rows = detailRows(leader, 'raft', view.time).map((r) => r.label);
    for (const label of ['currentTerm', 'votedFor', 'leader', 'log', 'commitIndex', 'lastApplied', 'nextIndex', 'matchIndex', 'heartbeat timer']) assert.ok(rows.includes(label), `${label} in ${rows}`);
    const tooltip = tooltipMarkdown(leader, 'raft', view.time);
    assert.match(tooltip, /\| currentTerm \| \d+ \|/);
    assert.match(tooltip, /\| nextIndex \| n\d=\d+ n\d=\d+ \|/);
    const follower = view.view().nodes[(leaderId + 1) % 3]!;
    assert.ok(!detailRows(follower, 'raft', view.time).some((r) => r.label === 'nextIndex'));
  });

  it('shows at most the last LOG_ROWS entries with committed state', () => {
    const log = Array.from({ length: LOG_ROWS + 10 }, (_, i) => ({ id: i + 1, index: i + 1, term: 1, value: `v${i + 1}`, prevId: i }));
    const rows = detailRows(node({ log, commitIndex: LOG_ROWS + 5, lastApplied: LOG_ROWS }), 'raft', 0);
    const entries = rows.find((r) => r.key === 'log')!.children!;
    assert.equal(entries.length, LOG_ROWS + 1);
    assert.equal(entries[0]!.description, '10 earlier entries');
    assert.match(entries[entries.length - 1]!.description, /v60 · not committed/);
    assert.match(entries.find((e) => e.label === String(LOG_ROWS + 5))!.description, /committed$/);
  });

  it('keys a node on what is shown, so unchanged nodes are not refreshed', () => {
    const a = node({});
    assert.equal(nodeKey(a), nodeKey(node({})));
    assert.notEqual(nodeKey(a), nodeKey(node({ currentTerm: 5 })));
    assert.notEqual(nodeKey(a), nodeKey(node({ timers: [{ kind: 'election', start: 1, deadline: 2 }] })));
  });
});

describe('status bar model', () => {
  const view = (nodes: NodeView[], protocol: 'raft' | 'simple' = 'raft') => ({ protocol, seed: 1, time: 1234, seq: 9, nodes, messages: [], partitions: null, violations: [] });

  it('names the leader and term, the crashed count and the pause', () => {
    const nodes = [node({ id: 0 }), node({ id: 1, role: 'crashed' }), node({ id: 2, role: 'leader', currentTerm: 4 })];
    assert.equal(statusText({ view: view(nodes), paused: false, speed: 1, achievedSpeed: null }).text, '$(pulse) Raft: n2 leads, term 4, 1 crashed');
    assert.match(statusText({ view: view(nodes), paused: true, speed: 1, achievedSpeed: null }).text, /^\$\(debug-pause\) /);
    assert.equal(statusText({ view: view([node({ id: 0, currentTerm: 3 })]), paused: false, speed: 1, achievedSpeed: null }).text, '$(pulse) Raft: no leader, term 3');
  });

  it('shows the simple protocol, two leaders, and the achieved rate when behind', () => {
    const nodes = [node({ id: 0, role: 'leader', currentTerm: null }), node({ id: 1, role: 'leader', currentTerm: null })];
    const s = statusText({ view: view(nodes, 'simple'), paused: false, speed: 100, achievedSpeed: 37.4 });
    assert.equal(s.text, '$(pulse) Raft (simple): n0 and n1 both lead, $(warning) 37x of 100x');
    assert.match(s.tooltip, /cannot keep up with 100x/);
    assert.equal(formatSpeed(0.25), '1/4x', 'the same words as the panel');
  });
});
