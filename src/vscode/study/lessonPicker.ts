// "Raft: Open Lesson…": a quick pick of the lessons shipped in media/lessons; the chosen one opens
// read-only (Run and Step through work on it; File > Save As makes a copy to edit).
import * as vscode from 'vscode';
import type { CommandResult } from '../commandResult';
import { CANCELLED, fail } from '../commandResult';
import { findLesson, LESSON_DIR, lessonInfo, sortLessons, type LessonInfo } from './lessons';
import type { ShippedFiles } from './sourceDocuments';

export class LessonPicker {
  private lessons: Promise<LessonInfo[]> | null = null;

  constructor(private readonly files: ShippedFiles) {}

  list(): Promise<LessonInfo[]> {
    this.lessons ??= this.files.list(LESSON_DIR, '.raft').then(async (paths) =>
      sortLessons(await Promise.all(paths.map(async (path) => lessonInfo(path.slice(LESSON_DIR.length + 1), await this.files.read(path))))),
    );
    return this.lessons;
  }

  /** Opens the named lesson, or asks which one. */
  async open(name: string | undefined): Promise<CommandResult> {
    let lessons: LessonInfo[];
    try {
      lessons = await this.list();
    } catch (e) {
      this.lessons = null;
      return fail(`The lessons could not be read from the extension (${e instanceof Error ? e.message : String(e)}). Reinstall Raft Cluster.`);
    }
    let lesson: LessonInfo | undefined;
    if (name === undefined) {
      const picked = await vscode.window.showQuickPick(
        lessons.map((l) => ({ label: l.title, detail: l.description, lesson: l })),
        { title: 'Open Lesson', placeHolder: 'Each lesson is a scenario: Run it, or Step through it event by event', matchOnDetail: true },
      );
      if (!picked) return CANCELLED;
      lesson = picked.lesson;
    } else {
      lesson = findLesson(lessons, name);
      if (!lesson) return fail(`There is no lesson "${name}". The lessons are: ${lessons.map((l) => l.file.replace(/\.raft$/, '')).join(', ')}.`);
    }
    const document = await vscode.workspace.openTextDocument(this.files.uri(`${LESSON_DIR}/${lesson.file}`));
    await vscode.window.showTextDocument(document, { preview: false });
    return { ok: true, lesson: lesson.file, title: lesson.title, uri: document.uri.toString() };
  }
}
