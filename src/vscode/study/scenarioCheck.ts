// What the Problems panel shows for a scenario file: every line the parser rejects (with its
// column range and message), and lines that parse but would be refused by the cluster the file
// starts: node ids outside it, partitions that do not place every node once, client requests on
// the simple protocol, start options out of range. Pure (no 'vscode').
import { normalizeConfig, type ClusterConfig } from '../../core/config';
import { partitionFromGroups } from '../../core/network';
import { parseLine, type Command } from '../../core/script/parse';
import { segmentAt, segmentsOf } from './scenario';
import { wordsOf, type Word } from './scenarioTokens';

export interface ScenarioProblem {
  /** 0-based line and columns (end exclusive). */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** The cluster a segment's lines run on: its start line's options over the core's defaults. */
export function configOf(start: Extract<Command, { kind: 'start' }> | null): { config: ClusterConfig; problems: readonly string[] } {
  const { config, problems } = normalizeConfig(start?.options ?? {});
  return { config, problems: problems.map((p) => p.message) };
}

export function checkScenario(lines: readonly string[]): ScenarioProblem[] {
  const segments = segmentsOf(lines);
  const out: ScenarioProblem[] = [];
  lines.forEach((text, line) => {
    const parsed = parseLine(text);
    if (!parsed.ok) {
      const { start, end, message } = parsed.error;
      // A zero-width range at the end of the line still needs a visible squiggle.
      out.push({ line, start: Math.max(0, end > start ? start : start - 1), end: Math.max(end, start), message, severity: 'error' });
      return;
    }
    if (parsed.command === null) return;
    const { config, problems } = configOf(segmentAt(segments, line)?.start ?? null);
    const words = wordsOf(text);
    const warn = (message: string, at: { start: number; end: number }) => out.push({ line, start: at.start, end: at.end, message, severity: 'warning' });
    if (parsed.command.kind === 'start') {
      for (const p of problems) warn(`${p} (the cluster starts with the value in range)`, spanOf(words, 1));
      return;
    }
    for (const p of clusterProblems(parsed.command, config, words)) warn(p.message, p.at);
  });
  return out;
}

function clusterProblems(command: Command, config: ClusterConfig, words: readonly Word[]): { message: string; at: { start: number; end: number } }[] {
  const nodeAt = (id: number, word: number) =>
    id < config.size ? [] : [{ message: `node ${id} does not exist: the cluster this file starts has nodes 0-${config.size - 1}`, at: words[word]! }];
  switch (command.kind) {
    case 'crash':
    case 'recover':
    case 'timeout':
      return nodeAt(command.node, 1);
    case 'partition': {
      const result = partitionFromGroups(command.groups, config.size);
      return result.ok ? [] : [{ message: `${result.error}; the cluster would refuse this partition`, at: spanOf(words, 1) }];
    }
    case 'request':
      return config.protocol === 'simple' ? [{ message: 'the simple protocol has no log, so the cluster refuses client requests; start a raft cluster to replicate commands', at: words[0]! }] : [];
    case 'expect': {
      const e = command.expectation;
      if (e.what === 'leader' && typeof e.node === 'number') return nodeAt(e.node, 2);
      if (e.what === 'role' || e.what === 'field') return nodeAt(e.node, 2);
      return [];
    }
    default:
      return [];
  }
}

/** From word `from` to the last word (the whole line when there are no words after `from`). */
function spanOf(words: readonly Word[], from: number): { start: number; end: number } {
  const first = words[from] ?? words[0]!;
  return { start: first.start, end: words[words.length - 1]!.end };
}
