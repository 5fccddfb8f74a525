import { execFileSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { SCHEMA_VERSION, type Scenario } from "../sim/scenario/scenarioSchema.js";
import { scenarioHash } from "../sim/scenario/scenarioHash.js";
import { ENGINE_VERSION } from "../sim/version.js";

/**
 * How a result file was made: enough to reproduce it (`gridgov rerun`) and to tell
 * where it came from. The times and the machine are here, outside the deterministic
 * result, so that the result itself stays byte-identical from run to run.
 */
export interface RunManifest {
  engineVersion: string;
  /** Git commit of the engine's checkout, with "-dirty" if it had uncommitted changes; null outside git. */
  gitCommit: string | null;
  schemaVersion: number;
  command: string[];
  seed: number | string;
  seedDerivation: string;
  replications: number;
  scenario: { name: string; hash: string; data: Scenario };
  platform: { node: string; os: string; arch: string; cpus: number };
  startedAt: string;
  finishedAt: string;
}

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** The engine's git commit, if its directory is a git checkout with git installed. */
export function gitCommit(): string | null {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return null;
  }
}

/**
 * Notes on stderr when `what` was made from another git commit of the engine than this
 * checkout's: the engine version alone does not change with every commit, so results
 * compared or combined across the two may differ. Quiet when either commit is unknown.
 */
export function noteOtherCommit(what: string, recorded: unknown): void {
  const here = gitCommit();
  if (typeof recorded !== "string" || here === null || recorded === here) return;
  process.stderr.write(`note: ${what} was made at commit ${recorded.slice(0, 12)}${recorded.endsWith("-dirty") ? " (with uncommitted changes)" : ""}; this checkout is at ${here.slice(0, 12)}${here.endsWith("-dirty") ? " (with uncommitted changes)" : ""}\n`);
}

/** Builds the manifest of a run of `scenario` that started at `startedAt` and has just finished. */
export function runManifest(
  scenario: Scenario,
  seed: number | string,
  replications: number,
  command: readonly string[],
  startedAt: Date,
): RunManifest {
  return {
    engineVersion: ENGINE_VERSION,
    gitCommit: gitCommit(),
    schemaVersion: SCHEMA_VERSION,
    command: [...command],
    seed,
    seedDerivation: `gridgov/${seed}/<stream>/<replication>`,
    replications,
    scenario: { name: scenario.name, hash: scenarioHash(scenario), data: scenario },
    platform: { node: process.version, os: `${os.type()} ${os.release()}`, arch: process.arch, cpus: os.cpus().length },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
  };
}
