import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { factorialPoints, latinHypercubePoints } from "../../sim/experiments/sweepPoints.js";

describe("sweep points", () => {
  it("a full factorial has every combination once, first lever slowest", () => {
    const points = factorialPoints([
      { path: "a", values: [1, 2] },
      { path: "b", values: ["x", "y", "z"] },
    ]);
    expect(points).toEqual([
      { a: 1, b: "x" }, { a: 1, b: "y" }, { a: 1, b: "z" },
      { a: 2, b: "x" }, { a: 2, b: "y" }, { a: 2, b: "z" },
    ]);
  });

  it("Latin hypercube samples use each of the n strata of every lever exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const levers = [{ path: "a", min: 0, max: 10 }, { path: "b", min: -1, max: 1 }];
        const points = latinHypercubePoints(levers, n, seed);
        expect(points).toHaveLength(n);
        for (const l of levers) {
          const strata = points.map((p) => Math.floor((((p[l.path] as number) - l.min) / (l.max - l.min)) * n));
          expect(new Set(strata).size).toBe(n);
          for (const s of strata) expect(s >= 0 && s < n).toBe(true);
        }
        expect(latinHypercubePoints(levers, n, seed)).toEqual(points);
      }),
    );
  });
});
