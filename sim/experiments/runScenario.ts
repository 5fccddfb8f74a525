import type { IncidentMetricName } from "../metrics/incidentReporters.js";
import type { MetricSample, ReplicationResult } from "../metrics/ReplicationCollector.js";
import { summarize, type RunSummary } from "../metrics/summarize.js";
import { scenarioHash } from "../scenario/scenarioHash.js";
import { SCHEMA_VERSION, type Scenario } from "../scenario/scenarioSchema.js";
import { ENGINE_VERSION } from "../version.js";
import { runReplication } from "./runReplication.js";

/** How to run a scenario. */
export interface RunOptions {
  /** Root seed; replication k uses streams `gridgov/<seed>/<stream>/<k>`. */
  seed: number | string;
  /** Number of replications (indices 0 … replications − 1). */
  replications: number;
  /** Called after each replication with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** The deterministic result of running one scenario: same scenario and seed, same bytes. */
export interface RunResult extends RunSummary {
  engineVersion: string;
  scenario: { name: string; hash: string; schemaVersion: number; days: number; warmupDays: number };
  seed: number | string;
  replications: number;
  /** How each random stream's seed is derived. */
  seedDerivation: string;
  /** Problems worth knowing (heavy load, truncated replications). */
  warnings: string[];
  /** Each replication's own figures (without histograms, per-grid figures and time series). */
  perReplication: ReplicationFigures[];
}

/** One replication's figures as reported in a run result. */
export type ReplicationFigures = Omit<ReplicationResult, "metrics" | "grids" | "series"> & {
  metrics: Record<IncidentMetricName, Omit<MetricSample, "histogram">>;
};

/** Runs every replication of `scenario` in turn, in this thread. */
export function runScenario(scenario: Scenario, options: RunOptions, warnings: readonly string[] = []): RunResult {
  const results: ReplicationResult[] = [];
  for (let k = 0; k < options.replications; k++) {
    results.push(runReplication(scenario, options.seed, k));
    options.onProgress?.(k + 1, options.replications);
  }
  return combineReplications(scenario, options.seed, results, warnings);
}

/**
 * Assembles the run result from replication results, whichever thread or machine
 * produced them. They must be replications 0 … n − 1 of the same scenario and seed.
 */
export function combineReplications(
  scenario: Scenario,
  seed: number | string,
  results: readonly ReplicationResult[],
  warnings: readonly string[] = [],
): RunResult {
  const sorted = [...results].sort((a, b) => a.replication - b.replication);
  sorted.forEach((r, k) => {
    if (r.replication !== k) throw new Error(`replication ${k} is missing (found ${r.replication})`);
  });
  const truncated = sorted.filter((r) => r.truncated).map((r) => r.replication);
  const allWarnings = [...warnings];
  if (truncated.length) {
    allWarnings.push(
      `${truncated.length} of ${sorted.length} replications stopped early (more than ${scenario.run.maxOpenIncidents} incidents open): replications ${truncated.join(", ")}; their figures describe an overloaded system`,
    );
  }
  return {
    engineVersion: ENGINE_VERSION,
    scenario: {
      name: scenario.name,
      hash: scenarioHash(scenario),
      schemaVersion: SCHEMA_VERSION,
      days: scenario.run.days,
      warmupDays: scenario.run.warmupDays,
    },
    seed,
    replications: sorted.length,
    seedDerivation: `gridgov/${seed}/<stream>/<replication>; streams: arrivals, service, discovery, intake, outcomes (keys of each incident's own draws), staffing; hotspots and residents use replication 0 (the district's geography and population are shared by all replications)`,
    warnings: allWarnings,
    ...summarize(sorted),
    perReplication: sorted.map(({ metrics, grids: _g, series: _s, ...rest }) => ({
      ...rest,
      metrics: Object.fromEntries(
        Object.entries(metrics).map(([name, { histogram: _h, ...m }]) => [name, m]),
      ) as Record<IncidentMetricName, Omit<MetricSample, "histogram">>,
    })),
  };
}
