import { matchesPath } from "../form/matchesPath.js";

/** The parts of a lesson that decide what students may change. */
export interface LessonLocks {
  locked?: readonly string[];
  editable?: readonly string[];
}

/**
 * A scenario's labels, never locked: a student who changes a scenario in a follow-up must
 * be able to say so in its name, or the results would speak of "Half the tasks cut" when
 * nothing is cut any more.
 */
export const LABEL_PATHS: readonly string[] = ["name", "description"];

/**
 * The paths of `allPaths` a lesson locks: those inside any `locked` entry, and, when
 * `editable` is given, those inside no `editable` entry (`editable: []` locks every
 * parameter). An entry may name a field (`staffing.workersPerGrid`) or a whole section
 * (`staffing`); `locked` wins over `editable`. The labels ({@link LABEL_PATHS}) are never
 * locked. No lesson locks nothing.
 */
export function lockedPaths(lesson: LessonLocks | null | undefined, allPaths: readonly string[]): string[] {
  if (!lesson) return [];
  const locked = lesson.locked ?? [];
  const editable = lesson.editable;
  return allPaths.filter(
    (p) => !LABEL_PATHS.includes(p) && (locked.some((l) => matchesPath(p, l)) || (editable !== undefined && !editable.some((e) => matchesPath(p, e)))),
  );
}
