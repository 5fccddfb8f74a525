import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Result of one `gridgov` process. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `gridgov` command (bin/gridgov.js) in a child process from the repo root. */
export function runCli(args: string[], options: { cwd?: string; timeout?: number; uid?: number; gid?: number } = {}): CliRun {
  return runCliWithEnv(args, {}, options);
}

/**
 * As {@link runCli}, with extra environment variables; a process still running after `timeout`
 * ms is killed (status null). `uid`/`gid` run it as another user (only root may).
 */
export function runCliWithEnv(args: string[], env: Record<string, string>, options: { cwd?: string; timeout?: number; uid?: number; gid?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [`${root}bin/gridgov.js`, ...args], {
    cwd: options.cwd ?? root,
    uid: options.uid,
    gid: options.gid,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", ...env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeout,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The repository root (absolute, with a trailing slash). */
export const repoRoot = root;
