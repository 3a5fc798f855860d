// Study mode: the .raft language, scenario Run / Step through, lessons and code-linked steps.
// The extension builds one Study and registers its command handlers with the others, so every
// study command resolves to a CommandResult and shows its failures like every Raft command.
import * as vscode from 'vscode';
import type { Session } from '../../session/session';
import type { Handler } from '../commandResult';
import { CodeLinks, type CodeHighlight } from './codeLinks';
import { LANGUAGE_ID, ScenarioLanguage } from './languageFeatures';
import { LessonPicker } from './lessonPicker';
import type { LessonInfo } from './lessons';
import type { MarkerIndex } from './ruleMarkers';
import type { ScenarioRun } from './scenario';
import { ScenarioLenses } from './scenarioLens';
import { ScenarioPlayer, type ScenarioPosition } from './scenarioPlayer';
import { ShippedFiles } from './sourceDocuments';
import { studyCommands } from './studyCommands';

/** What integration tests read back from study mode. */
export interface StudyApi {
  /** The scenario being played and the line behind the current event. */
  readonly scenario: () => ScenarioPosition | null;
  readonly lastRun: (uri: string, line: number) => ScenarioRun | undefined;
  /** Where "Show Code for Event" highlights now. */
  readonly codeHighlight: () => CodeHighlight | null;
  /** The rule markers found in the core's sources shipped with the extension. */
  readonly markers: () => Promise<MarkerIndex>;
  readonly lessons: () => Promise<readonly LessonInfo[]>;
  readonly diagnostics: (uri: vscode.Uri) => readonly vscode.Diagnostic[];
}

export class Study implements vscode.Disposable {
  readonly commands: Readonly<Record<string, Handler>>;
  readonly api: StudyApi;
  private readonly disposables: vscode.Disposable[];

  constructor(context: vscode.ExtensionContext, session: Session, log: vscode.LogOutputChannel) {
    const { files, registration } = ShippedFiles.register(context.extensionUri);
    const language = new ScenarioLanguage(session);
    const player = new ScenarioPlayer(session);
    const codeLinks = new CodeLinks(session, files, log);
    const lessons = new LessonPicker(files);
    this.commands = studyCommands({ player, codeLinks, lessons });
    this.disposables = [registration, language, player, codeLinks, vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, new ScenarioLenses(player))];
    this.api = {
      scenario: () => player.position(),
      lastRun: (uri, line) => player.lastRun(uri, line),
      codeHighlight: () => codeLinks.current,
      markers: () => codeLinks.markers(),
      lessons: () => lessons.list(),
      diagnostics: (uri) => language.diagnostics.get(uri) ?? [],
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
