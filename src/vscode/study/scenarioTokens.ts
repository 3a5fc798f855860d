// Words of a scenario line with their columns, for the editor features that point into a line.
// The comment (from `#`) is not part of the line's words, as in the core's parser.

export interface Word {
  readonly text: string;
  /** 0-based columns, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** The line without its comment. */
export function codeOf(line: string): string {
  const hash = line.indexOf('#');
  return hash >= 0 ? line.slice(0, hash) : line;
}

export function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  const re = /\S+/g;
  const code = codeOf(line);
  for (let m = re.exec(code); m !== null; m = re.exec(code)) words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return words;
}
