/** Where a series is highest. */
export interface Peak {
  /** Position of the first highest value. */
  index: number;
  value: number;
}

/** The first highest finite value of `values` and its index; null if there is none (nulls and NaN are skipped). */
export function peakOf(values: ArrayLike<number | null>): Peak | null {
  let best: Peak | null = null;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v !== null && Number.isFinite(v) && (best === null || v > best.value)) best = { index: k, value: v };
  }
  return best;
}
