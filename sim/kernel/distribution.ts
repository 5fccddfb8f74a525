import { aliasTable, type AliasTable } from "./aliasTable.js";
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

/**
 * Draws values of one distribution. An object with a method rather than a closure, for
 * the same reason as {@link Rng}: the model's calls reach the same code in every
 * replication.
 */
export interface Sampler {
  /** Draws one value using the uniform source it is given. */
  sample(rng: Rng): number;
}

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
    case "exponential":
      return new Exponential(spec.mean);
    case "deterministic":
      return new Constant(spec.value);
    case "uniform":
      return new Uniform(spec.min, spec.max - spec.min);
    case "lognormal": {
      if (spec.cv === 0) return new Constant(spec.mean);
      const s2 = log(1 + spec.cv * spec.cv);
      return new Lognormal(log(spec.mean) - s2 / 2, Math.sqrt(s2));
    }
    case "gamma": {
      const shape = 1 / (spec.cv * spec.cv);
      // cv = 0, or so small that cv² underflows: no spread left.
      if (!(shape < Infinity)) return new Constant(spec.mean);
      return new Gamma(spec.mean / shape, shape);
    }
    case "triangular":
      return spec.max === spec.min ? new Constant(spec.min) : new Triangular(spec.min, spec.mode, spec.max);
    case "empirical":
      return new Empirical(Float64Array.from(spec.values), aliasTable(spec.weights));
  }
}

class Exponential implements Sampler {
  constructor(private readonly mean: number) {}
  sample(rng: Rng): number {
    return -this.mean * log(1 - rng.next());
  }
}

class Constant implements Sampler {
  constructor(private readonly value: number) {}
  sample(): number {
    return this.value;
  }
}

class Uniform implements Sampler {
  constructor(
    private readonly min: number,
    private readonly width: number,
  ) {}
  sample(rng: Rng): number {
    return this.min + this.width * rng.next();
  }
}

/** exp(N(mu, sigma²)). */
class Lognormal implements Sampler {
  constructor(
    private readonly mu: number,
    private readonly sigma: number,
  ) {}
  sample(rng: Rng): number {
    return exp(this.mu + this.sigma * standardNormal(rng));
  }
}

class Gamma implements Sampler {
  constructor(
    private readonly scale: number,
    private readonly shape: number,
  ) {}
  sample(rng: Rng): number {
    return this.scale * standardGamma(rng, this.shape);
  }
}

/** By inversion of the distribution function, split at the mode. */
class Triangular implements Sampler {
  private readonly width: number;
  private readonly split: number;
  constructor(
    private readonly min: number,
    private readonly mode: number,
    private readonly max: number,
  ) {
    this.width = max - min;
    this.split = (mode - min) / this.width;
  }
  sample(rng: Rng): number {
    const u = rng.next();
    return u < this.split
      ? this.min + Math.sqrt(u * this.width * (this.mode - this.min))
      : this.max - Math.sqrt((1 - u) * this.width * (this.max - this.mode));
  }
}

class Empirical implements Sampler {
  constructor(
    private readonly values: Float64Array,
    private readonly table: AliasTable,
  ) {}
  sample(rng: Rng): number {
    return this.values[this.table.sample(rng)];
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
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * log(u1)) * cosTurns(u2);
}

/** A Gamma(shape, 1) draw by Marsaglia & Tsang (2000), boosted for shape < 1. */
export function standardGamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng.next();
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
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}
