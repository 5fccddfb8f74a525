import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { existingTargetProblem } from "./checkOutputFiles.js";
import { fileSystemReason } from "./fileSystemReason.js";
import { UserError } from "./UserError.js";

/**
 * Writes `text` to `file` through a temporary file renamed into place, so a reader
 * never sees a half-written file and an interrupted run leaves no partial output.
 */
export function writeFileAtomic(file: string, text: string): void {
  writeFilesAtomic([{ file, text }]);
}

/**
 * Writes a set of files (a sweep's tables) so that either all of them appear or none:
 * every file is first written to a temporary file next to it, then, once all are
 * written and no target is in the way, each is renamed into place. On failure the
 * temporary files are removed and nothing that was already there is touched.
 */
export function writeFilesAtomic(files: ReadonlyArray<{ file: string; text: string }>): void {
  const pending = files.map(({ file, text }) => ({ file, text, tmp: `${file}.tmp-${process.pid}` }));
  const written: string[] = [];
  let current = pending[0]?.file ?? "";
  try {
    for (const { file, text, tmp } of pending) {
      current = file;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(tmp, text);
      written.push(tmp);
    }
    for (const { file } of pending) {
      current = file;
      const problem = existingTargetProblem(file);
      if (problem) throw new UserError(`${file}: cannot write the output: ${problem}`);
    }
    for (const { file, tmp } of pending) {
      current = file;
      renameSync(tmp, file);
      written.splice(written.indexOf(tmp), 1);
    }
  } catch (e) {
    for (const tmp of written) removeQuietly(tmp);
    if (e instanceof UserError) throw e;
    throw new UserError(`${current}: cannot write the output: ${fileSystemReason(e, current)}`);
  }
}

/** Removes a temporary file; a failure to remove it must not hide the error being reported. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there, or it cannot be reached: nothing to clean up.
  }
}
