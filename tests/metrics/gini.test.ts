import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gini } from "../../sim/metrics/gini.js";

describe("gini", () => {
  it("is 0 for equal workloads and for no work at all", () => {
    expect(gini([5, 5, 5, 5])).toBeCloseTo(0, 12);
    expect(gini([0, 0, 0])).toBe(0);
    expect(gini([])).toBe(0);
    // Equal fractional workloads whose sums round: never a negative inequality.
    expect(gini([7.7, 7.7, 7.7, 7.7, 7.7, 7.7, 7.7])).toBe(0);
    expect(gini(new Array(270).fill(0.1))).toBe(0);
  });

  it("lies in [0, 1) for any non-negative workloads", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 300 }), (xs) => {
        const g = gini(xs);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(1);
      }),
    );
  });

  it("is (n − 1)/n when one worker does everything", () => {
    expect(gini([0, 0, 0, 8])).toBeCloseTo(3 / 4, 12);
  });

  it("matches the mean-absolute-difference definition", () => {
    const xs = [1, 3, 3, 7, 10, 2];
    let sum = 0;
    for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    expect(gini(xs)).toBeCloseTo(sum / (2 * xs.length * xs.length * mean), 12);
  });
});
