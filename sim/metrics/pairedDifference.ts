import { meanInterval } from "./studentT.js";

/** B − A over paired replications (same seeds), with its 95 % t-interval. */
export interface PairedDifference {
  /** Replications paired (those where both values exist). */
  n: number;
  mean: number | null;
  ci95: [number, number] | null;
  /** True when the interval excludes 0. */
  significant: boolean;
}

/**
 * The paired difference b[k] − a[k] over replications k. With common random numbers
 * (replication k of both scenarios sees the same incidents) the differences vary far
 * less than the values themselves, so the interval is much narrower than comparing
 * two independent means.
 */
export function pairedDifference(a: ArrayLike<number | null>, b: ArrayLike<number | null>): PairedDifference {
  const diffs: number[] = [];
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const x = a[k];
    const y = b[k];
    if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) diffs.push(y - x);
  }
  if (diffs.length === 0) return { n: 0, mean: null, ci95: null, significant: false };
  const iv = meanInterval(diffs);
  const ci95: [number, number] | null = diffs.length > 1 ? [iv.ci95[0], iv.ci95[1]] : null;
  return { n: diffs.length, mean: iv.mean, ci95, significant: ci95 !== null && (ci95[0] > 0 || ci95[1] < 0) };
}
