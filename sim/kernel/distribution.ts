import { aliasTable } from "./aliasTable.js";
import type { Rng } from "./rngStream.js";
import { cosTurns, exp, log, pow } from "./detMath.js";

/**
 * A probability distribution of a non-negative quantity (a duration in minutes,
 * mostly), described as plain data so scenario files can carry it.
 */
export type DistributionSpec =
  | { type: "exponential"; mean: number }
  | { type: "deterministic"; value: number }
  | { type: "uniform"; min: number; max: number }
  | { type: "lognormal"; mean: number; cv: number }
  | { type: "gamma"; mean: number; cv: number }
  | { type: "triangular"; min: number; mode: number; max: number }
  | { type: "empirical"; values: number[]; weights: number[] };

/** Draws one value using the uniform source it is given. */
export type Sampler = (rng: Rng) => number;

/** Mean and variance of a distribution, for analytic checks and load estimates. */
export interface Moments {
  mean: number;
  variance: number;
}

/**
 * Builds a sampler for `spec`. Each sampler draws a fixed number of uniforms per
 * value except gamma, whose rejection loop depends only on its own parameters.
 */
export function sampler(spec: DistributionSpec): Sampler {
  switch (spec.type) {
    case "exponential": {
      const mean = spec.mean;
      return (rng) => -mean * log(1 - rng());
    }
    case "deterministic": {
      const value = spec.value;
      return () => value;
    }
    case "uniform": {
      const { min } = spec;
      const width = spec.max - spec.min;
      return (rng) => min + width * rng();
    }
    case "lognormal": {
      if (spec.cv === 0) return () => spec.mean;
      const s2 = log(1 + spec.cv * spec.cv);
      const sigma = Math.sqrt(s2);
      const mu = log(spec.mean) - s2 / 2;
      return (rng) => exp(mu + sigma * standardNormal(rng));
    }
    case "gamma": {
      const shape = 1 / (spec.cv * spec.cv);
      // cv = 0, or so small that cv² underflows: no spread left.
      if (!(shape < Infinity)) return () => spec.mean;
      const scale = spec.mean / shape;
      return (rng) => scale * standardGamma(rng, shape);
    }
    case "triangular": {
      const { min, mode, max } = spec;
      const width = max - min;
      if (width === 0) return () => min;
      const split = (mode - min) / width;
      return (rng) => {
        const u = rng();
        return u < split
          ? min + Math.sqrt(u * width * (mode - min))
          : max - Math.sqrt((1 - u) * width * (max - mode));
      };
    }
    case "empirical": {
      const table = aliasTable(spec.weights);
      const values = Float64Array.from(spec.values);
      return (rng) => values[table.sample(rng)];
    }
  }
}

/** The exact mean and variance of `spec`. */
export function moments(spec: DistributionSpec): Moments {
  switch (spec.type) {
    case "exponential":
      return { mean: spec.mean, variance: spec.mean * spec.mean };
    case "deterministic":
      return { mean: spec.value, variance: 0 };
    case "uniform": {
      const w = spec.max - spec.min;
      return { mean: (spec.min + spec.max) / 2, variance: (w * w) / 12 };
    }
    case "lognormal":
    case "gamma": {
      const sd = spec.mean * spec.cv;
      return { mean: spec.mean, variance: sd * sd };
    }
    case "triangular": {
      const { min: a, mode: c, max: b } = spec;
      return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 };
    }
    case "empirical": {
      let total = 0;
      let m1 = 0;
      let m2 = 0;
      spec.weights.forEach((w, i) => {
        total += w;
        m1 += w * spec.values[i];
        m2 += w * spec.values[i] * spec.values[i];
      });
      const mean = m1 / total;
      return { mean, variance: m2 / total - mean * mean };
    }
  }
}

/** A standard normal draw by Box–Muller (two uniforms, no cached pair). */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * log(u1)) * cosTurns(u2);
}

/** A Gamma(shape, 1) draw by Marsaglia & Tsang (2000), boosted for shape < 1. */
export function standardGamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng();
    return standardGamma(rng, shape + 1) * pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}
