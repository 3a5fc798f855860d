// The lessons shipped in media/lessons: a title and a one-line description read from each file's
// first two comment lines ("# Lesson 3: A split vote" / "# When several followers..."). Pure.

export interface LessonInfo {
  /** File name, e.g. 03-split-vote.raft. */
  readonly file: string;
  readonly title: string;
  readonly description: string;
}

export const LESSON_DIR = 'media/lessons';

export function lessonInfo(file: string, text: string): LessonInfo {
  const comments = text.split(/\r?\n/).filter((l) => l.startsWith('#')).map((l) => l.replace(/^#\s?/, '').trim());
  return { file, title: comments[0] || file, description: comments[1] ?? '' };
}

/** Lessons in file-name order (the numbers give the teaching order). */
export function sortLessons(lessons: readonly LessonInfo[]): LessonInfo[] {
  return [...lessons].sort((a, b) => a.file.localeCompare(b.file));
}

/** Finds a lesson by file name, with or without `.raft` ("03-split-vote"). */
export function findLesson(lessons: readonly LessonInfo[], name: string): LessonInfo | undefined {
  const wanted = name.endsWith('.raft') ? name : `${name}.raft`;
  return lessons.find((l) => l.file === wanted);
}
