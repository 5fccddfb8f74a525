import { matchesPath } from "../form/matchesPath.js";

/** The parts of a lesson that decide what students may change. */
export interface LessonLocks {
  locked?: readonly string[];
  editable?: readonly string[];
}

/**
 * The paths of `allPaths` a lesson locks: those inside any `locked` entry, and, when
 * `editable` is given, those inside no `editable` entry (`editable: []` locks everything).
 * An entry may name a field (`staffing.workersPerGrid`) or a whole section (`staffing`);
 * `locked` wins over `editable`. No lesson locks nothing.
 */
export function lockedPaths(lesson: LessonLocks | null | undefined, allPaths: readonly string[]): string[] {
  if (!lesson) return [];
  const locked = lesson.locked ?? [];
  const editable = lesson.editable;
  return allPaths.filter(
    (p) => locked.some((l) => matchesPath(p, l)) || (editable !== undefined && !editable.some((e) => matchesPath(p, e))),
  );
}
