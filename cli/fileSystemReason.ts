import { statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Why a file-system operation on `path` failed, in plain words: "permission denied",
 * "keep.json is a file, not a directory", … (the error's own message for rarer causes).
 */
export function fileSystemReason(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "no space left on the device";
    case "ENOTDIR":
    case "EEXIST": {
      const file = fileInPath(path);
      if (file) return `${file} is a file, not a directory`;
      break;
    }
  }
  return (e as Error).message;
}

/** The first part of `path` (itself excluded) that exists and is not a directory, if any. */
export function fileInPath(path: string): string | undefined {
  const parts: string[] = [];
  for (let p = dirname(path); ; p = dirname(p)) {
    parts.unshift(p);
    if (dirname(p) === p || p === ".") break;
  }
  for (const p of parts) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(p).isDirectory();
    } catch {
      return undefined;
    }
    if (!isDirectory) return p;
  }
  return undefined;
}
