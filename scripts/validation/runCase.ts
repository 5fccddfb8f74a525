import { readFileSync } from "node:fs";
import { runReplication } from "../../sim/experiments/runReplication.js";
import type { ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import { meanInterval, type Interval } from "../../sim/metrics/studentT.js";
import { scenarioSchema, type Scenario } from "../../sim/scenario/scenarioSchema.js";
import type { Rival, ValidationCase } from "./cases.js";
import { tQuantile } from "./theory.js";

/** Folder of the validation scenario files. */
export const VALIDATION_SCENARIO_DIR = new URL("../../scenarios/validation/", import.meta.url);

/** Reads and validates a scenario of `scenarios/validation/`. */
export function loadValidationScenario(file: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(new URL(file, VALIDATION_SCENARIO_DIR), "utf8")));
}

/** Replications of one scenario file, with the wall-clock seconds they took. */
export interface ReplicationSet {
  scenario: Scenario;
  results: ReplicationResult[];
  seconds: number;
}

const cache = new Map<string, ReplicationSet>();

/**
 * The root seed of a scenario's replications: `<seed>/<file>`, so that scenarios with the
 * same arrival rate do not share random numbers and the cases' errors are independent.
 */
export function scenarioSeed(seed: number, file: string): string {
  return `${seed}/${file}`;
}

/**
 * Runs replications 0..`replications`−1 of a validation scenario under
 * {@link scenarioSeed}, once per process: cases that read the same scenario (a queue
 * wait and Little's law) share them.
 */
export function replicate(file: string, replications: number, seed: number): ReplicationSet {
  const key = `${file}|${replications}|${seed}`;
  let set = cache.get(key);
  if (!set) {
    const scenario = loadValidationScenario(file);
    const start = performance.now();
    const results = Array.from({ length: replications }, (_, r) => runReplication(scenario, scenarioSeed(seed, file), r));
    set = { scenario, results, seconds: (performance.now() - start) / 1000 };
    const truncated = results.filter((r) => r.truncated).length;
    if (truncated) throw new Error(`${file}: ${truncated} replication(s) truncated`);
    cache.set(key, set);
  }
  return set;
}

/** Two-sided Student-t interval of the mean of `values` at confidence `level`. */
export function tInterval(values: readonly number[], level: number): [number, number] {
  const { n, mean, sd } = meanInterval(values);
  const half = (tQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
  return [mean - half, mean + half];
}

/** What one validation case measured and whether theory passed. */
export interface CaseOutcome {
  case: ValidationCase;
  scenario: Scenario;
  theory: number;
  /** Replication means: mean, sd, n and the 95 % interval. */
  interval: Interval;
  /** Confidence level of {@link bounds} (Bonferroni-corrected). */
  level: number;
  bounds: [number, number];
  /** Theory lies within {@link bounds}. */
  within: boolean;
  rivals: (Rival & { excluded: boolean })[];
  /** Seconds the scenario's replications took (cases reading the same scenario share them). */
  seconds: number;
}

/** Runs (or reuses) the replications of `c` and compares their mean with theory at confidence `level`. */
export function runCase(c: ValidationCase, replications: number, seed: number, level: number): CaseOutcome {
  const { scenario, results, seconds } = replicate(c.scenario, replications, seed);
  const values = results.map((r) => c.simulated(r, scenario));
  const theory = c.theory(scenario, results);
  const bounds = tInterval(values, level);
  const inside = (v: number) => v >= bounds[0] && v <= bounds[1];
  return {
    case: c,
    scenario,
    theory,
    interval: meanInterval(values),
    level,
    bounds,
    within: inside(theory),
    rivals: c.rivals(scenario, results).map((r) => ({ ...r, excluded: !inside(r.value) })),
    seconds,
  };
}
