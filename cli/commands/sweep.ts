import { join } from "node:path";
import { COMPARED_MEASURES } from "../../sim/experiments/compareRuns.js";
import type { RunResult } from "../../sim/experiments/runScenario.js";
import { factorialPoints, latinHypercubePoints, type SweepPoint } from "../../sim/experiments/sweepPoints.js";
import { meanInterval } from "../../sim/metrics/studentT.js";
import { intFlag, parseArgs } from "../parseArgs.js";
import { progressReporter } from "../progressReporter.js";
import { readScenarioFile } from "../readScenarioFile.js";
import { runScenarioOn } from "../runScenarioOn.js";
import { UserError } from "../UserError.js";
import { defaultWorkers } from "../WorkerPool.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

export const SWEEP_USAGE =
  "gridgov sweep <scenario.json> (--vary path=v1,v2,... [--vary ...] | --range path=min..max [--range ...] --samples N) [--replications N] [--seed N] [--workers N] [--out dir/]";

/**
 * `gridgov sweep`: runs a scenario at every point of a full-factorial design (`--vary`)
 * or of a Latin hypercube sample (`--range` with `--samples`), with common random
 * numbers across points. Writes tidy tables: one row per (point, replication), and a
 * summary per point.
 */
export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(
    argv,
    { vary: "list", range: "list", samples: "string", replications: "string", seed: "string", workers: "string", out: "string", json: "boolean" },
    "sweep",
  );
  if (positional.length !== 1) throw new UserError(`usage: ${SWEEP_USAGE}`);
  const file = positional[0];
  const seedText = (flags.seed as string | undefined) ?? "1";
  const seed = /^\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText;
  const replications = intFlag(flags, "replications", 10, 1, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const points = designPoints(flags, seed);
  // Validate every point before running any.
  const scenarios = points.map((p) => readScenarioFile(file, Object.entries(p).map(([path, v]) => `${path}=${JSON.stringify(v)}`)));
  const runs: RunResult[] = [];
  for (const [k, { scenario, warnings }] of scenarios.entries()) {
    const progress = progressReporter(`point ${k + 1}/${points.length}: replication`);
    runs.push(await runScenarioOn(workers, scenario, { seed, replications, onProgress: progress.update }, warnings));
    progress.done();
  }
  const levers = Object.keys(points[0]);
  const measures = COMPARED_MEASURES;
  const rows = runs.flatMap((r, k) =>
    r.perReplication.map((p) => ({ point: k, replication: p.replication, ...points[k], ...Object.fromEntries(measures.map((m) => [m.name, m.value(p)])) })),
  );
  const summary = runs.map((r, k) => ({
    point: k,
    ...points[k],
    ...Object.fromEntries(
      measures.flatMap((m) => {
        const v = r.perReplication.map(m.value).filter((x): x is number => x !== null && Number.isFinite(x));
        const iv = meanInterval(v);
        return [
          [`${m.name}`, v.length ? iv.mean : null],
          [`${m.name}.ci95low`, v.length > 1 ? iv.ci95[0] : null],
          [`${m.name}.ci95high`, v.length > 1 ? iv.ci95[1] : null],
        ];
      }),
    ),
  }));
  const json = JSON.stringify({ scenario: runs[0].scenario.name, seed, replications, levers, points, rows, summary }, null, 2) + "\n";
  if (flags.out !== undefined) {
    const dir = flags.out as string;
    writeFileAtomic(join(dir, "sweep.csv"), toCsv(rows));
    writeFileAtomic(join(dir, "summary.csv"), toCsv(summary));
    writeFileAtomic(join(dir, "sweep.json"), json);
  }
  process.stdout.write(flags.json ? json : toCsv(summary));
  return 0;
}

function designPoints(flags: Record<string, unknown>, seed: number | string): SweepPoint[] {
  const vary = (flags.vary as string[] | undefined) ?? [];
  const range = (flags.range as string[] | undefined) ?? [];
  if (vary.length && range.length) throw new UserError("--vary and --range cannot be mixed: use --vary for a factorial design, --range with --samples for Latin hypercube sampling");
  if (vary.length) {
    return factorialPoints(
      vary.map((spec) => {
        const eq = spec.indexOf("=");
        const values = eq > 0 ? spec.slice(eq + 1).split(",").filter((v) => v !== "") : [];
        if (eq <= 0 || values.length === 0) throw new UserError(`--vary ${spec}: expected path=value1,value2,..., found no values`);
        return { path: spec.slice(0, eq), values: values.map(readValue) };
      }),
    );
  }
  if (range.length) {
    const samples = Number(flags.samples);
    if (!Number.isInteger(samples) || samples < 1) throw new UserError(`--samples: expected a whole number ≥ 1 with --range, found "${flags.samples ?? ""}"`);
    return latinHypercubePoints(
      range.map((spec) => {
        const m = /^([^=]+)=(-?[\d.]+(?:e-?\d+)?)\.\.(-?[\d.]+(?:e-?\d+)?)$/.exec(spec);
        if (!m || !(Number(m[3]) > Number(m[2]))) throw new UserError(`--range ${spec}: expected path=min..max with min < max, found "${spec}"`);
        return { path: m[1], min: Number(m[2]), max: Number(m[3]) };
      }),
      samples,
      seed,
    );
  }
  throw new UserError(`usage: ${SWEEP_USAGE}`);
}

function readValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Tidy CSV: a header of the union of keys, one line per row; text with commas or quotes quoted. */
function toCsv(rows: Array<Record<string, unknown>>): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return "";
    const s = typeof v === "string" ? v : JSON.stringify(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [keys.join(","), ...rows.map((r) => keys.map((k) => cell(r[k])).join(","))].join("\n") + "\n";
}
