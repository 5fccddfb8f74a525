/**
 * The Gini coefficient of non-negative values: 0 when all are equal, approaching 1
 * when one holds everything. Used for the inequality of workload across workers.
 * Returns 0 for an empty list or an all-zero one.
 */
export function gini(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (n === 0 || sum === 0) return 0;
  // Equal values give 0 up to rounding, which must not show as a negative inequality.
  return Math.max(0, (2 * weighted) / (n * sum) - (n + 1) / n);
}
