// raft-cluster: the terminal cluster, the original interactive menu grown into the command language.
//   raft-cluster [--nodes N] [--protocol raft|simple] [--seed S] [--json] [FILE]
// Reads commands from FILE or standard input. On a terminal it prompts with "$ " and, like the
// original's threads, the cluster keeps running in real time between commands.
import * as fs from 'fs';
import * as readline from 'readline';
import { normalizeConfig, parseLine, runScript, ScriptSession, type Answer, type ClusterConfig } from './core';

const USAGE = `usage: raft-cluster [--nodes N] [--protocol raft|simple] [--seed S] [--json] [FILE]
  Runs a simulated cluster and reads commands (type "help" for them) from FILE or standard input.`;

interface Options {
  defaults: Partial<ClusterConfig>;
  json: boolean;
  file: string | null;
}

function parseArgs(argv: readonly string[]): Options | string {
  const defaults: Record<string, unknown> = {};
  let json = false;
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return '';
    else if (arg === '--nodes' || arg === '--seed') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v)) return `${arg} needs a whole number`;
      defaults[arg === '--nodes' ? 'size' : 'seed'] = Number(v);
    } else if (arg === '--protocol') {
      const v = value();
      if (v !== 'raft' && v !== 'simple') return '--protocol must be raft or simple';
      defaults.protocol = v;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (file === null) file = arg;
    else return `only one FILE can be given (got ${file} and ${arg})`;
  }
  const { problems } = normalizeConfig(defaults);
  const bad = problems[0];
  if (bad) return bad.message;
  return { defaults: defaults as Partial<ClusterConfig>, json, file };
}

function print(a: Answer, json: boolean): void {
  process.stdout.write((json ? JSON.stringify(a.json) : a.text) + '\n');
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    if (opts) process.stderr.write(`raft-cluster: ${opts}\n`);
    process.stderr.write(USAGE + '\n');
    process.exit(opts ? 2 : 0);
  }
  if (opts.file !== null) {
    let text: string;
    try {
      text = fs.readFileSync(opts.file, 'utf8');
    } catch (e) {
      process.stderr.write(`raft-cluster: cannot read ${opts.file}: ${(e as Error).message}\n`);
      process.exit(2);
    }
    const file = opts.file;
    const { failedLine, error, badLines } = runScript(text, opts.defaults, (_, a) => print(a, opts.json));
    if (failedLine !== null) process.stderr.write(`${file}:${failedLine}: ${error}\n`);
    for (const line of badLines) process.stderr.write(`${file}:${line}: this line is not a command (see the error above); fix it or comment it out with #\n`);
    if (failedLine !== null || badLines.length > 0) process.exit(1);
    return;
  }
  interactive(opts);
}

function interactive(opts: Options): void {
  const session = new ScriptSession(opts.defaults);
  const tty = process.stdin.isTTY === true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: tty, prompt: '$ ' });
  // On a terminal simulated time follows the wall clock between commands, as the original ran.
  const started = Date.now();
  let offset = 0;
  let clockOf = session.history;
  const catchUp = () => {
    if (!tty) return;
    const h = session.history;
    const wall = Date.now() - started + offset;
    if (wall > h.time) h.runUntil(wall);
    else offset += h.time - wall; // `run` moved ahead of the clock
  };
  let lineNo = 0;
  let failed: number | null = null;
  let bad = false;
  if (tty) {
    process.stdout.write('Raft Cluster: a simulated cluster is running. Type help for commands, quit to leave.\n');
    rl.prompt();
  }
  rl.on('line', (line) => {
    lineNo++;
    catchUp();
    const parsed = parseLine(line);
    const answer = session.executeParsed(parsed);
    if (session.history !== clockOf) {
      // `start` made a new cluster at time 0: its clock starts now, not when the CLI did.
      clockOf = session.history;
      offset = -(Date.now() - started);
    }
    if (answer !== null) {
      print(answer, opts.json);
      // From a pipe, as from a file, a line that is not a command fails the run once it ends.
      if (!tty && !parsed.ok) bad = true;
      if (answer.quit) return rl.close();
      if (answer.expectFailed && !tty) {
        process.stderr.write(`stdin:${lineNo}: ${answer.text}\n`);
        failed = lineNo;
        return rl.close();
      }
    }
    if (tty) rl.prompt();
  });
  rl.on('close', () => process.exit(failed === null && !bad ? 0 : 1));
}

main();
