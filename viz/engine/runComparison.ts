import { compareRuns, type MeasureComparison } from "../../sim/experiments/compareRuns.js";
import { combineReplications, type RunResult } from "../../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import { scenarioHash } from "../../sim/scenario/scenarioHash.js";
import { SCHEMA_VERSION, type Scenario } from "../../sim/scenario/scenarioSchema.js";
import { ENGINE_VERSION } from "../../sim/version.js";
import { CancelledError, type EnginePool } from "./EnginePool.js";
import { runReplications } from "./runReplications.js";

/** What to compare: the first scenario is the baseline. */
export interface ComparisonRequest {
  scenarios: Scenario[];
  seed: number | string;
  replications: number;
  /** Each scenario's warnings from loading it, carried into its run result as `gridgov run` does. */
  warnings?: ReadonlyArray<readonly string[]>;
}

/** One scenario's figures: the run result (as the CLI gives it) and every replication in full. */
export interface ScenarioOutcome {
  scenario: Scenario;
  result: RunResult;
  replications: ReplicationResult[];
}

/** How a browser result was made (as the CLI's run manifest, for the browser). */
export interface BrowserManifest {
  engineVersion: string;
  schemaVersion: number;
  seed: number | string;
  seedDerivation: string;
  replications: number;
  scenarios: Array<{ name: string; hash: string }>;
  platform: { userAgent: string; workers: number };
  startedAt: string;
  finishedAt: string;
}

/** A finished comparison. */
export interface ComparisonResult {
  request: ComparisonRequest;
  outcomes: ScenarioOutcome[];
  /** For each scenario after the first, every measure against the baseline (paired, common random numbers). */
  comparisons: MeasureComparison[][];
  manifest: BrowserManifest;
}

/** Lets other tasks (input, painting) run before going on. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs replications 0 … n − 1 of every scenario under one seed on the pool (common
 * random numbers: replication k of each scenario faces the same incidents), then
 * combines and compares them exactly as `gridgov compare` does.
 */
export async function runComparison(
  pool: EnginePool,
  request: ComparisonRequest,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ComparisonResult> {
  const startedAt = new Date();
  const { scenarios, seed, replications } = request;
  const grouped = await runReplications(pool, scenarios, seed, replications, onProgress, signal);
  // One scenario at a time, letting the page breathe in between (each combine is a few ms).
  const outcomes: ScenarioOutcome[] = [];
  for (const [s, scenario] of scenarios.entries()) {
    const reps = grouped[s];
    outcomes.push({ scenario, result: combineReplications(scenario, seed, reps, request.warnings?.[s] ?? []), replications: reps });
    await yieldToPage();
    if (signal?.aborted) throw new CancelledError();
  }
  const comparisons = compareRuns(outcomes.map((o) => o.result));
  return {
    request,
    outcomes,
    comparisons,
    manifest: {
      engineVersion: ENGINE_VERSION,
      schemaVersion: SCHEMA_VERSION,
      seed,
      seedDerivation: outcomes[0]?.result.seedDerivation ?? `gridgov/${seed}/<stream>/<replication>`,
      replications,
      scenarios: scenarios.map((s) => ({ name: s.name, hash: scenarioHash(s) })),
      platform: { userAgent: globalThis.navigator?.userAgent ?? "unknown", workers: pool.size },
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
    },
  };
}
