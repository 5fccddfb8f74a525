import { createHash } from "node:crypto";
import type { SweepPoint } from "../sim/experiments/sweepPoints.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { scenarioHash } from "../sim/scenario/scenarioHash.js";
import { runManifest, type RunManifest } from "./runManifest.js";

/** The name of the manifest a sweep, merge or comparison writes beside its results. */
export const OUTPUT_MANIFEST = "manifest.json";

/** A scenario as a manifest records it: enough to run it again. */
export interface RecordedScenario {
  name: string;
  hash: string;
  /** The scenario as it ran, every default filled in and every `--set` applied. */
  data: Scenario;
}

/**
 * How a directory of results was made (`manifest.json` beside `sweep.json` or
 * `comparison.json`): the command, the engine, the machine and the times, and enough to
 * run it again (`gridgov rerun DIR`). The results themselves stay deterministic — the same
 * bytes from one process or from merged shards — because the times live here.
 */
export interface OutputManifest extends Omit<RunManifest, "scenario"> {
  /** What the directory holds: a sweep's tables or a comparison. */
  kind: "sweep" | "comparison";
  /** Sweep: its base scenario. Comparison: every scenario, the baseline first. */
  scenarios: RecordedScenario[];
  /** Sweep: the design's points (each a set of `path: value` changes to the base scenario). */
  points?: SweepPoint[];
  /** Comparison: `--precision` as given (null without it) and `--max-replications`; `replications` is the first batch. */
  precision?: string | null;
  maxReplications?: number;
  /** Each result file written with this manifest, and the SHA-256 of its bytes. */
  files: Record<string, string>;
  /** Merge: the shards it combined, each as its own command recorded it. */
  shards?: ShardRecord[];
  /** Sweep with `--resume`: the interrupted commands whose completed units it took, first to last. */
  resumed?: EarlierRun[];
}

/** A command that made part of the results (a shard, an interrupted sweep), as its own manifest recorded it. */
export interface EarlierRun {
  command: unknown;
  gitCommit: unknown;
  platform: unknown;
  startedAt: unknown;
  finishedAt: unknown;
}

/** One shard of a merged sweep, as its manifest recorded it. */
export interface ShardRecord extends EarlierRun {
  file: string;
}

/** The fields of {@link EarlierRun} read from a manifest that may lack any of them. */
export function earlierRun(manifest: Record<string, unknown> | undefined): EarlierRun {
  const m = manifest ?? {};
  return { command: m.command, gitCommit: m.gitCommit, platform: m.platform, startedAt: m.startedAt, finishedAt: m.finishedAt };
}

/** SHA-256 of a file's text, as 64 hex digits. */
export function fileHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** What a directory's manifest adds to a run manifest, besides the files. */
export type OutputManifestFields = Pick<OutputManifest, "kind" | "points" | "precision" | "maxReplications" | "shards" | "resumed"> & {
  scenarios: readonly Scenario[];
  seed: number | string;
  replications: number;
  command: readonly string[];
  startedAt: Date;
};

/** Builds the manifest of results `files` (name → text), written now. */
export function outputManifest(fields: OutputManifestFields, files: Readonly<Record<string, string>>): OutputManifest {
  const { kind, scenarios, seed, replications, command, startedAt, ...extra } = fields;
  const { scenario: _first, ...run } = runManifest(scenarios[0], seed, replications, command, startedAt);
  return {
    kind,
    ...run,
    scenarios: scenarios.map((s) => ({ name: s.name, hash: scenarioHash(s), data: s })),
    ...extra,
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, fileHash(text)])),
  };
}
