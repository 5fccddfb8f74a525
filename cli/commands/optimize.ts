import { totalmem } from "node:os";
import { COMPARED_MEASURES, measureRange } from "../../sim/experiments/compareRuns.js";
import type { RunResult } from "../../sim/experiments/runScenario.js";
import { meanInterval } from "../../sim/metrics/studentT.js";
import { scenarioHash } from "../../sim/scenario/scenarioHash.js";
import { SCHEMA_VERSION } from "../../sim/scenario/scenarioSchema.js";
import { ENGINE_VERSION } from "../../sim/version.js";
import { checkOutputFiles } from "../checkOutputFiles.js";
import { intFlag, parseArgs, seedFlag, type FlagSpec } from "../parseArgs.js";
import { readScenarioFile, refuseLeversAlsoSet, scenarioOverrides } from "../readScenarioFile.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { runManifest } from "../runManifest.js";
import { runScenarioOn } from "../runScenarioOn.js";
import { UserError } from "../UserError.js";
import { shortList, variantScenarios } from "../variantScenarios.js";
import { defaultWorkers } from "../WorkerPool.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

export const OPTIMIZE_FLAGS = {
  target: "string",
  lever: "string",
  range: "string",
  step: "string",
  replications: "string",
  seed: "string",
  days: "string",
  set: "list",
  workers: "string",
  json: "boolean",
  out: "string",
} satisfies FlagSpec;

export const OPTIMIZE_USAGE = `gridgov optimize <scenario.json> --target "responseTime.p90<=30" --lever staffing.workersPerGrid --range 0.5..3 [--step S] [--replications N] [--seed N] [--days N] [--set path=value ...] [--workers N] [--json] [--out FILE]
      the cheapest value of the lever that meets the target with 95 % confidence (the smallest where more of it helps, the largest where less does); --out FILE is a file: the JSON result with its run manifest; exit 0 when a value meets the target, 1 when none in the range does`;

/** The most lever values `optimize` will check: each one is validated as a scenario before anything runs. */
export const MAX_OPTIMIZE_VALUES = 1000;

/** One setting of the lever tried by the search. */
interface Trial {
  value: number;
  mean: number | null;
  ci95: [number, number] | null;
  meets: boolean;
  costPerYear: number | null;
  /** What the trial's run warned of (heavy load, replications cut short, many incidents left open). */
  warnings: string[];
}

/**
 * `gridgov optimize`: the smallest value of a lever (on a grid of `--step` over
 * `--range`) at which the target is met with 95 % confidence — the whole interval on the
 * right side of the target — found by bisection, assuming the measure improves and the
 * cost grows as the lever grows (as with staff). Every trial uses the same seed.
 * Exit 0 when a value meets the target, 1 when the search ran and none in the range
 * does (the result is still printed and written), 2 for bad input.
 */
export async function optimizeCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, OPTIMIZE_FLAGS, "optimize");
  if (positional.length !== 1 || !flags.target || !flags.lever || !flags.range) throw new UserError(`usage: ${OPTIMIZE_USAGE}`);
  const file = positional[0];
  const t = /^([\w.]+)\s*(<=|>=)\s*(-?[\d.]+)$/.exec(flags.target as string);
  const measure = t && COMPARED_MEASURES.find((m) => m.name === t[1]);
  if (!t || !measure) {
    throw new UserError(`--target: expected <measure><=value or >=value with a measure among ${COMPARED_MEASURES.map((m) => m.name).join(", ")}, found "${flags.target}"`);
  }
  const [op, goal] = [t[2], Number(t[3])];
  // A share is 0..1: "timeLimitHitRate>=90" (a percentage) could never be met.
  const [lowest, highest] = measureRange(measure);
  if (!(goal >= lowest && goal <= highest)) {
    const hint = measure.unit === "share" && goal > 1 && goal <= 100 ? ` (a share: for ${goal} % write ${goal / 100})` : "";
    const span = highest === Infinity ? `of at least ${lowest}` : `from ${lowest} to ${highest}`;
    throw new UserError(`--target: expected a value of ${measure.name} ${span}${hint}, found ${t[3]}`);
  }
  const r = /^(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(flags.range as string);
  if (!r || !(Number(r[2]) > Number(r[1]))) throw new UserError(`--range: expected min..max with min < max, found "${flags.range}"`);
  const [min, max] = [Number(r[1]), Number(r[2])];
  const step = flags.step !== undefined ? Number(flags.step) : (max - min) / 20;
  if (!(step > 0)) throw new UserError(`--step: expected a positive number, found "${flags.step}"`);
  // Every value is checked before running, so the grid must stay small enough to check.
  const valueCount = Math.floor((max - min) / step + 1e-9) + 1;
  if (!(valueCount <= MAX_OPTIMIZE_VALUES)) {
    throw new UserError(`--step: expected at most ${MAX_OPTIMIZE_VALUES} values in --range ${min}..${max}, found ${valueCount.toLocaleString("en-US")} with step ${flags.step}; use a step of at least ${(max - min) / (MAX_OPTIMIZE_VALUES - 1)}`);
  }
  const seed = seedFlag(flags);
  const replications = intFlag(flags, "replications", 10, 2, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const lever = flags.lever as string;
  const overrides = scenarioOverrides(flags);
  refuseLeversAlsoSet("--lever", [lever], overrides);
  const grid: number[] = [];
  for (let k = 0; min + k * step <= max + 1e-9; k++) grid.push(Number((min + k * step).toFixed(10)));
  // Check the lever and every value before running anything.
  const { scenario: base, fileWarnings } = readScenarioFile(file, overrides);
  const some = (ks: number[]) => `${lever} = ${shortList(ks.map((k) => grid[k]))}`;
  const scenarios = variantScenarios(base, grid.map((v) => [`${lever}=${v}`]), { source: file, some, every: "every value of --range" }, totalmem());
  // The base scenario's own warnings are each value's to give; the file's are given once.
  for (const w of fileWarnings) process.stderr.write(`warning: ${w}\n`);
  if (flags.out !== undefined) checkOutputFiles([flags.out as string]);
  const startedAt = new Date();
  const trials = new Map<number, Trial>();
  // One pool of worker threads for every trial.
  const runner = new ReplicationRunner(workers);
  const trial = async (k: number): Promise<Trial> => {
    const { scenario, warnings } = scenarios[k];
    process.stderr.write(`trying ${lever} = ${grid[k]} …\n`);
    const run: RunResult = await runScenarioOn(runner, scenario, { seed, replications }, warnings);
    const values = run.perReplication.map(measure.value).filter((v): v is number => v !== null && Number.isFinite(v));
    const iv = values.length > 1 ? meanInterval(values, ...measureRange(measure)) : null;
    const meets = iv !== null && (op === "<=" ? iv.ci95[1] <= goal : iv.ci95[0] >= goal);
    const result: Trial = { value: grid[k], mean: iv?.mean ?? null, ci95: iv ? [iv.ci95[0], iv.ci95[1]] : null, meets, costPerYear: run.metrics.costPerYear.mean, warnings: run.warnings };
    for (const w of run.warnings) process.stderr.write(`warning: ${lever} = ${grid[k]}: ${w}\n`);
    trials.set(k, result);
    return result;
  };
  let best: Trial | null = null;
  /** Which way the lever improves the measure, as the search found it (null: met at neither end). */
  let improvesWith: "more" | "less" | null = null;
  try {
    const top = grid.length - 1;
    if ((await trial(top)).meets) {
      // More of the lever helps (staff): the lowest value that meets the target.
      improvesWith = "more";
      let [lo, hi] = [0, top];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((await trial(mid)).meets) hi = mid;
        else lo = mid + 1;
      }
      best = trials.get(hi) ?? (await trial(hi));
    } else if (top > 0 && (await trial(0)).meets) {
      // Less of it helps (households per grid): the highest value that meets the target, the cheapest that way.
      improvesWith = "less";
      let [lo, hi] = [0, top]; // lo meets, hi misses
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((await trial(mid)).meets) lo = mid;
        else hi = mid;
      }
      best = trials.get(lo)!;
    }
  } finally {
    await runner.close();
  }
  // Like run's result: what ran (the scenario before the lever is set), with which seed and engine.
  const result = {
    engineVersion: ENGINE_VERSION,
    scenario: { name: base.name, hash: scenarioHash(base), schemaVersion: SCHEMA_VERSION, days: base.run.days, warmupDays: base.run.warmupDays },
    seed,
    replications,
    seedDerivation: `gridgov/${seed}/<stream>/<replication>`,
    target: flags.target as string,
    lever,
    range: [min, max],
    step,
    met: best !== null,
    improvesWith,
    best,
    trials: [...trials.values()].sort((a, b) => a.value - b.value),
  };
  if (flags.out !== undefined) {
    const manifest = runManifest(base, seed, replications, ["gridgov", "optimize", ...argv], startedAt);
    writeFileAtomic(flags.out as string, JSON.stringify({ manifest, result }, null, 2) + "\n");
  }
  process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + "\n" : formatOptimum(result, measure.unit));
  // As rerun's "does not match": the command worked, and its answer is no.
  return result.met ? 0 : 1;
}

function formatOptimum(out: { target: string; lever: string; range: number[]; met: boolean; improvesWith: "more" | "less" | null; best: Trial | null; trials: Trial[] }, unit: string): string {
  const lines = out.trials.map(
    (t) => `  ${out.lever} = ${t.value}: ${t.mean?.toFixed(2) ?? "–"} ${unit} (95% CI ${t.ci95 ? `${t.ci95[0].toFixed(2)}–${t.ci95[1].toFixed(2)}` : "–"}) ${t.meets ? "meets" : "misses"} the target; cost ${t.costPerYear !== null ? `${(t.costPerYear / 1e6).toFixed(2)} M CNY/yr` : "–"}`,
  );
  const cost = (t: Trial) => `cost ${((t.costPerYear ?? NaN) / 1e6).toFixed(2)} M CNY per year`;
  const head = !out.met || !out.best
    ? `${out.target} is not met with 95% confidence at either end of the range (${out.lever} = ${out.range[0]} or ${out.range[1]})`
    : out.improvesWith === "less"
      ? `Highest ${out.lever} that meets ${out.target} with 95% confidence: ${out.best.value} (${cost(out.best)}); the measure improves as ${out.lever} falls`
      : `Lowest ${out.lever} that meets ${out.target} with 95% confidence: ${out.best.value} (${cost(out.best)})`;
  return [head, "trials:", ...lines].join("\n") + "\n";
}
