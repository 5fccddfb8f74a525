import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aliasTable } from "../../sim/kernel/aliasTable.js";
import { rngStream } from "../../sim/kernel/rngStream.js";
import { chiSquareQuantile, chiSquareStatistic } from "../support/stats.js";

/**
 * The probability of each outcome, measured by sweeping the uniform over a lattice of
 * n·K midpoints. Each of the n columns of the table splits at prob[j], so the lattice
 * misplaces at most 1/(2K) of a column's mass 1/n; an outcome appears in at most n
 * columns, so every estimate is within 1/(2K) of the exact probability.
 */
function sweptProbabilities(weights: number[], K: number): Float64Array {
  const table = aliasTable(weights);
  const n = weights.length;
  const M = n * K;
  const p = new Float64Array(n);
  let k = 0;
  const lattice = { next: () => (k + 0.5) / M };
  for (k = 0; k < M; k++) p[table.sample(lattice)] += 1 / M;
  return p;
}

describe("aliasTable", () => {
  it("any weights are sampled exactly in proportion (lattice sweep, error ≤ 1/(2K))", () => {
    const K = 2000;
    const weightArb = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(
        fc.array(weightArb, { minLength: 1, maxLength: 12, size: "max" }).filter((w) => w.some((x) => x > 0)),
        (weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const p = sweptProbabilities(weights, K);
          weights.forEach((w, i) => {
            if (w === 0) expect(p[i]).toBe(0);
            else expect(Math.abs(p[i] - w / total)).toBeLessThanOrEqual(1 / (2 * K) + 1e-12);
          });
        },
      ),
      { seed: 301, numRuns: 150 },
    );
  });

  it("frequencies from a random stream pass a chi-square test, and zero weights never occur", () => {
    const weights = [0, 1, 2, 3, 0, 10, 0.5];
    const table = aliasTable(weights);
    expect(table.size).toBe(7);
    const rng = rngStream(17, "alias", 0);
    const n = 200_000;
    const counts = new Array(weights.length).fill(0);
    for (let k = 0; k < n; k++) counts[table.sample(rng)]++;
    expect(counts[0]).toBe(0);
    expect(counts[4]).toBe(0);
    const positive = [1, 2, 3, 5, 6];
    const total = 16.5;
    // 5 outcomes with positive weight: 4 degrees of freedom, α = 0.001.
    expect(
      chiSquareStatistic(
        positive.map((i) => counts[i]),
        positive.map((i) => (n * weights[i]) / total),
      ),
    ).toBeLessThan(chiSquareQuantile(0.999, 4));
  });

  it("a single outcome is always drawn", () => {
    const table = aliasTable([3]);
    const rng = rngStream(1, "single", 0);
    for (let k = 0; k < 100; k++) expect(table.sample(rng)).toBe(0);
  });

  it("rejects negative, non-finite or all-zero weights", () => {
    expect(() => aliasTable([1, -1])).toThrow();
    expect(() => aliasTable([1, NaN])).toThrow();
    expect(() => aliasTable([1, Infinity])).toThrow();
    expect(() => aliasTable([0, 0])).toThrow();
    expect(() => aliasTable([])).toThrow();
  });
});
