import { existsSync, lstatSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileInPath, fileSystemReason } from "./fileSystemReason.js";
import { UserError } from "./UserError.js";

/**
 * Checks, before anything runs, that each of `files` can be written, so that a bad
 * `--out` is reported at once and not after hours of replications. A target must not be
 * a directory and must not lie under a file; and an empty file is created and removed in
 * the deepest directory of its path that already exists (the directory itself if it
 * does). Nothing is left behind and no directory is created: missing directories are
 * made when the output is written. Every problem is reported at once, and a problem of a
 * directory shared by several outputs (a sweep's tables, a run's partial file) once.
 */
export function checkOutputFiles(files: readonly string[]): void {
  const problems: string[] = [];
  const probed = new Set<string>();
  const reported = new Set<string>();
  for (const file of files) {
    let why = targetProblem(file);
    if (!why) {
      const dir = existingDirectory(dirname(file));
      if (!probed.has(dir)) why = probe(dir, file);
      probed.add(dir);
    }
    if (!why) continue;
    // A reason that names a directory on the path holds for every output under it.
    const key = why.startsWith("no file can be created") || why.endsWith("is a file, not a directory") ? why : `${file}\0${why}`;
    if (!reported.has(key)) problems.push(`${file}: cannot write the output: ${why}`);
    reported.add(key);
  }
  if (problems.length) throw new UserError(`${problems.join("\n")}\nnothing was run`);
}

/**
 * Refuses a directory output (`--out DIR` of sweep, compare, merge) named like a file
 * ("results.json") that does not exist yet: the command would make a directory of that
 * name and write `writes` into it.
 */
export function checkOutputDirectory(dir: string, writes: string): void {
  // Something already there is judged by checkOutputFiles ("keep.json is a file, not a directory").
  if (!existsSync(dir) && /\.(json|csv)$/i.test(dir)) {
    throw new UserError(`${dir}: cannot write the output: expected a directory (this command writes ${writes} into it), found a file name; give a directory, such as ${join(dirname(dir), "results")}\nnothing was run`);
  }
}

/** Why `file` cannot be a file at all (a directory, a path ending in "/", a file on its path), or undefined. */
function targetProblem(file: string): string | undefined {
  if (file === "" || file.endsWith("/") || file.endsWith(sep)) return "expected a file name, found a directory path";
  const onPath = fileInPath(file);
  if (onPath) return `${onPath} is a file, not a directory`;
  return existingTargetProblem(file);
}

/**
 * Why an output cannot be renamed onto what already stands at `file`, or undefined if
 * nothing does or it is a regular file. Replacing a device, pipe or link would replace
 * the thing itself (as root, `/dev/null` for everyone), not write through it.
 */
export function existingTargetProblem(file: string): string | undefined {
  let stats;
  try {
    stats = lstatSync(file);
  } catch {
    return undefined; // Not there yet: it will be created.
  }
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "it is a directory";
  if (stats.isSymbolicLink()) return "it is a symbolic link; give the path of the file itself";
  return "it is a device, pipe or socket, not a regular file";
}

/** The deepest part of `dir` that exists (it is a directory: files on the path were refused before). */
function existingDirectory(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    try {
      statSync(d);
      return d;
    } catch {
      if (dirname(d) === d) return d;
    }
  }
}

/** Creates and removes an empty file in `dir`; returns why that failed, or undefined. */
function probe(dir: string, file: string): string | undefined {
  const test = `${dir}${sep}.gridgov-write-check-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    writeFileSync(test, "", { flag: "wx" });
    return undefined;
  } catch (e) {
    return `no file can be created in ${dir}: ${fileSystemReason(e, file)}`;
  } finally {
    try {
      rmSync(test, { force: true });
    } catch {
      // Nothing was created.
    }
  }
}
