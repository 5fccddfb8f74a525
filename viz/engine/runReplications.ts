import type { ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import type { EnginePool } from "./EnginePool.js";

/** A replication that failed, named by scenario, seed and replication. */
export class ReplicationError extends Error {}

/**
 * Runs replications 0 … n − 1 of each scenario under one seed on the pool (common
 * random numbers across the scenarios) and returns them grouped by scenario, each in
 * replication order. A failed replication rejects with a {@link ReplicationError}.
 */
export async function runReplications(
  pool: EnginePool,
  scenarios: readonly Scenario[],
  seed: number | string,
  replications: number,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ReplicationResult[][]> {
  const jobs = scenarios.flatMap((scenario, s) => Array.from({ length: replications }, (_, k) => ({ s, k, scenario })));
  const results = await pool.map(
    jobs,
    async (api, { scenario, k }) => {
      const outcome = await api.runReplication(scenario, seed, k);
      if (!outcome.ok) throw new ReplicationError(`${scenario.name}, seed ${seed}, replication ${k}: ${outcome.error.split("\n")[0]}`);
      return outcome.result;
    },
    onProgress,
    signal,
  );
  return scenarios.map((_, s) => results.filter((_, j) => jobs[j].s === s));
}
