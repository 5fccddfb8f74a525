import { Histogram, type SparseHistogram } from "../../sim/metrics/Histogram.js";

/** A point of an empirical distribution function: share `p` of the values are ≤ `x`. */
export interface EcdfPoint {
  x: number;
  p: number;
}

/** Lower and upper edge of bin `b` of a {@link Histogram} (bin 0 holds values below 2^MIN_EXP). */
export function binEdges(b: number): [number, number] {
  if (b === 0) return [0, Math.pow(2, Histogram.MIN_EXP)];
  const e = Math.floor((b - 1) / Histogram.SUB) + Histogram.MIN_EXP;
  const m = (b - 1) % Histogram.SUB;
  if (b === Histogram.BINS - 1) return [Math.pow(2, e), Infinity];
  return [Math.pow(2, e) * (1 + m / Histogram.SUB), Math.pow(2, e) * (1 + (m + 1) / Histogram.SUB)];
}

/** The histograms added together (how replications are pooled). */
export function poolHistograms(histograms: readonly SparseHistogram[]): Histogram {
  const pooled = new Histogram();
  for (const h of histograms) pooled.mergeJSON(h);
  return pooled;
}

/**
 * The lowest and highest of several histograms' empirical distribution functions at
 * `edgeBins` (upper bin edges, ascending): at each edge, the least and the greatest share
 * of values below it among the non-empty histograms — the band drawn around a pooled
 * curve. Computed in one pass per histogram, without building each curve. Null if every
 * histogram is empty.
 */
export function ecdfEnvelope(histograms: readonly SparseHistogram[], edgeBins: readonly number[]): { lo: Float64Array; hi: Float64Array } | null {
  const lo = new Float64Array(edgeBins.length).fill(Infinity);
  const hi = new Float64Array(edgeBins.length).fill(-Infinity);
  let any = false;
  for (const h of histograms) {
    if (h.n === 0) continue;
    any = true;
    let k = 0;
    let seen = 0;
    for (let j = 0; j < edgeBins.length; j++) {
      while (k < h.bins.length && h.bins[k] <= edgeBins[j]) seen += h.counts[k++];
      const p = seen / h.n;
      if (p < lo[j]) lo[j] = p;
      if (p > hi[j]) hi[j] = p;
    }
  }
  return any ? { lo, hi } : null;
}

/**
 * The curve of a histogram's distribution function: from (min, 0) through each
 * non-empty bin's upper edge (clamped to [min, max]) to (max, 1). Within 0.8 % of the
 * exact curve along x (the bins' width).
 */
export function ecdf(h: SparseHistogram): EcdfPoint[] {
  if (h.n === 0 || h.min === null || h.max === null) return [];
  const { min, max } = h;
  const points: EcdfPoint[] = [{ x: min, p: 0 }];
  let seen = 0;
  h.bins.forEach((b, k) => {
    seen += h.counts[k];
    points.push({ x: Math.min(max, Math.max(min, binEdges(b)[1])), p: seen / h.n });
  });
  return points;
}
