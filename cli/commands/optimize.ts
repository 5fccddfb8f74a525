import { checkOutputFiles } from "../checkOutputFiles.js";
import { findOptimum, optimumScenarios, optimumSearch, type Trial } from "../findOptimum.js";
import { intFlag, parseArgs, seedFlag, type FlagSpec } from "../parseArgs.js";
import { readScenarioFile, refuseLeversAlsoSet, scenarioOverrides } from "../readScenarioFile.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { runManifest } from "../runManifest.js";
import { UserError } from "../UserError.js";
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

/**
 * `gridgov optimize`: the cheapest value of a lever (on a grid of `--step` over `--range`)
 * at which the target is met with 95 % confidence (see {@link findOptimum}). Every trial
 * uses the same seed. Exit 0 when a value meets the target, 1 when the search ran and none
 * in the range does (the result is still printed and written), 2 for bad input.
 */
export async function optimizeCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, OPTIMIZE_FLAGS, "optimize");
  if (positional.length !== 1 || !flags.target || !flags.lever || !flags.range) throw new UserError(`usage: ${OPTIMIZE_USAGE}`);
  const file = positional[0];
  const search = optimumSearch(flags);
  const seed = seedFlag(flags);
  const replications = intFlag(flags, "replications", 10, 2, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const overrides = scenarioOverrides(flags);
  refuseLeversAlsoSet("--lever", [search.lever], overrides);
  // Check the lever and every value before running anything.
  const { scenario: base, fileWarnings } = readScenarioFile(file, overrides);
  const scenarios = optimumScenarios(base, search, file);
  // The base scenario's own warnings are each value's to give; the file's are given once.
  for (const w of fileWarnings) process.stderr.write(`warning: ${w}\n`);
  if (flags.out !== undefined) checkOutputFiles([flags.out as string]);
  const startedAt = new Date();
  // One pool of worker threads for every trial.
  const runner = new ReplicationRunner(workers);
  const result = await findOptimum(runner, base, search, scenarios, seed, replications).finally(() => runner.close());
  if (flags.out !== undefined) {
    const manifest = runManifest(base, seed, replications, ["gridgov", "optimize", ...argv], startedAt);
    writeFileAtomic(flags.out as string, JSON.stringify({ manifest, result }, null, 2) + "\n");
  }
  process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + "\n" : formatOptimum(result, search.measure.unit));
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
