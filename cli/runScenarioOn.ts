import { runReplication } from "../sim/experiments/runReplication.js";
import { combineReplications, type RunOptions, type RunResult } from "../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../sim/metrics/ReplicationCollector.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { UserError } from "./UserError.js";
import { WorkerPool } from "./WorkerPool.js";

/**
 * Runs a scenario's replications in this thread (1 worker) or on a pool of worker
 * threads; the result is the same, byte for byte, either way. Failed replications are
 * reported with the scenario, seed and replication; the others still run. When `stop`
 * is aborted (Ctrl-C), no new replication starts and {@link InterruptedRunError}
 * carries the ones completed.
 */
export async function runScenarioOn(
  workers: number,
  scenario: Scenario,
  options: RunOptions,
  warnings: readonly string[],
  stop?: AbortSignal,
): Promise<RunResult> {
  const results = await runReplicationRange(workers, scenario, options, 0, options.replications, stop);
  return combineReplications(scenario, options.seed, results, warnings);
}

/**
 * Runs replications `from` … `to` − 1 (in this thread or on worker threads) and returns
 * their results in order; throws {@link IncompleteRunError} or {@link InterruptedRunError}.
 */
export async function runReplicationRange(
  workers: number,
  scenario: Scenario,
  options: RunOptions,
  from: number,
  to: number,
  stop?: AbortSignal,
): Promise<ReplicationResult[]> {
  const n = to - from;
  const done = new Map<number, ReplicationResult>();
  const failures: Array<{ replication: number; error: string }> = [];
  if (workers <= 1) {
    for (let k = from; k < to && !stop?.aborted; k++) {
      done.set(k, runReplication(scenario, options.seed, k));
      options.onProgress?.(k + 1 - from, n);
      // Let signals (Ctrl-C) through between replications.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    const pool = new WorkerPool(Math.min(workers, n));
    try {
      const jobs = Array.from({ length: n }, (_, k) => ({ scenario, seed: options.seed, replication: from + k }));
      const { outcomes } = await pool.runJobs(jobs, options.onProgress, stop);
      outcomes.forEach((o, k) => {
        if (!o) return;
        if (o.ok) done.set(from + k, o.result);
        else failures.push({ replication: from + k, error: o.error });
      });
    } finally {
      await pool.close();
    }
  }
  if (stop?.aborted) throw new InterruptedRunError([...done.values()].sort((a, b) => a.replication - b.replication), options.replications);
  if (failures.length > 0) {
    const lines = failures.map((f) => `${scenario.name}, seed ${options.seed}, replication ${f.replication}: ${f.error.split("\n")[0]}`);
    throw new IncompleteRunError(`${failures.length} of ${n} replications failed:\n${lines.join("\n")}`);
  }
  return [...done.values()].sort((a, b) => a.replication - b.replication);
}

/** Some replications could not be run: the run is incomplete (exit code 3). */
export class IncompleteRunError extends UserError {
  readonly exitCode = 3;
}

/** The run was interrupted (Ctrl-C); `completed` holds the replications that finished (exit code 130). */
export class InterruptedRunError extends UserError {
  readonly exitCode = 130;
  constructor(
    readonly completed: ReplicationResult[],
    readonly total: number,
  ) {
    super(`interrupted: ${completed.length} of ${total} replications completed`);
  }
}
