import * as assert from 'node:assert/strict';
import type { ClusterSnapshot, HostMessage } from '../../src/protocol/messages';
import { isParseError, parseWebviewMessage } from '../../src/protocol/validate';
import { MIN_POST_INTERVAL_MS, SnapshotCoalescer } from '../../src/vscode/panelCoalescer';
import { commandFor } from '../../src/vscode/panelMessages';
import { contentSecurityPolicy, escapeHtml, makeNonce, webviewHtml } from '../../src/vscode/webviewHtml';
import { FakeScheduler } from './sessionFakes';
import { clone, realSnapshot, VALID_WEBVIEW_MESSAGES } from './protocolFixtures';

/** A snapshot source the test fires by hand. */
class FakeSource {
  snapshot: ClusterSnapshot | null = clone(realSnapshot());
  private listeners: (() => void)[] = [];
  current(): ClusterSnapshot | null {
    return this.snapshot;
  }
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }
  fire(): void {
    for (const l of this.listeners) l();
  }
  get listenerCount(): number {
    return this.listeners.length;
  }
}

describe('panel coalescer: snapshots to the webview', () => {
  function setup(): { source: FakeSource; clock: FakeScheduler; posts: HostMessage[]; coalescer: SnapshotCoalescer } {
    const source = new FakeSource();
    const clock = new FakeScheduler();
    const posts: HostMessage[] = [];
    const coalescer = new SnapshotCoalescer(source, (m) => posts.push(m), clock);
    return { source, clock, posts, coalescer };
  }

  it('posts the first change at once and coalesces a burst into one trailing post', () => {
    const { source, clock, posts } = setup();
    source.fire();
    assert.equal(posts.length, 1);
    for (let i = 0; i < 50; i++) source.fire();
    assert.equal(posts.length, 1);
    clock.advance(MIN_POST_INTERVAL_MS);
    assert.equal(posts.length, 2);
    clock.advance(1000);
    assert.equal(posts.length, 2, 'nothing changed since');
  });

  it('never posts more than 60 a second however often the source changes', () => {
    const { source, clock, posts } = setup();
    for (let t = 0; t < 5000; t++) {
      source.fire();
      clock.advance(1);
    }
    assert.ok(posts.length <= 5 * 60, `${posts.length} posts in 5 s`);
    assert.ok(posts.length >= 5 * 55, `kept up: ${posts.length} posts in 5 s`);
  });

  it('is silent while hidden and posts a fresh snapshot when shown', () => {
    const { source, clock, posts, coalescer } = setup();
    coalescer.setVisible(false);
    source.fire();
    clock.advance(100);
    assert.equal(posts.length, 0);
    coalescer.setVisible(true);
    assert.equal(posts.length, 1);
    assert.equal(posts[0]!.type, 'snapshot');
  });

  it('answers ready with the current state, noCluster when none runs, within the same rate limit', () => {
    const { source, clock, posts, coalescer } = setup();
    source.snapshot = null;
    coalescer.request();
    coalescer.request();
    coalescer.request();
    assert.deepEqual(posts, [{ type: 'noCluster' }]);
    clock.advance(MIN_POST_INTERVAL_MS);
    assert.equal(posts.length, 2, 'the repeated requests became one more post');
  });

  it('stops listening when disposed', () => {
    const { source, clock, posts, coalescer } = setup();
    source.fire();
    coalescer.dispose();
    assert.equal(source.listenerCount, 0);
    source.fire();
    clock.advance(100);
    assert.equal(posts.length, 1);
  });
});

describe('panel messages to commands', () => {
  it('maps every webview message to the same command the palette and tree use', () => {
    const calls = VALID_WEBVIEW_MESSAGES.map((m) => commandFor(m));
    assert.equal(calls[0], null, 'ready is answered by the panel itself');
    assert.deepEqual(commandFor({ type: 'command', command: 'start' }), { command: 'raft.startCluster', args: [] });
    assert.deepEqual(commandFor({ type: 'nodeCommand', command: 'crash', node: 3 }), { command: 'raft.crashNode', args: [{ nodeId: 3 }] });
    assert.deepEqual(commandFor({ type: 'nodeCommand', command: 'timeout', node: 1 }), { command: 'raft.forceTimeout', args: [{ nodeId: 1 }] });
    assert.deepEqual(commandFor({ type: 'setSpeed', speed: 2 }), { command: 'raft.setSpeed', args: [2] });
    assert.deepEqual(commandFor({ type: 'partition', groups: [[0], [1, 2]] }), { command: 'raft.partition', args: [[[0], [1, 2]]] });
    assert.deepEqual(commandFor({ type: 'showCode', seq: 9 }), { command: 'raft.showCode', args: [{ seq: 9 }] });
    const ids = new Set(calls.filter((c) => c !== null).map((c) => c!.command));
    for (const id of ['raft.pause', 'raft.resume', 'raft.step', 'raft.stepBack', 'raft.runUntilLeader', 'raft.heal', 'raft.recoverNode', 'raft.clientRequest', 'raft.seek', 'raft.dropMessage']) {
      assert.ok(ids.has(id), `${id} is reachable from the panel`);
    }
  });

  it('runs no command for 1,000 malformed messages (validated first, as the panel does)', () => {
    const executed: string[] = [];
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const junk = (): unknown => {
      const base = clone(VALID_WEBVIEW_MESSAGES[Math.floor(random() * VALID_WEBVIEW_MESSAGES.length)]!) as unknown as Record<string, unknown>;
      const keys = Object.keys(base).filter((k) => k !== 'type' || random() < 0.3);
      const key = keys[Math.floor(random() * keys.length)] ?? 'type';
      base[key] = [null, 'x', -1, 1e9, Number.NaN, {}, [[]], undefined][Math.floor(random() * 8)];
      return base;
    };
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const parsed = parseWebviewMessage(junk());
      if (isParseError(parsed)) {
        refused++;
        continue;
      }
      const call = commandFor(parsed);
      if (call) executed.push(call.command);
    }
    assert.ok(refused > 900, `${refused} of 1,000 refused`);
    // The few survivors are messages that are still valid (e.g. ready with its type intact).
    for (const id of executed) assert.match(id, /^raft\./);
  });
});

describe('panel HTML', () => {
  it('allows only its own script (by nonce) and styles, nothing inline or remote', () => {
    const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('escapes everything it interpolates', () => {
    const html = webviewHtml({ cspSource: 'a"b', nonce: 'n<1>', scriptUri: 'x"><script>alert(1)</script>', styleUri: "s'", title: '<T&>' });
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;T&amp;&gt;/);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'exactly one script element');
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const a = makeNonce();
    assert.notEqual(a, makeNonce());
    assert.match(a, /^[A-Za-z0-9_-]{24}$/);
  });
});
