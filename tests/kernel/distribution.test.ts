import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moments, sampler, type DistributionSpec } from "../../sim/kernel/distribution.js";
import { rngStream } from "../../sim/kernel/rngStream.js";
import {
  chiSquareQuantile,
  chiSquareStatistic,
  countingRng,
  draws,
  fourthCentralMoment,
  gammaP,
  ksCritical,
  ksStatistic,
  mean,
  normalCdf,
  variance,
} from "../support/stats.js";

const N = 200_000;

/** Exact CDFs of the continuous distributions, for Kolmogorov–Smirnov tests. */
function cdf(spec: DistributionSpec): ((x: number) => number) | undefined {
  switch (spec.type) {
    case "exponential":
      return (x) => (x <= 0 ? 0 : 1 - Math.exp(-x / spec.mean));
    case "uniform":
      return (x) => Math.min(1, Math.max(0, (x - spec.min) / (spec.max - spec.min)));
    case "lognormal": {
      const s2 = Math.log(1 + spec.cv * spec.cv);
      const mu = Math.log(spec.mean) - s2 / 2;
      return (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / Math.sqrt(s2)));
    }
    case "gamma": {
      const shape = 1 / (spec.cv * spec.cv);
      const scale = spec.mean / shape;
      return (x) => gammaP(shape, x / scale);
    }
    case "triangular": {
      const { min: a, mode: c, max: b } = spec;
      return (x) =>
        x <= a ? 0 : x >= b ? 1 : x < c ? ((x - a) ** 2) / ((b - a) * (c - a)) : 1 - ((b - x) ** 2) / ((b - a) * (b - c));
    }
    default:
      return undefined;
  }
}

const CASES: [string, DistributionSpec][] = [
  ["exponential", { type: "exponential", mean: 30 }],
  ["uniform", { type: "uniform", min: 5, max: 25 }],
  ["lognormal", { type: "lognormal", mean: 20, cv: 0.8 }],
  ["gamma with shape 4 (cv 0.5)", { type: "gamma", mean: 40, cv: 0.5 }],
  ["gamma with shape 1 (cv 1)", { type: "gamma", mean: 10, cv: 1 }],
  ["gamma with cv > 1 (shape 0.25)", { type: "gamma", mean: 40, cv: 2 }],
  ["triangular", { type: "triangular", min: 5, mode: 10, max: 40 }],
  ["triangular with mode at min", { type: "triangular", min: 0, mode: 0, max: 10 }],
  ["empirical", { type: "empirical", values: [5, 10, 30, 60], weights: [1, 3, 0.5, 0] }],
];

describe("distribution samplers", () => {
  for (const [label, spec] of CASES) {
    it(`${label}: sample mean and variance match moments() within 4 standard errors`, () => {
      const dist = sampler(spec);
      const rng = rngStream(11, label, 0);
      const xs = draws(N, () => dist.sample(rng));
      const { mean: mu, variance: v } = moments(spec);
      // |x̄ − μ| < 4 σ/√n; |s² − σ²| < 4 √((μ4 − σ⁴)/n) (normal approximation of both estimators).
      expect(Math.abs(mean(xs) - mu)).toBeLessThan(4 * Math.sqrt(v / N));
      expect(Math.abs(variance(xs) - v)).toBeLessThan(4 * Math.sqrt((fourthCentralMoment(spec) - v * v) / N));
      let lowest = Infinity;
      for (const x of xs) lowest = Math.min(lowest, x);
      expect(lowest).toBeGreaterThanOrEqual(0);
      const F = cdf(spec);
      if (F) {
        // Kolmogorov–Smirnov against the exact CDF at α = 0.001.
        expect(ksStatistic(xs, F)).toBeLessThan(ksCritical(N));
      }
    });
  }

  it("the moments of each family agree with closed forms", () => {
    expect(moments({ type: "exponential", mean: 3 })).toEqual({ mean: 3, variance: 9 });
    expect(moments({ type: "uniform", min: 2, max: 8 })).toEqual({ mean: 5, variance: 3 });
    expect(moments({ type: "gamma", mean: 10, cv: 0.5 })).toEqual({ mean: 10, variance: 25 });
    const tri = moments({ type: "triangular", min: 0, mode: 0, max: 6 });
    expect(tri.mean).toBeCloseTo(2, 12);
    expect(tri.variance).toBeCloseTo(2, 12); // b²/18
    const emp = moments({ type: "empirical", values: [1, 3], weights: [1, 1] });
    expect(emp).toEqual({ mean: 2, variance: 1 });
  });

  it("deterministic, and lognormal or gamma with cv 0, always return the mean", () => {
    const rng = rngStream(3, "constant", 0);
    for (const spec of [
      { type: "deterministic", value: 12.5 },
      { type: "lognormal", mean: 12.5, cv: 0 },
      { type: "gamma", mean: 12.5, cv: 0 },
      { type: "triangular", min: 12.5, mode: 12.5, max: 12.5 },
    ] as DistributionSpec[]) {
      const dist = sampler(spec);
      for (let k = 0; k < 100; k++) expect(dist.sample(rng)).toBe(12.5);
      expect(moments(spec)).toEqual({ mean: 12.5, variance: 0 });
    }
  });

  it("gamma with a vanishing cv (cv² underflows to 0) returns its mean, like cv 0, not NaN", () => {
    // The schema accepts any cv ≥ 0; only cv === 0 is special-cased, so 1/cv² = Infinity.
    const rng = rngStream(3, "tiny-cv", 0);
    for (const cv of [1e-200, 5e-324]) {
      const x = sampler({ type: "gamma", mean: 5, cv }).sample(rng);
      expect(x, `cv ${cv}`).toBeCloseTo(5, 9);
    }
  });

  it("triangular draws stay within [min, max] up to rounding, and are never negative, even for extreme uniforms", () => {
    // Durations from 0 or 1e-6 to 1e4 minutes (subnormal widths are no durations).
    const value = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e4, noNaN: true }));
    const ordered = fc.tuple(value, value, value).map((t) => t.sort((a, b) => a - b));
    const uniform = fc.oneof(fc.constantFrom(0, 1 - 2 ** -53, 2 ** -53, 0.5), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }));
    fc.assert(
      fc.property(ordered, fc.array(uniform, { minLength: 1, maxLength: 20, size: "max" }), ([min, mode, max], us) => {
        const dist = sampler({ type: "triangular", min, mode, max });
        // With mode ≈ min, x = max − √(…) cancels and may undershoot min by a few ulps of max.
        const slack = 4 * Number.EPSILON * max;
        for (const u of us) {
          const x = dist.sample({ next: () => u });
          expect(x).toBeGreaterThanOrEqual(Math.max(0, min - slack));
          expect(x).toBeLessThanOrEqual(max);
        }
      }),
      { seed: 201, numRuns: 1000 },
    );
  });

  it("empirical frequencies pass a chi-square test and zero-weight values never occur", () => {
    const spec: DistributionSpec = { type: "empirical", values: [1, 2, 3, 4, 5], weights: [5, 0, 1, 3, 0.25] };
    const dist = sampler(spec);
    const rng = rngStream(5, "empirical", 0);
    const n = 100_000;
    const counts = [0, 0, 0, 0, 0];
    for (let k = 0; k < n; k++) counts[dist.sample(rng) - 1]++;
    expect(counts[1]).toBe(0);
    const total = 9.25;
    const positive = [0, 2, 3, 4];
    const observed = positive.map((k) => counts[k]);
    const expected = positive.map((k) => (n * spec.weights[k]) / total);
    // 4 outcomes with positive weight: 3 degrees of freedom, α = 0.001.
    expect(chiSquareStatistic(observed, expected)).toBeLessThan(chiSquareQuantile(0.999, 3));
  });

  it("every sampler but gamma draws a fixed number of uniforms per value", () => {
    const fixed: [DistributionSpec, number][] = [
      [{ type: "exponential", mean: 3 }, 1],
      [{ type: "deterministic", value: 3 }, 0],
      [{ type: "uniform", min: 1, max: 3 }, 1],
      [{ type: "lognormal", mean: 3, cv: 0.7 }, 2],
      [{ type: "triangular", min: 1, mode: 2, max: 9 }, 1],
      [{ type: "empirical", values: [1, 2, 3], weights: [1, 1, 2] }, 1],
    ];
    for (const [spec, perDraw] of fixed) {
      const rng = countingRng(rngStream(9, spec.type, 0));
      const dist = sampler(spec);
      for (let k = 0; k < 1000; k++) dist.sample(rng);
      expect(rng.calls, spec.type).toBe(1000 * perDraw);
    }
  });
});
