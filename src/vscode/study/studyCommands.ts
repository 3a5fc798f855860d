// The study commands: Run / Step through a scenario, Show Code for Event, Open Lesson.
import * as vscode from 'vscode';
import { fail, type Handler } from '../commandResult';
import type { CodeLinks } from './codeLinks';
import type { LessonPicker } from './lessonPicker';
import type { PlayMode, ScenarioPlayer } from './scenarioPlayer';
import { parseLessonArg, parseScenarioArg, parseShowCodeArg } from './studyArgs';

export interface StudyParts {
  readonly player: ScenarioPlayer;
  readonly codeLinks: CodeLinks;
  readonly lessons: LessonPicker;
}

export function studyCommands({ player, codeLinks, lessons }: StudyParts): Readonly<Record<string, Handler>> {
  const play =
    (mode: PlayMode): Handler =>
    (deps, arg) => {
      // The editor title menu passes the file's URI.
      const parsed = parseScenarioArg(arg instanceof vscode.Uri ? arg.toString() : arg);
      return parsed.kind === 'invalid' ? fail(parsed.error) : player.play(deps, parsed.kind === 'value' ? parsed.value : {}, mode);
    };
  return {
    'raft.runScenario': play('run'),
    'raft.stepScenario': play('step'),
    'raft.showCode': async (_deps, arg) => {
      const parsed = parseShowCodeArg(arg);
      if (parsed.kind === 'invalid') return fail(parsed.error);
      const result = await codeLinks.show(parsed.kind === 'value' ? parsed.value : 'current');
      return result.ok ? result : fail(result.error);
    },
    'raft.openLesson': (_deps, arg) => {
      const parsed = parseLessonArg(arg);
      return parsed.kind === 'invalid' ? fail(parsed.error) : lessons.open(parsed.kind === 'value' ? parsed.value : undefined);
    },
  };
}
