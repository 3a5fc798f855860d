// Finds the `// @rule <id>` marker comments in the core's sources, so "Show Code for Event" can
// jump from a trace record's rule id to the code that implements it. Pure (no 'vscode'): the
// extension feeds it the sources shipped inside the VSIX, the unit test feeds it src/core.
import { RULES, type RuleId } from '../../core/rules';

export interface SourceFile {
  /** Path relative to the extension root, with forward slashes (e.g. src/core/raft/election.ts). */
  readonly path: string;
  readonly text: string;
}

export interface MarkerLocation {
  readonly path: string;
  /** 0-based line of the marker comment. */
  readonly line: number;
  /** 0-based line of the first code line after the marker (what the highlight shows). */
  readonly codeLine: number;
}

export interface MarkerIndex {
  readonly locations: ReadonlyMap<RuleId, MarkerLocation>;
  /** Duplicates, unknown ids and rules without a marker, each said in one sentence. */
  readonly problems: readonly string[];
}

/** A line comment that is only a marker: `// @rule raft.vote.grant`. */
const MARKER = /^\s*\/\/\s*@rule\s+(\S+)\s*$/;

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

export function scanMarkers(files: readonly SourceFile[]): MarkerIndex {
  const locations = new Map<RuleId, MarkerLocation>();
  const problems: string[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const lines = file.text.split(/\r?\n/);
    lines.forEach((text, line) => {
      const id = MARKER.exec(text)?.[1];
      if (id === undefined) return;
      const where = `${file.path}:${line + 1}`;
      if (!isRuleId(id)) {
        problems.push(`${where}: marker names "${id}", which is not a rule in src/core/rules.ts`);
        return;
      }
      const seen = locations.get(id);
      if (seen) {
        problems.push(`${where}: second marker for ${id} (the first is at ${seen.path}:${seen.line + 1})`);
        return;
      }
      locations.set(id, { path: file.path, line, codeLine: nextCodeLine(lines, line) });
    });
  }
  for (const id of Object.keys(RULES)) {
    if (!locations.has(id as RuleId)) problems.push(`rule ${id} has no "// @rule ${id}" marker in the core's sources`);
  }
  return { locations, problems };
}

/** The first line after `line` that is neither blank nor a comment (the marker's code). */
function nextCodeLine(lines: readonly string[], line: number): number {
  for (let i = line + 1; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t !== '' && !t.startsWith('//')) return i;
  }
  return line;
}
