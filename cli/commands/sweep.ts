import { existsSync, rmSync } from "node:fs";
import { totalmem } from "node:os";
import { join } from "node:path";
import type { RunResult } from "../../sim/experiments/runScenario.js";
import { factorialPoints, latinHypercubePoints, type SweepPoint } from "../../sim/experiments/sweepPoints.js";
import { intFlag, parseArgs, seedFlag, type FlagSpec } from "../parseArgs.js";
import { progressReporter } from "../progressReporter.js";
import { readScenarioFile, refuseLeversAlsoSet, scenarioOverrides, type ScenarioOverride } from "../readScenarioFile.js";
import { runManifest } from "../runManifest.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { interruptSignal } from "../interruptSignal.js";
import { InterruptedRunError, runJobs, runPoints } from "../runScenarioOn.js";
import { readSweepPartial, refuseToReplaceKept, SWEEP_PARTIAL } from "../keptUnits.js";
import { pointName, pointScenarios, shardUnits, sweepDesign, sweepOutput, toCsv } from "../sweepDesign.js";
import { UserError } from "../UserError.js";
import { checkOutputFiles, checkOutputDirectory } from "../checkOutputFiles.js";
import { defaultWorkers } from "../WorkerPool.js";
import { writeFileAtomic, writeFilesAtomic } from "../writeFileAtomic.js";
import { OUTPUT_MANIFEST, outputManifest, type OutputManifestFields } from "../outputManifest.js";

export const SWEEP_FLAGS = {
  vary: "list",
  range: "list",
  samples: "string",
  replications: "string",
  days: "string",
  set: "list",
  seed: "string",
  workers: "string",
  shard: "string",
  resume: "boolean",
  json: "boolean",
  out: "string",
} satisfies FlagSpec;

export const SWEEP_USAGE = `gridgov sweep <scenario.json> (--vary path=v1,v2,... [--vary ...] | --range path=min..max [--range ...] --samples N) [--replications N] [--days N] [--set path=value ...] [--seed N] [--workers N] [--shard i/N] [--json] [--out DIR [--resume]]
      runs every point of a design; --out DIR is a directory: writes DIR/sweep.csv, DIR/summary.csv, DIR/sweep.json and DIR/manifest.json (with --shard i/N, DIR/shard-i-of-N.json); --resume continues an interrupted sweep from DIR/sweep.partial.json`;

/**
 * `gridgov sweep`: runs a scenario at every point of a full-factorial design (`--vary`)
 * or of a Latin hypercube sample (`--range` with `--samples`), with common random
 * numbers across points. Writes tidy tables: one row per (point, replication), and a
 * summary per point. With `--shard i/N` it runs only slice i of the (point, replication)
 * units and writes that slice's results for `gridgov merge`. With `--resume` it takes the
 * units an interrupted sweep of the same design kept in `DIR/sweep.partial.json` and runs
 * only the rest: the tables are the bytes an uninterrupted sweep writes.
 */
export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, SWEEP_FLAGS, "sweep");
  if (positional.length !== 1) throw new UserError(`usage: ${SWEEP_USAGE}`);
  const file = positional[0];
  const seed = seedFlag(flags);
  const replications = intFlag(flags, "replications", 10, 1, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const overrides = scenarioOverrides(flags);
  const { scenario: base, fileWarnings } = readScenarioFile(file, overrides);
  const design = sweepDesign(base, designPoints(flags, seed, overrides), seed, replications);
  // Validate every point before running any.
  const out = flags.out as string | undefined;
  const shard = flags.shard !== undefined ? shardFlag(flags.shard as string, out) : null;
  const points = pointScenarios(design, file, totalmem());
  // The base scenario's own warnings are each point's to give; the file's are given once.
  for (const w of fileWarnings) process.stderr.write(`warning: ${w}\n`);
  points.forEach(({ warnings }, k) => {
    for (const w of warnings) process.stderr.write(`warning: ${pointName(design.points[k], k)}: ${w}\n`);
  });
  if (flags.resume && (out === undefined || shard)) {
    throw new UserError(out === undefined ? "--resume needs --out DIR: the directory where the interrupted sweep kept sweep.partial.json" : "--resume cannot be used with --shard: run a missing shard again as it was");
  }
  // Checked before anything runs: the kept units must be this design's.
  const earlier = flags.resume ? readSweepPartial(out!, design) : null;
  if (earlier) process.stderr.write(`resuming: ${earlier.completed.length} of ${points.length * replications} units done, from ${join(out!, SWEEP_PARTIAL)}\n`);
  else if (out !== undefined && !shard) refuseToReplaceKept(join(out, SWEEP_PARTIAL), "sweep");
  if (out !== undefined) {
    const names = shard ? [`shard-${shard.index}-of-${shard.count}.json`] : [...SWEEP_TABLES, OUTPUT_MANIFEST, SWEEP_PARTIAL];
    checkOutputDirectory(out, shard ? names[0] : SWEEP_TABLES.join(", "));
    checkOutputFiles(names.map((name) => join(out, name)));
  }
  const startedAt = new Date();
  const runner = new ReplicationRunner(workers);
  try {
    if (shard) {
      const { index, count } = shard;
      const todo = shardUnits(design, index, count);
      const progress = progressReporter(`shard ${index}/${count}: unit`);
      const results = await runJobs(runner, todo.map((u) => ({ scenario: points[u.point].scenario, seed, replication: u.replication })), progress.update);
      progress.done();
      const manifest = { ...runManifest(base, seed, replications, ["gridgov", "sweep", ...argv], startedAt), design, shard: { index, count } };
      const shardFile = join(out!, `shard-${index}-of-${count}.json`);
      writeFileAtomic(shardFile, JSON.stringify({ manifest, results: todo.map((u, k) => ({ ...u, result: results[k] })) }) + "\n");
      process.stderr.write(`wrote ${shardFile} (${todo.length} of ${design.points.length * replications} units)\n`);
      return 0;
    }
    const progress = progressReporter(`${points.length} points: unit`);
    const stop = interruptSignal();
    let runs: RunResult[];
    try {
      runs = await runPoints(runner, points, seed, replications, progress.update, stop.signal, earlier?.completed);
    } catch (e) {
      if (e instanceof InterruptedRunError && out !== undefined) {
        const manifest = { ...runManifest(base, seed, replications, ["gridgov", "sweep", ...argv], startedAt), design, resumed: earlier?.runs };
        const completed = e.completed.map((result, k) => ({ point: e.completedScenarios[k], replication: result.replication, result }));
        e.keepIn(join(out, SWEEP_PARTIAL), { manifest, completed });
        e.message += "; add --resume to the same command to continue";
      }
      throw e;
    } finally {
      stop.dispose();
    }
    progress.done();
    runs.forEach((r, k) => {
      for (const w of r.warnings.slice(points[k].warnings.length)) process.stderr.write(`warning: ${pointName(design.points[k], k)}: ${w}\n`);
    });
    const output = sweepOutput(design, runs);
    if (out !== undefined) {
      writeSweep(out, output, { scenarios: [base], points: design.points, seed, replications, command: ["gridgov", "sweep", ...argv], startedAt, resumed: earlier?.runs });
      // Its units are in the tables now.
      if (earlier) rmSync(join(out, SWEEP_PARTIAL), { force: true });
    }
    process.stdout.write(flags.json ? JSON.stringify(output, null, 2) + "\n" : toCsv(output.summary));
    return 0;
  } finally {
    await runner.close();
  }
}

/** The tables a sweep (or a merge) writes into its output directory, beside its manifest. */
export const SWEEP_TABLES = ["sweep.csv", "summary.csv", "sweep.json"] as const;

/** A sweep's tables as text, by file name. */
export function sweepTables(output: ReturnType<typeof sweepOutput>): Record<(typeof SWEEP_TABLES)[number], string> {
  return { "sweep.csv": toCsv(output.rows), "summary.csv": toCsv(output.summary), "sweep.json": JSON.stringify(output, null, 2) + "\n" };
}

/**
 * Writes a sweep's tidy outputs into `dir` — sweep.csv, summary.csv, sweep.json — and
 * manifest.json, which says how they were made and holds their hashes.
 */
export function writeSweep(dir: string, output: ReturnType<typeof sweepOutput>, made: Omit<OutputManifestFields, "kind">): void {
  const tables = sweepTables(output);
  const manifest = outputManifest({ kind: "sweep", ...made }, tables);
  const text: Record<string, string> = { ...tables, [OUTPUT_MANIFEST]: JSON.stringify(manifest, null, 2) + "\n" };
  const names = [...SWEEP_TABLES, OUTPUT_MANIFEST];
  const files = names.map((name) => join(dir, name));
  const replacing = files.some((f) => existsSync(f));
  // All four or none: a set with one table missing would pass for a finished sweep.
  writeFilesAtomic(names.map((name, k) => ({ file: files[k], text: text[name] })));
  process.stderr.write(`wrote ${files.join(", ")}${replacing ? " (replacing the sweep that was there)" : ""}\n`);
}

/** Reads `--shard i/N`, which needs `--out DIR`. */
function shardFlag(spec: string, out: string | undefined): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  if (!m || !(Number(m[1]) < Number(m[2]))) throw new UserError(`--shard: expected i/N with 0 ≤ i < N, found "${spec}"`);
  if (out === undefined) throw new UserError("--shard needs --out DIR: each shard writes its results there for gridgov merge");
  return { index: Number(m[1]), count: Number(m[2]) };
}

function designPoints(flags: Record<string, unknown>, seed: number | string, overrides: readonly ScenarioOverride[]): SweepPoint[] {
  const vary = (flags.vary as string[] | undefined) ?? [];
  const range = (flags.range as string[] | undefined) ?? [];
  if (vary.length && range.length) throw new UserError("--vary and --range cannot be mixed: use --vary for a factorial design, --range with --samples for Latin hypercube sampling");
  if (vary.length) {
    const levers = vary.map((spec) => {
      const eq = spec.indexOf("=");
      const values = eq > 0 ? spec.slice(eq + 1).split(",").filter((v) => v !== "") : [];
      if (eq <= 0 || values.length === 0) throw new UserError(`--vary ${spec}: expected path=value1,value2,..., found no values`);
      return { path: spec.slice(0, eq), values: values.map(readValue) };
    });
    refuseRepeatedLevers("--vary", levers, "give all its values in one --vary path=v1,v2,...");
    refuseLeversAlsoSet("--vary", levers.map((l) => l.path), overrides);
    return factorialPoints(levers);
  }
  if (range.length) {
    const samples = Number(flags.samples);
    if (!Number.isInteger(samples) || samples < 1) throw new UserError(`--samples: expected a whole number ≥ 1 with --range, found "${flags.samples ?? ""}"`);
    const levers = range.map((spec) => {
      const m = /^([^=]+)=(-?[\d.]+(?:e-?\d+)?)\.\.(-?[\d.]+(?:e-?\d+)?)$/.exec(spec);
      if (!m || !(Number(m[3]) > Number(m[2]))) throw new UserError(`--range ${spec}: expected path=min..max with min < max, found "${spec}"`);
      return { path: m[1], min: Number(m[2]), max: Number(m[3]) };
    });
    refuseRepeatedLevers("--range", levers, "give it one --range path=min..max");
    refuseLeversAlsoSet("--range", levers.map((l) => l.path), overrides);
    return latinHypercubePoints(levers, samples, seed);
  }
  throw new UserError(`usage: ${SWEEP_USAGE}`);
}

/** A lever given twice would silently keep only its last values and repeat points. */
function refuseRepeatedLevers(flag: string, levers: ReadonlyArray<{ path: string }>, advice: string): void {
  const paths = levers.map((l) => l.path);
  const repeated = [...new Set(paths.filter((p, k) => paths.indexOf(p) !== k))];
  if (repeated.length) {
    throw new UserError(repeated.map((p) => `${flag} ${p}: expected each lever once, found it ${paths.filter((q) => q === p).length} times; ${advice}`).join("\n"));
  }
}

function readValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
