import { existsSync, readdirSync } from "node:fs";
import { totalmem } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import type { SweepPoint } from "../sim/experiments/sweepPoints.js";
import { ENGINE_VERSION } from "../sim/version.js";
import { checkShape, expected, jsonObject, recordedSeed, replicationCount, wholeNumber } from "./checkShape.js";
import { sweepTables } from "./commands/sweep.js";
import { runPoints } from "./runScenarioOn.js";
import { fileHash, OUTPUT_MANIFEST } from "./outputManifest.js";
import { progressReporter } from "./progressReporter.js";
import { recordedScenario } from "./recordedScenario.js";
import { noteOtherCommit } from "./runManifest.js";
import { readJsonFile, readTextFile } from "./readTextFile.js";
import { ReplicationRunner } from "./ReplicationRunner.js";
import { precisionTarget, runComparison, withDistrictWarnings, type PrecisionTarget } from "./runComparison.js";
import { pointScenarios, sweepDesign, sweepOutput } from "./sweepDesign.js";
import { mapReportingAll, UserError } from "./UserError.js";

const hashText = z.string(expected("a SHA-256 (64 hex digits)")).regex(/^[0-9a-f]{64}$/, expected("a SHA-256 (64 hex digits)"));

/** What rerun needs of a results directory's manifest (see OutputManifest). */
const manifestSchema = z.object(
  {
    kind: z.enum(["sweep", "comparison"], expected('"sweep" or "comparison"')),
    engineVersion: z.string(expected("the engine version (text)")),
    gitCommit: z.unknown(),
    seed: recordedSeed,
    replications: replicationCount,
    scenarios: z
      .array(
        z.object({ name: z.string(expected("text")), hash: z.string(expected("the scenario's hash (text)")), data: jsonObject("the scenario (an object)") }, expected("a scenario (an object)")),
        expected("the list of scenarios"),
      )
      .min(1, expected("at least one scenario")),
    points: z.array(jsonObject("a point (an object of path: value)"), expected("the list of points")).min(1, expected("at least one point")).optional(),
    precision: z.string(expected("the --precision text")).nullable().optional(),
    maxReplications: wholeNumber(1, 100000).optional(),
    files: z.record(z.string(), hashText, expected("the result files and their hashes (an object)")),
  },
  expected("a manifest (an object)"),
);

/**
 * `gridgov rerun DIR`: runs again what a sweep's, merge's or comparison's manifest
 * (`DIR/manifest.json`) describes — its scenarios as they ran, seed, replications, points
 * or precision target — and checks each result file it lists byte for byte against the
 * hash recorded there. Exit 0 if every file is reproduced, 1 if not.
 */
export async function rerunOutputs(dir: string, workers: number): Promise<number> {
  const file = join(dir, OUTPUT_MANIFEST);
  if (!existsSync(file)) throw new UserError(`${dir}: ${missingManifest(dir)}; nothing was run`);
  const m = checkShape(file, readJsonFile(file, "manifest"), manifestSchema, `expected the manifest of gridgov sweep, merge or compare --out DIR; nothing was run`);
  if (m.kind === "sweep" && (!m.points || m.scenarios.length !== 1)) {
    throw new UserError(`${file}: expected a sweep's manifest to give one scenario and its points, found ${m.scenarios.length} scenario(s) and ${m.points ? `${m.points.length} point(s)` : "no points"}; nothing was run`);
  }
  if (m.kind === "comparison" && (m.scenarios.length < 2 || m.maxReplications === undefined)) {
    throw new UserError(`${file}: expected a comparison's manifest to give at least two scenarios and maxReplications; nothing was run`);
  }
  const scenarios = mapReportingAll(m.scenarios, (recorded, k) => recordedScenario(file, `scenarios[${k}]`, recorded));
  if (m.engineVersion !== ENGINE_VERSION) process.stderr.write(`note: ${dir} was made by engine ${m.engineVersion}; this is ${ENGINE_VERSION}\n`);
  else noteOtherCommit(dir, m.gitCommit);

  let precision: PrecisionTarget | null = null;
  try {
    precision = m.precision ? precisionTarget(m.precision) : null;
  } catch (e) {
    throw e instanceof UserError ? new UserError(`${file}: precision: ${e.message}; nothing was run`) : e;
  }
  const runner = new ReplicationRunner(workers);
  let texts: Record<string, string>;
  try {
    if (m.kind === "sweep") {
      const design = sweepDesign(scenarios[0].scenario, m.points as SweepPoint[], m.seed, m.replications);
      const points = pointScenarios(design, `${file} (points)`, totalmem());
      const progress = progressReporter(`${points.length} points: unit`);
      const runs = await runPoints(runner, points, m.seed, m.replications, progress.update);
      progress.done();
      texts = sweepTables(sweepOutput(design, runs));
    } else {
      const options = { seed: m.seed, replications: m.replications, precision, maxReplications: Math.max(m.maxReplications!, m.replications) };
      texts = { "comparison.json": (await runComparison(runner, withDistrictWarnings(scenarios), options)).json };
    }
  } finally {
    await runner.close();
  }

  // Reproduced means: the rerun, the manifest's hash and the file on disk all agree, for every file.
  const problems: string[] = [];
  for (const name of new Set([...Object.keys(texts), ...Object.keys(m.files)])) {
    const target = join(dir, name);
    const recorded = m.files[name];
    const text = texts[name];
    if (text === undefined) {
      problems.push(`${target}: listed in ${OUTPUT_MANIFEST}, but a ${m.kind} writes no such file`);
      continue;
    }
    if (recorded === undefined) {
      problems.push(`${target}: not listed in ${OUTPUT_MANIFEST}, so it cannot be checked`);
      continue;
    }
    const again = fileHash(text) === recorded;
    const onDisk = existsSync(target) ? readTextFile(target, "result file") : null;
    if (onDisk === null) problems.push(`${target}: missing${again ? " (the rerun gives the bytes its manifest records)" : ""}`);
    else if (fileHash(onDisk) !== recorded) {
      problems.push(`${target}: does NOT match: its hash is not the one in ${OUTPUT_MANIFEST} (the file or the manifest was changed after they were written); the rerun ${again ? "gives" : "does not give"} the bytes the manifest records`);
    } else if (!again) problems.push(`${target}: does NOT match: the results first differ at line ${firstDifferentLine(onDisk, text)}`);
  }
  if (problems.length) {
    process.stdout.write(problems.map((p) => `${p}\n`).join(""));
    return 1;
  }
  const what = m.kind === "sweep" ? `${m.points!.length} points × ${m.replications} replications` : `${m.scenarios.length} scenarios`;
  process.stdout.write(`${dir}: reproduced byte for byte (${Object.keys(texts).join(", ")}: ${what}, seed ${m.seed}, scenario ${m.scenarios[0].hash.slice(0, 12)})\n`);
  return 0;
}

/** Why a directory has no manifest to rerun, as far as its files tell. */
function missingManifest(dir: string): string {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // Reported below as a directory without a manifest.
  }
  const base = `expected ${OUTPUT_MANIFEST} (written by gridgov sweep, merge or compare --out DIR), found none`;
  if (names.some((f) => /^shard-\d+-of-\d+\.json$/.test(f)) && !names.includes("sweep.json")) return `${base}: merge the shards first (gridgov merge ${/\s/.test(dir) ? JSON.stringify(dir) : dir})`;
  if (names.some((f) => f.endsWith(".partial.json"))) return `${base}: an interrupted run cannot be rerun`;
  if (names.includes("sweep.json") || names.includes("comparison.json")) return `${base}: the results there were written by a version of gridgov that kept no manifest; run their command again`;
  return base;
}

/** The first line (1-based) at which two texts differ. */
export function firstDifferentLine(a: string, b: string): number {
  let at = 0;
  while (at < a.length && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return a.slice(0, at).split("\n").length;
}
