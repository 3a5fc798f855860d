// Registers every Raft command. Each resolves to a CommandResult; failures are shown to the user
// (cancelled quick picks are not) and logged, and unexpected exceptions become clear errors.
import * as vscode from 'vscode';
import { CLUSTER_COMMANDS } from './clusterCommands';
import type { CommandDeps, CommandResult, Handler } from './commandResult';
import { NODE_COMMANDS } from './nodeCommands';
import { RUN_COMMANDS } from './runCommands';

export const COMMANDS: Readonly<Record<string, Handler>> = { ...CLUSTER_COMMANDS, ...NODE_COMMANDS, ...RUN_COMMANDS };

export class CommandRegistry implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];
  /** The latest result of each command, for tests of flows that start from the UI. */
  readonly lastResults = new Map<string, CommandResult>();

  /** `extra`: handlers of other features (study mode) that share the result and error handling. */
  constructor(
    private readonly deps: CommandDeps,
    extra: Readonly<Record<string, Handler>> = {},
  ) {
    this.disposables = Object.entries({ ...COMMANDS, ...extra }).map(([id, handler]) =>
      vscode.commands.registerCommand(id, (arg: unknown) => this.run(id, handler, arg)),
    );
  }

  private async run(id: string, handler: Handler, arg: unknown): Promise<CommandResult> {
    let result: CommandResult;
    try {
      result = await handler(this.deps, arg);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.deps.log.error(`${id} failed: ${e instanceof Error && e.stack ? e.stack : why}`);
      result = { ok: false, error: `Raft: ${id} failed unexpectedly (${why}). The cluster was left as it was; see the "Raft" output for details.` };
    }
    this.lastResults.set(id, result);
    if (!result.ok && !result.cancelled) {
      this.deps.log.warn(`${id}: ${result.error}`);
      this.deps.notifier.error(result.error);
    }
    return result;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
