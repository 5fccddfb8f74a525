import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UserError } from "./UserError.js";

/**
 * Writes `text` to `file` through a temporary file renamed into place, so a reader
 * never sees a half-written file and an interrupted run leaves no partial output.
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`${file}: cannot write the output: ${(e as Error).message}`);
  }
}
