import { combineReplications, runScenario, type RunOptions, type RunResult } from "../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../sim/metrics/ReplicationCollector.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { UserError } from "./UserError.js";
import { WorkerPool } from "./WorkerPool.js";

/**
 * Runs a scenario's replications in this thread (1 worker) or on a pool of worker
 * threads; the result is the same, byte for byte, either way. Failed replications are
 * reported with the scenario, seed and replication; the others still run.
 */
export async function runScenarioOn(workers: number, scenario: Scenario, options: RunOptions, warnings: readonly string[]): Promise<RunResult> {
  if (workers <= 1) return runScenario(scenario, options, warnings);
  const pool = new WorkerPool(Math.min(workers, options.replications));
  try {
    const { outcomes, failures } = await pool.runReplications(scenario, options.seed, options.replications, options.onProgress);
    if (failures.length > 0) {
      const lines = failures.map((f) => `${scenario.name}, seed ${options.seed}, replication ${f.replication}: ${f.error.split("\n")[0]}`);
      throw new IncompleteRunError(`${failures.length} of ${options.replications} replications failed:\n${lines.join("\n")}`);
    }
    return combineReplications(scenario, options.seed, outcomes.map((o) => (o as { result: ReplicationResult }).result), warnings);
  } finally {
    await pool.close();
  }
}

/** Some replications could not be run: the run is incomplete (exit code 3). */
export class IncompleteRunError extends UserError {
  readonly exitCode = 3;
}
