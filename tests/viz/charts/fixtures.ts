/**
 * Small real runs for the chart tests: the teaching district over 3 days without
 * warm-up, a baseline and a reform with twice the workers, 3 replications each, seed 1
 * (about 0.1 s in all). Built once per test file. (The path is built with node:path:
 * under jsdom, `URL` is jsdom's and node:fs refuses it.)
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compareRuns, type MeasureComparison } from "../../../sim/experiments/compareRuns.js";
import { runReplication } from "../../../sim/experiments/runReplication.js";
import { combineReplications } from "../../../sim/experiments/runScenario.js";
import { Histogram } from "../../../sim/metrics/Histogram.js";
import type { MetricSample, ReplicationResult } from "../../../sim/metrics/ReplicationCollector.js";
import { parseScenario } from "../../../sim/scenario/parseScenario.js";
import type { Scenario } from "../../../sim/scenario/scenarioSchema.js";
import { scenarioColor } from "../../../viz/charts/palette.js";
import { scenarioRuns, type ScenarioRun } from "../../../viz/charts/ScenarioRun.js";

/** A name that would run script if it were ever parsed as HTML. */
export const HOSTILE = "<img src=x onerror=alert(1)>";

/** The teaching district, shortened, with `changes` applied to its parsed JSON. */
export function teachingScenario(name: string, changes: (raw: Record<string, any>) => void = () => {}): Scenario {
  const raw = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../../scenarios/teaching-small.json"), "utf8"));
  raw.name = name;
  raw.run = { days: 3, warmupDays: 0 };
  changes(raw);
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  return parsed.value;
}

/** Runs `replications` replications of each scenario with seed 1 and wraps them as chart inputs. */
export function runAll(scenarios: readonly Scenario[], replications = 3): ScenarioRun[] {
  return scenarioRuns(
    scenarios.map((s) => {
      const reps = Array.from({ length: replications }, (_, k) => runReplication(s, 1, k));
      return { result: combineReplications(s, 1, reps), replications: reps };
    }),
  );
}

let cached: { runs: ScenarioRun[]; comparisons: MeasureComparison[][] } | undefined;

/** Baseline and "Reform: double staff", 3 replications each, with their comparisons. */
export function fixture(): { runs: ScenarioRun[]; comparisons: MeasureComparison[][] } {
  if (!cached) {
    const runs = runAll([
      teachingScenario("Baseline"),
      teachingScenario("Reform: double staff", (raw) => (raw.staffing.workersPerGrid = 2)),
    ]);
    cached = { runs, comparisons: compareRuns(runs.map((r) => r.result)) };
  }
  return cached;
}

/** The runs with the second one renamed. */
export function renamed(runs: readonly ScenarioRun[], name: string): ScenarioRun[] {
  return runs.map((r, k) => (k === 1 ? { ...r, name } : r));
}

/** What a synthetic replication sets; everything else is copied from a real one. */
export interface SyntheticReplication {
  /** Response times (min) of the incidents. */
  response?: number[];
  /** Open incidents each hour. */
  backlog?: number[];
  /** Per-grid figures. */
  grids?: Partial<ReplicationResult["grids"]>;
}

let template: ReplicationResult | undefined;

/** A measured sample of `values`, as the collector reports it. */
export function sample(values: readonly number[]): MetricSample {
  const h = new Histogram();
  values.forEach((v) => h.add(v));
  const n = values.length;
  return { n, mean: n ? values.reduce((a, b) => a + b, 0) / n : NaN, p50: h.quantile(0.5), p90: h.quantile(0.9), p95: h.quantile(0.95), max: n ? h.max : NaN, histogram: h.toJSON() };
}

/**
 * A scenario run whose replications have exactly the given response times, backlog and
 * grid figures (the rest copied from one real replication of the teaching district),
 * summarised by the engine's own `combineReplications`.
 */
export function syntheticRun(index: number, name: string, reps: readonly SyntheticReplication[]): ScenarioRun {
  const scenario = teachingScenario(name);
  template ??= runReplication(scenario, 1, 0);
  const replications = reps.map((spec, k) => {
    const r: ReplicationResult = structuredClone(template!);
    r.replication = k;
    if (spec.response) r.metrics.responseTime = sample(spec.response);
    if (spec.backlog) r.series.backlogHourly = spec.backlog;
    if (spec.grids) r.grids = { ...r.grids, ...spec.grids };
    return r;
  });
  return { name, color: scenarioColor(index), index, result: combineReplications(scenario, 1, replications), replications };
}
