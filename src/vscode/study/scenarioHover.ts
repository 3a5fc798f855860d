// Hover on a scenario line's command word: its syntax and what it does (from the core's COMMANDS).
// Pure (no 'vscode').
import { COMMANDS } from '../../core/script/parse';
import { wordsOf } from './scenarioTokens';

export interface CommandHover {
  readonly syntax: string;
  readonly summary: string;
  /** The command word's columns (end exclusive). */
  readonly start: number;
  readonly end: number;
}

export function hoverAt(line: string, column: number): CommandHover | null {
  const head = wordsOf(line)[0];
  if (!head || column < head.start || column > head.end) return null;
  const command = COMMANDS.find((c) => c.name === head.text.toLowerCase());
  return command ? { syntax: command.syntax, summary: command.summary, start: head.start, end: head.end } : null;
}
