/**
 * Small statistics helpers for the tests: sample moments, the regularised incomplete
 * gamma function (for chi-square critical values and gamma CDFs), the normal CDF and
 * the Kolmogorov–Smirnov statistic. Checked against published values in
 * tests/kernel/statsHelpers.test.ts.
 */
import type { DistributionSpec } from "../../sim/kernel/distribution.js";
import type { Rng } from "../../sim/kernel/rngStream.js";

/** Two-sided standard-normal critical value for α = 0.001 (z_{0.9995}). */
export const Z_999 = 3.2905;

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Unbiased sample variance. */
export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i] - m) * (xs[i] - m);
  return ss / (xs.length - 1);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised lower incomplete gamma P(s, x) (series below s + 1, Lentz continued fraction above). */
export function gammaP(s: number, x: number): number {
  if (x <= 0) return 0;
  const lead = s * Math.log(x) - x - lnGamma(s);
  if (x < s + 1) {
    let term = 1 / s;
    let sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (s + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(lead);
  }
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - Math.exp(lead) * h;
}

/** CDF of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  return gammaP(df / 2, x / 2);
}

/** The `p`-quantile of chi-square(df), by bisection on the CDF. */
export function chiSquareQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = df + 100 * Math.sqrt(2 * df) + 100;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (chiSquareCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Pearson's statistic Σ (O − E)² / E over bins with E > 0. */
export function chiSquareStatistic(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let x2 = 0;
  for (let k = 0; k < observed.length; k++) {
    if (expected[k] > 0) x2 += ((observed[k] - expected[k]) ** 2) / expected[k];
  }
  return x2;
}

/** erfc(x), Numerical Recipes' Chebyshev fit (relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Kolmogorov–Smirnov statistic D_n of a sample against a continuous CDF. */
export function ksStatistic(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * Asymptotic KS critical value at level α: √(−ln(α/2) / 2) / √n
 * (1.9495/√n for α = 0.001; accurate for n in the thousands).
 */
export function ksCritical(n: number, alpha = 0.001): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);
}

/** Draws `n` values from `source`: a random stream, or a function that draws one value. */
export function draws(n: number, source: Rng | (() => number)): Float64Array {
  const draw = typeof source === "function" ? source : () => source.next();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/** Wraps an Rng to count the uniforms it hands out. */
export function countingRng(rng: Rng): Rng & { calls: number } {
  return {
    calls: 0,
    next() {
      this.calls++;
      return rng.next();
    },
  };
}

/**
 * The fourth central moment μ4 of `spec`, for the standard error of the sample
 * variance: Var(s²) ≈ (μ4 − σ⁴) / n.
 */
export function fourthCentralMoment(spec: DistributionSpec): number {
  switch (spec.type) {
    case "exponential":
      return 9 * spec.mean ** 4;
    case "deterministic":
      return 0;
    case "uniform":
      return (spec.max - spec.min) ** 4 / 80;
    case "lognormal": {
      const s2 = Math.log(1 + spec.cv * spec.cv);
      const excess = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
      return (spec.mean * spec.cv) ** 4 * (3 + excess);
    }
    case "gamma": {
      const shape = 1 / (spec.cv * spec.cv);
      return (spec.mean * spec.cv) ** 4 * (3 + 6 / shape);
    }
    case "triangular": {
      const { min: a, mode: c, max: b } = spec;
      const v = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
      return v * v * 2.4; // excess kurtosis −3/5
    }
    case "empirical": {
      const total = spec.weights.reduce((s, w) => s + w, 0);
      const m = spec.values.reduce((s, v, i) => s + (spec.weights[i] * v) / total, 0);
      return spec.values.reduce((s, v, i) => s + (spec.weights[i] * (v - m) ** 4) / total, 0);
    }
  }
}
