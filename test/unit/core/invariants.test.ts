// The invariant checker fed broken histories by hand: each of the five properties of Figure 3
// must fire on its own kind of breakage, and stay quiet on a healthy history.
import * as assert from 'node:assert/strict';
import { InvariantChecker } from '../../../src/core/invariants';
import type { NodeBrief } from '../../../src/core/trace';
import type { LogEntry, NodeId, Role } from '../../../src/core/types';
import { logOfTerms } from './helpers';

function brief(role: Role, currentTerm: number, log: readonly LogEntry[], commitIndex = 0): NodeBrief {
  return { role, currentTerm, votedFor: null, leader: null, logLength: log.length, commitIndex };
}

/** Feeds one node's change (before -> after) to the checker, like the simulation does after an event. */
class Feed {
  readonly checker = new InvariantChecker('raft');
  private seq = 0;
  change(node: NodeId, before: NodeBrief, logBefore: readonly LogEntry[], after: NodeBrief, logAfter: readonly LogEntry[]) {
    return this.checker.check(node, before, logBefore, after, logAfter, ++this.seq, this.seq * 10);
  }
  names(): string[] {
    return this.checker.violations.map((v) => v.invariant);
  }
}

describe('invariant checker (raft)', () => {
  it('a healthy history breaks nothing: elections in rising terms, appends, commits, a follower catching up', () => {
    const f = new Feed();
    const log = logOfTerms([1]);
    assert.equal(f.change(0, brief('candidate', 1, []), [], brief('leader', 1, []), []), undefined);
    f.change(0, brief('leader', 1, []), [], brief('leader', 1, log, 1), log);
    f.change(1, brief('follower', 1, []), [], brief('follower', 1, log, 1), log.slice());
    const log2 = [...log, ...logOfTerms([2])].map((e, i) => (i === 1 ? { ...e, index: 2, prevId: log[0]!.id } : e));
    f.change(1, brief('candidate', 2, log), log, brief('leader', 2, log2, 1), log2);
    f.change(1, brief('leader', 2, log2, 1), log2, brief('leader', 2, log2, 2), log2);
    f.change(0, brief('follower', 2, log, 1), log, brief('follower', 2, log2, 2), log2);
    assert.deepEqual(f.checker.violations, []);
  });

  it('Election Safety: two nodes winning the same term', () => {
    const f = new Feed();
    f.change(0, brief('candidate', 3, []), [], brief('leader', 3, []), []);
    const v = f.change(2, brief('candidate', 3, []), [], brief('leader', 3, []), []);
    assert.equal(v?.invariant, 'Election Safety');
    assert.equal(v?.message, 'nodes 0 and 2 both won term 3');
    assert.deepEqual(v?.nodes, [0, 2]);
    assert.deepEqual([v?.seq, v?.time], [2, 20], 'it says where in the trace');
  });

  it('Leader Append-Only: a leader removing an entry from its own log', () => {
    const f = new Feed();
    const log = logOfTerms([1, 1]);
    const v = f.change(0, brief('leader', 1, log), log, brief('leader', 1, log.slice(0, 1)), log.slice(0, 1));
    assert.deepEqual(f.names(), ['Leader Append-Only']);
    assert.match(v!.message, /leader 0 of term 1 removed or overwrote entries from index 2/);
  });

  it('Leader Append-Only: a leader overwriting an entry in place', () => {
    const f = new Feed();
    const log = logOfTerms([1, 1]);
    const other = [log[0]!, { ...log[1]!, id: 999_999 }];
    f.change(0, brief('leader', 1, log), log, brief('leader', 1, other), other);
    assert.ok(f.names().includes('Leader Append-Only'));
  });

  it('Log Matching: an entry stored at another index than its leader gave it', () => {
    const f = new Feed();
    const [, second] = logOfTerms([1, 1]);
    f.change(1, brief('follower', 1, []), [], brief('follower', 1, [second!]), [second!]);
    assert.deepEqual(f.names(), ['Log Matching']);
  });

  it('Log Matching: an entry following another predecessor than at its leader', () => {
    const f = new Feed();
    const leader = logOfTerms([1, 1]);
    const stray = logOfTerms([2]);
    const log = [stray[0]!, leader[1]!]; // index 2 is the leader's, but it followed leader[0], not stray[0]
    f.change(1, brief('follower', 2, []), [], brief('follower', 2, log), log);
    assert.deepEqual(f.names(), ['Log Matching']);
  });

  it('Leader Completeness: a leader elected without an entry already committed', () => {
    const f = new Feed();
    const log = logOfTerms([1]);
    f.change(0, brief('leader', 1, log), log, brief('leader', 1, log, 1), log);
    const v = f.change(1, brief('candidate', 2, []), [], brief('leader', 2, []), []);
    assert.deepEqual(f.names(), ['Leader Completeness']);
    assert.match(v!.message, /node 1 became leader of term 2 without the entry committed at index 1/);
  });

  it('State Machine Safety: two nodes applying different entries at one index', () => {
    const f = new Feed();
    const a = logOfTerms([1]);
    const b = logOfTerms([2]);
    f.change(0, brief('leader', 1, a), a, brief('leader', 1, a, 1), a);
    const v = f.change(1, brief('follower', 2, b), b, brief('follower', 2, b, 1), b);
    assert.deepEqual(f.names(), ['State Machine Safety']);
    assert.match(v!.message, new RegExp(`node 1 applied entry #${b[0]!.id} at index 1, where entry #${a[0]!.id} was applied before`));
  });

  it('a restored checker remembers who won which term and what was committed', () => {
    const f = new Feed();
    const log = logOfTerms([1]);
    f.change(0, brief('candidate', 1, []), [], brief('leader', 1, log, 1), log);
    const restored = InvariantChecker.restore('raft', f.checker.snapshot());
    f.change(1, brief('candidate', 1, []), [], brief('leader', 1, log), log); // only the live checker sees this
    assert.equal(restored.check(2, brief('candidate', 1, []), [], brief('leader', 1, log), log, 3, 30)?.invariant, 'Election Safety');
    assert.equal(restored.check(3, brief('candidate', 2, []), [], brief('leader', 2, []), [], 4, 40)?.invariant, 'Leader Completeness');
    assert.equal(restored.violations.length, 2);
    assert.equal(f.checker.violations.length, 1, 'the snapshot did not share later violations');
  });
});

describe('invariant checker (simple)', () => {
  it('reports two leaders at once, and nothing once the first has stepped down', () => {
    const checker = new InvariantChecker('simple');
    const lead = (node: NodeId, seq: number) => checker.check(node, { ...brief('candidate', 0, []), currentTerm: null }, [], { ...brief('leader', 0, []), currentTerm: null }, [], seq, seq);
    assert.equal(lead(0, 1), undefined);
    const v = lead(2, 2);
    assert.equal(v?.invariant, 'Election Safety');
    assert.equal(v?.message, 'two leaders at once: node 2 became leader while node 0 still leads');
    checker.check(0, brief('leader', 0, []), [], brief('crashed', 0, []), [], 3, 3);
    checker.check(2, brief('leader', 0, []), [], brief('follower', 0, []), [], 4, 4);
    assert.equal(lead(1, 5), undefined, 'one leader at a time is fine');
    assert.equal(checker.violations.length, 1);
  });
});
