// Code links: every rule the core can put in a trace record has exactly one `// @rule <id>` marker
// in src/core at the code that applies it, and every marker names a known rule.
import * as assert from 'node:assert/strict';
import { RULE_IDS } from '../../src/core/rules';
import { scanMarkers } from '../../src/vscode/study/ruleMarkers';
import { coreSources } from './studySources';

/** How far below its marker the code that applies a rule may name it. */
const RULE_NEAR_MARKER_LINES = 12;

describe('study: rule markers in the core sources', () => {
  const files = coreSources();
  const index = scanMarkers(files);

  it('finds the core sources', () => {
    assert.ok(files.some((f) => f.path === 'src/core/rules.ts'), `read ${files.map((f) => f.path).join(', ')}`);
  });

  it('has one marker for every rule id and no marker for an unknown id', () => {
    assert.deepEqual(index.problems, []);
    assert.equal(index.locations.size, RULE_IDS.length);
  });

  it('resolves every rule id to a line that names that rule just below its marker', () => {
    for (const id of RULE_IDS) {
      const at = index.locations.get(id);
      assert.ok(at, `no marker for ${id}`);
      const lines = files.find((f) => f.path === at.path)!.text.split('\n');
      assert.match(lines[at.line]!, new RegExp(`@rule ${id.replace(/\./g, '\\.')}\\s*$`));
      assert.ok(at.codeLine > at.line, `${id}: the marker at ${at.path}:${at.line + 1} has no code after it`);
      const below = lines.slice(at.line + 1, at.line + 1 + RULE_NEAR_MARKER_LINES).join('\n');
      assert.ok(below.includes(`'${id}'`), `${id}: the code below ${at.path}:${at.line + 1} does not name '${id}'`);
    }
  });
});

describe('study: the marker scanner', () => {
  const file = (path: string, ...lines: string[]) => ({ path, text: lines.join('\n') });

  it('points at the marker and the first code line after it', () => {
    const index = scanMarkers([file('src/core/a.ts', 'x();', '  // @rule raft.crash', '  // why', '', "  ctx.rule('raft.crash');")]);
    assert.deepEqual(index.locations.get('raft.crash'), { path: 'src/core/a.ts', line: 1, codeLine: 4 });
  });

  it('reports a duplicate, an unknown id and every rule left without a marker', () => {
    const index = scanMarkers([file('src/core/b.ts', '// @rule raft.crash'), file('src/core/a.ts', '// @rule raft.crash', '// @rule raft.nonsense')]);
    assert.ok(index.problems.includes('src/core/b.ts:1: second marker for raft.crash (the first is at src/core/a.ts:1)'), index.problems.join('\n'));
    assert.ok(index.problems.includes('src/core/a.ts:2: marker names "raft.nonsense", which is not a rule in src/core/rules.ts'));
    assert.ok(index.problems.includes('rule raft.recover has no "// @rule raft.recover" marker in the core\'s sources'));
    assert.equal(index.problems.filter((p) => p.endsWith("marker in the core's sources")).length, RULE_IDS.length - 1);
  });

  it('ignores prose that mentions markers', () => {
    const index = scanMarkers([file('src/core/rules.ts', '// Each id has exactly one `@rule <id>` marker', "return `@rule ${id}`;", '/* @rule raft.crash */')]);
    assert.equal(index.locations.size, 0);
  });
});
