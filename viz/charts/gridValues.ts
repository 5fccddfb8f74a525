import type { ScenarioRun } from "./ScenarioRun.js";

/** A per-grid figure of the replications: incidents occurred, mean response time (min), worker utilisation (0..1). */
export type GridMetric = "occurred" | "meanResponse" | "utilization";

/**
 * Each grid's `metric` averaged over the run's replications (index = grid id), leaving
 * out replications without a value there (a grid with no response in a replication);
 * null where no replication has one.
 */
export function gridValues(run: ScenarioRun, metric: GridMetric): Array<number | null> {
  const grids = run.replications[0]?.grids[metric].length ?? 0;
  return Array.from({ length: grids }, (_, g) => {
    let sum = 0;
    let n = 0;
    for (const r of run.replications) {
      const v = r.grids[metric][g];
      if (v !== null && v !== undefined && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n > 0 ? sum / n : null;
  });
}
