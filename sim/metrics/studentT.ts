/** Two-sided 95 % critical values of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: tabulated to 30,
 * then the Cornish–Fisher expansion around the normal quantile (error < 0.001).
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1];
  const z = 1.959964;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

/** Mean, standard deviation and 95 % t-interval of a sample (interval NaN for fewer than 2 values). */
export interface Interval {
  n: number;
  mean: number;
  sd: number;
  ci95: [number, number];
}

/**
 * The mean of `values` with its 95 % confidence interval (t-interval). The interval
 * is cut at `[lowest, highest]`, the range the quantity cannot leave (0 for a time,
 * 0..1 for a share): the cut interval covers every value the uncut one covers that
 * the quantity can take, so its coverage is unchanged.
 */
export function meanInterval(values: ArrayLike<number>, lowest = -Infinity, highest = Infinity): Interval {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) * (values[i] - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  const half = n > 1 ? (tQuantile975(n - 1) * sd) / Math.sqrt(n) : NaN;
  return { n, mean, sd, ci95: [Math.max(lowest, mean - half), Math.min(highest, mean + half)] };
}
