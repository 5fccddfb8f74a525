import type { CategoryResult } from "./ReplicationCollector.js";

/**
 * Share of registered incidents closed within their time limit, over the given
 * categories of one replication (incidents still open past their deadline count as
 * missed). NaN when none was due.
 */
export function timeLimitHitRate(categories: readonly Pick<CategoryResult, "withinLimit" | "late">[]): number {
  let within = 0;
  let late = 0;
  for (const c of categories) {
    within += c.withinLimit;
    late += c.late;
  }
  return within + late > 0 ? within / (within + late) : NaN;
}
