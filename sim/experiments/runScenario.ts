import type { IncidentMetricName } from "../metrics/incidentReporters.js";
import type { MetricSample, ReplicationResult } from "../metrics/ReplicationCollector.js";
import { summarize, type RunSummary } from "../metrics/summarize.js";
import { scenarioHash } from "../scenario/scenarioHash.js";
import { SCHEMA_VERSION, type Scenario } from "../scenario/scenarioSchema.js";
import { ENGINE_VERSION } from "../version.js";
import { runReplication } from "./runReplication.js";

/**
 * Incidents still open at the end, as a share of those closed, above which a run is
 * flagged as too short. Time measures count closed incidents only, and the slowest are
 * the likeliest to be still open, so a short run's times are biased low: in the shipped
 * scenarios, by 0.3–1.3 times this ratio in mean resolution time (docs/model.md §3.4).
 */
export const OPEN_AT_END_WARNING = 0.1;

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
  /** Problems worth knowing (heavy load, truncated replications, many incidents open at the end). */
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
  const open = sorted.reduce((sum, r) => sum + r.incidents.open, 0);
  const closed = sorted.reduce((sum, r) => sum + r.incidents.closed, 0);
  if (!truncated.length && closed > 0 && open > OPEN_AT_END_WARNING * closed) {
    allWarnings.push(
      `${open} incidents were still open at the end, ${Math.round((100 * open) / closed)} % as many as were closed: time measures count closed incidents only and the slowest are the likeliest to be still open, so times are biased low; try a longer run (e.g. ${2 * scenario.run.days} days) and see whether they move`,
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
    seedDerivation: `gridgov/${seed}/<stream>/<replication>; streams: arrivals, service, discovery, outcomes (a key per incident, from which each decision about it draws its own sequence), staffing; hotspots and residents use replication 0 (the district's geography and population are shared by all replications)`,
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
