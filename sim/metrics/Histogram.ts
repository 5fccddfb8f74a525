/**
 * A log-linear histogram of non-negative values (HDR-style): 128 bins per power of
 * two from 2^-10 to 2^24, so a quantile read from it is within 0.4 % of the exact
 * sample quantile, whatever the number of values. Histograms add, which is how
 * replications (and shards of a run) are pooled.
 */
// The layout as module-local constants: `binOf` runs for every value recorded, and a
// module-local constant is cheaper to read there than a static property.
const SUB = 128;
const MIN_EXP = -10;
const MAX_EXP = 24;
const BINS = 1 + (MAX_EXP - MIN_EXP) * SUB;

export class Histogram {
  static readonly SUB = SUB;
  static readonly MIN_EXP = MIN_EXP;
  static readonly MAX_EXP = MAX_EXP;
  static readonly BINS = BINS;

  readonly counts = new Float64Array(Histogram.BINS);
  n = 0;
  min = Infinity;
  max = -Infinity;

  /** Adds one value (≥ 0). */
  add(v: number): void {
    this.counts[binOf(v)]++;
    this.n++;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** Adds every value counted in `other`. */
  merge(other: Histogram): void {
    for (let b = 0; b < Histogram.BINS; b++) this.counts[b] += other.counts[b];
    this.n += other.n;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** Adds every value counted in a histogram's plain-data form (as {@link merge} of {@link fromJSON}, without building it). */
  mergeJSON(data: SparseHistogram): void {
    const { bins, counts } = data;
    for (let k = 0; k < bins.length; k++) this.counts[bins[k]] += counts[k];
    this.n += data.n;
    if (data.min !== null && data.min < this.min) this.min = data.min;
    if (data.max !== null && data.max > this.max) this.max = data.max;
  }

  /** The q-quantile (nearest rank), as the middle of its bin clamped to [min, max]; NaN if empty. */
  quantile(q: number): number {
    if (this.n === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.n));
    let seen = 0;
    for (let b = 0; b < Histogram.BINS; b++) {
      seen += this.counts[b];
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, binMiddle(b)));
    }
    return this.max;
  }

  /** A compact plain-data form: the non-empty bins and their counts. */
  toJSON(): SparseHistogram {
    const bins: number[] = [];
    const counts: number[] = [];
    for (let b = 0; b < Histogram.BINS; b++) {
      if (this.counts[b] > 0) {
        bins.push(b);
        counts.push(this.counts[b]);
      }
    }
    return { n: this.n, min: this.n ? this.min : null, max: this.n ? this.max : null, bins, counts };
  }

  /** Rebuilds a histogram from its plain-data form. */
  static fromJSON(data: SparseHistogram): Histogram {
    const h = new Histogram();
    data.bins.forEach((b, k) => (h.counts[b] = data.counts[k]));
    h.n = data.n;
    h.min = data.min ?? Infinity;
    h.max = data.max ?? -Infinity;
    return h;
  }
}

/** A histogram as plain data (JSON): non-empty bin indices and their counts. */
export interface SparseHistogram {
  n: number;
  min: number | null;
  max: number | null;
  bins: number[];
  counts: number[];
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = pow2(MIN_EXP);

/**
 * Bin index of `v`: bin 0 holds values below 2^-10 minutes (under 0.06 s). Reads the
 * exponent and the top 7 mantissa bits straight from the IEEE 754 representation.
 */
function binOf(v: number): number {
  if (!(v >= LOW)) return 0;
  f64[0] = v;
  const hi = u32[HI];
  const e = ((hi >>> 20) & 0x7ff) - 1023;
  if (e >= MAX_EXP) return BINS - 1;
  return 1 + (e - MIN_EXP) * SUB + ((hi >>> 13) & 0x7f);
}

/** 2^e for a whole e in the normal range, exactly (built from its bits; engines' pow need not be exact). */
function pow2(e: number): number {
  u32[HI] = (e + 1023) << 20;
  u32[1 - HI] = 0;
  return f64[0];
}

function binMiddle(b: number): number {
  if (b === 0) return 0;
  const e = Math.floor((b - 1) / Histogram.SUB) + Histogram.MIN_EXP;
  const m = (b - 1) % Histogram.SUB;
  return pow2(e) * (1 + (m + 0.5) / Histogram.SUB);
}
