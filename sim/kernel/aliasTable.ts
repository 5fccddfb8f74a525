import type { Rng } from "./rngStream.js";

/**
 * Walker's alias table for sampling an index with probability proportional to
 * `weights`, in O(1) per draw with one uniform number. Build one with {@link aliasTable}.
 */
export class AliasTable {
  constructor(
    /** Number of outcomes. */
    readonly size: number,
    /** Per column: the probability of keeping the column's own index, and the index taken otherwise. */
    private readonly prob: Float64Array,
    private readonly alias: Int32Array,
  ) {}

  /** Draws an index in `[0, size)`. */
  sample(rng: Rng): number {
    const u = rng.next() * this.size;
    const i = Math.floor(u);
    return u - i < this.prob[i] ? i : this.alias[i];
  }
}

/** Builds an alias table (Vose's method). Weights must be finite, ≥ 0, with a positive sum. */
export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`alias weight ${i} must be finite and ≥ 0, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new Error("alias weights must have a positive sum");
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i] * n) / total;
    (scaled[i] < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return new AliasTable(n, prob, alias);
}
