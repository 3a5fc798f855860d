// CodeLenses above each segment of a scenario file (its start line): Run and Step through; after a
// run, how its expects fared; while stepping through it, Step and Step Back.
import * as vscode from 'vscode';
import { segmentsOf, splitLines, type ScenarioRun } from './scenario';
import type { ScenarioPlayer } from './scenarioPlayer';

export class ScenarioLenses implements vscode.CodeLensProvider {
  constructor(private readonly player: ScenarioPlayer) {}

  get onDidChangeCodeLenses(): vscode.Event<void> {
    return this.player.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const uri = document.uri.toString();
    const playing = this.player.playing;
    return segmentsOf(splitLines(document.getText())).flatMap((segment) => {
      const range = new vscode.Range(segment.first, 0, segment.first, 0);
      const target = { uri, line: segment.first };
      const lens = (title: string, command: string, args: unknown[] = [], tooltip?: string) => new vscode.CodeLens(range, { title, command, arguments: args, ...(tooltip ? { tooltip } : {}) });
      const lenses: vscode.CodeLens[] = [];
      // While stepping through this segment, Step comes first, where the eye (and the mouse) is.
      if (playing?.uri === uri && playing.run.segment.first === segment.first && playing.mode === 'step') {
        lenses.push(lens('$(debug-step-into) Step', 'raft.step', [], 'Apply the next event (F10)'), lens('$(debug-step-back) Step Back', 'raft.stepBack', [], 'Undo the last event (Alt+F10)'));
      }
      lenses.push(
        lens('$(play) Run', 'raft.runScenario', [target], 'Start this cluster (replacing the running one) and play the lines below to the end, in the cluster panel: the same run as raft-cluster FILE in a terminal'),
        lens('$(debug-step-over) Step through', 'raft.stepScenario', [target], 'The same run, loaded paused at the start: each Step (F10) applies one event and marks the line behind it'),
      );
      const run = this.player.lastRun(uri, segment.first);
      if (run && run.segment.first === segment.first) lenses.push(lens(summary(run), ''));
      return lenses;
    });
  }
}

function summary(run: ScenarioRun): string {
  const { passed, failed } = run.expects;
  const refused = run.errors > 0 ? `, ${run.errors} line${run.errors > 1 ? 's' : ''} refused` : '';
  if (failed > 0) return `$(error) expect on line ${run.failedLine! + 1} failed (${passed} passed before it)${refused}`;
  return `${run.errors > 0 ? '$(warning)' : '$(pass)'} ${passed} expect${passed === 1 ? '' : 's'} passed${refused}`;
}
