import { readFileSync } from "node:fs";
import { runScenario, type RunResult } from "../../sim/experiments/runScenario.js";
import { pairedDifference, type PairedDifference } from "../../sim/metrics/pairedDifference.js";
import { applyOverrides } from "../../sim/scenario/applyOverrides.js";
import { scenarioSchema, type Scenario } from "../../sim/scenario/scenarioSchema.js";

/** The shipped District J baseline with `--set`-style overrides, validated. */
export function baselineWith(overrides: string[] = []): Scenario {
  const raw = JSON.parse(readFileSync("scenarios/district-j-baseline.json", "utf8"));
  const changed = applyOverrides(raw, overrides);
  if (!changed.ok) throw new Error(JSON.stringify(changed.issues));
  return scenarioSchema.parse(changed.value);
}

/** Runs a scenario with the patterns' common seed (common random numbers across scenarios). */
export function run(s: Scenario, replications = 5): RunResult {
  return runScenario(s, { seed: 2026, replications });
}

/** Per-replication values of a figure. */
export function values(r: RunResult, f: (p: RunResult["perReplication"][number]) => number | null): Array<number | null> {
  return r.perReplication.map(f);
}

/** Paired difference B − A of a per-replication figure. */
export function diff(a: RunResult, b: RunResult, f: (p: RunResult["perReplication"][number]) => number | null): PairedDifference {
  return pairedDifference(values(a, f), values(b, f));
}

/** Asserts a difference is significantly positive: the whole 95 % interval above 0. */
export function above0(d: PairedDifference): boolean {
  return d.ci95 !== null && d.ci95[0] > 0;
}
