import { totalmem } from "node:os";
import { COMPARED_MEASURES, measureRange, type ComparedMeasure } from "../sim/experiments/compareRuns.js";
import type { RunResult } from "../sim/experiments/runScenario.js";
import { meanInterval } from "../sim/metrics/studentT.js";
import { scenarioHash } from "../sim/scenario/scenarioHash.js";
import { SCHEMA_VERSION, type Scenario } from "../sim/scenario/scenarioSchema.js";
import { ENGINE_VERSION } from "../sim/version.js";
import type { ParsedArgs } from "./parseArgs.js";
import type { ReplicationRunner } from "./ReplicationRunner.js";
import { runScenarioOn } from "./runScenarioOn.js";
import { UserError } from "./UserError.js";
import { shortList, variantScenarios, type CheckedScenario } from "./variantScenarios.js";

/** The most lever values `optimize` will check: each one is validated as a scenario before anything runs. */
export const MAX_OPTIMIZE_VALUES = 1000;

/** What `optimize` looks for: a target on a measure, and the values of a lever to try. */
export interface OptimumSearch {
  /** As given: "responseTime.p90<=30". */
  target: string;
  measure: ComparedMeasure;
  op: "<=" | ">=";
  goal: number;
  lever: string;
  min: number;
  max: number;
  step: number;
  /** The lever's values, min, min + step, … up to max. */
  grid: number[];
}

/** One setting of the lever tried by the search. */
export interface Trial {
  value: number;
  mean: number | null;
  ci95: [number, number] | null;
  meets: boolean;
  costPerYear: number | null;
  /** What the trial's run warned of (heavy load, replications cut short, many incidents left open). */
  warnings: string[];
}

/** Reads `--target`, `--lever`, `--range` and `--step`; every problem is a UserError naming the flag. */
export function optimumSearch(flags: ParsedArgs["flags"]): OptimumSearch {
  const t = /^([\w.]+)\s*(<=|>=)\s*(-?[\d.]+(?:[eE][+-]?\d+)?)$/.exec(flags.target as string);
  const measure = t && COMPARED_MEASURES.find((m) => m.name === t[1]);
  if (!t || !measure) {
    throw new UserError(`--target: expected <measure><=value or >=value with a measure among ${COMPARED_MEASURES.map((m) => m.name).join(", ")}, found "${flags.target}"`);
  }
  const [op, goal] = [t[2] as "<=" | ">=", Number(t[3])];
  // A share is 0..1: "timeLimitHitRate>=90" (a percentage) could never be met.
  const [lowest, highest] = measureRange(measure);
  if (!(goal >= lowest && goal <= highest)) {
    const hint = measure.unit === "share" && goal >= 2 && goal <= 100 ? ` (a share: for ${goal} % write ${goal / 100})` : "";
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
  const grid: number[] = [];
  for (let k = 0; min + k * step <= max + 1e-9; k++) grid.push(Number((min + k * step).toFixed(10)));
  return { target: flags.target as string, measure, op, goal, lever: flags.lever as string, min, max, step, grid };
}

/** The scenario at each of the lever's values, every one validated (all problems at once) before anything runs. */
export function optimumScenarios(base: Scenario, search: OptimumSearch, source: string): CheckedScenario[] {
  const { lever, grid } = search;
  const some = (ks: number[]) => `${lever} = ${shortList(ks.map((k) => grid[k]))}`;
  return variantScenarios(base, grid.map((v) => [`${lever}=${v}`]), { source, some, every: "every value of --range" }, totalmem());
}

/**
 * The cheapest value of the lever that meets the target with 95 % confidence — the whole
 * interval on the right side of the target — found by bisection over `search.grid`: the
 * smallest value where more of the lever helps (the top of the range meets the target),
 * the largest where less does (only the bottom meets it). Every trial uses the same seed,
 * and reports on stderr. The result is deterministic: same inputs, same bytes.
 */
export async function findOptimum(
  runner: ReplicationRunner,
  base: Scenario,
  search: OptimumSearch,
  scenarios: readonly CheckedScenario[],
  seed: number | string,
  replications: number,
) {
  const { measure, op, goal, lever, grid } = search;
  const trials = new Map<number, Trial>();
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
  // Like run's result: what ran (the scenario before the lever is set), with which seed and engine.
  return {
    engineVersion: ENGINE_VERSION,
    scenario: { name: base.name, hash: scenarioHash(base), schemaVersion: SCHEMA_VERSION, days: base.run.days, warmupDays: base.run.warmupDays },
    seed,
    replications,
    seedDerivation: `gridgov/${seed}/<stream>/<replication>`,
    target: search.target,
    lever,
    range: [search.min, search.max],
    step: search.step,
    met: best !== null,
    improvesWith,
    best,
    trials: [...trials.values()].sort((a, b) => a.value - b.value),
  };
}
