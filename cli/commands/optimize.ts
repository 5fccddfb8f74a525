import { totalmem } from "node:os";
import { COMPARED_MEASURES } from "../../sim/experiments/compareRuns.js";
import type { RunResult } from "../../sim/experiments/runScenario.js";
import { meanInterval } from "../../sim/metrics/studentT.js";
import { intFlag, parseArgs, seedFlag, type FlagSpec } from "../parseArgs.js";
import { readScenarioFile, refuseLeversAlsoSet, scenarioOverrides } from "../readScenarioFile.js";
import { shortList, variantScenarios } from "../variantScenarios.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { runScenarioOn } from "../runScenarioOn.js";
import { UserError } from "../UserError.js";
import { defaultWorkers } from "../WorkerPool.js";

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
} satisfies FlagSpec;

export const OPTIMIZE_USAGE = `gridgov optimize <scenario.json> --target "responseTime.p90<=30" --lever staffing.workersPerGrid --range 0.5..3 [--step 0.1] [--replications N] [--seed N] [--days N] [--set path=value ...] [--workers N] [--json]
      the smallest value of the lever that meets the target with 95 % confidence`;

/** One setting of the lever tried by the search. */
interface Trial {
  value: number;
  mean: number | null;
  ci95: [number, number] | null;
  meets: boolean;
  costPerYear: number | null;
}

/**
 * `gridgov optimize`: the smallest value of a lever (on a grid of `--step` over
 * `--range`) at which the target is met with 95 % confidence — the whole interval on the
 * right side of the target — found by bisection, assuming the measure improves and the
 * cost grows as the lever grows (as with staff). Every trial uses the same seed.
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
  const r = /^(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(flags.range as string);
  if (!r || !(Number(r[2]) > Number(r[1]))) throw new UserError(`--range: expected min..max with min < max, found "${flags.range}"`);
  const [min, max] = [Number(r[1]), Number(r[2])];
  const step = flags.step !== undefined ? Number(flags.step) : (max - min) / 20;
  if (!(step > 0)) throw new UserError(`--step: expected a positive number, found "${flags.step}"`);
  const seed = seedFlag(flags);
  const replications = intFlag(flags, "replications", 10, 2, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const lever = flags.lever as string;
  const overrides = scenarioOverrides(flags);
  refuseLeversAlsoSet("--lever", [lever], overrides);
  const grid: number[] = [];
  for (let k = 0; min + k * step <= max + 1e-9; k++) grid.push(Number((min + k * step).toFixed(10)));
  // Check the lever and every value before running anything.
  const { scenario: base } = readScenarioFile(file, overrides);
  const some = (ks: number[]) => `${lever} = ${shortList(ks.map((k) => grid[k]))}`;
  const scenarios = variantScenarios(base, grid.map((v) => [`${lever}=${v}`]), { source: file, some, every: "every value of --range" }, totalmem());
  const trials = new Map<number, Trial>();
  // One pool of worker threads for every trial.
  const runner = new ReplicationRunner(workers);
  const trial = async (k: number): Promise<Trial> => {
    const { scenario, warnings } = scenarios[k];
    process.stderr.write(`trying ${lever} = ${grid[k]} …\n`);
    const run: RunResult = await runScenarioOn(runner, scenario, { seed, replications }, warnings);
    const values = run.perReplication.map(measure.value).filter((v): v is number => v !== null && Number.isFinite(v));
    const iv = values.length > 1 ? meanInterval(values) : null;
    const meets = iv !== null && (op === "<=" ? iv.ci95[1] <= goal : iv.ci95[0] >= goal);
    const result: Trial = { value: grid[k], mean: iv?.mean ?? null, ci95: iv ? [iv.ci95[0], iv.ci95[1]] : null, meets, costPerYear: run.metrics.costPerYear.mean };
    trials.set(k, result);
    return result;
  };
  try {
    let lo = 0;
    let hi = grid.length - 1;
    if (!(await trial(hi)).meets) {
      return report(flags.json === true, { target: flags.target as string, lever, met: false, best: null, trials: [...trials.values()] }, measure.unit);
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((await trial(mid)).meets) hi = mid;
      else lo = mid + 1;
    }
    const best = trials.get(hi) ?? (await trial(hi));
    return report(flags.json === true, { target: flags.target as string, lever, met: true, best, trials: [...trials.values()].sort((a, b) => a.value - b.value) }, measure.unit);
  } finally {
    await runner.close();
  }
}

function report(json: boolean, out: { target: string; lever: string; met: boolean; best: Trial | null; trials: Trial[] }, unit: string): number {
  if (json) {
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  const lines = out.trials.map(
    (t) => `  ${out.lever} = ${t.value}: ${t.mean?.toFixed(2) ?? "–"} ${unit} (95% CI ${t.ci95 ? `${t.ci95[0].toFixed(2)}–${t.ci95[1].toFixed(2)}` : "–"}) ${t.meets ? "meets" : "misses"} the target; cost ${t.costPerYear !== null ? `${(t.costPerYear / 1e6).toFixed(2)} M CNY/yr` : "–"}`,
  );
  const head = out.met && out.best
    ? `Lowest ${out.lever} that meets ${out.target} with 95% confidence: ${out.best.value} (cost ${((out.best.costPerYear ?? NaN) / 1e6).toFixed(2)} M CNY per year)`
    : `${out.target} is not met with 95% confidence anywhere in the range, even at its top`;
  process.stdout.write([head, "trials:", ...lines].join("\n") + "\n");
  return 0;
}
