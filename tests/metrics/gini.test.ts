import { describe, expect, it } from "vitest";
import { gini } from "../../sim/metrics/gini.js";

describe("gini", () => {
  it("is 0 for equal workloads and for no work at all", () => {
    expect(gini([5, 5, 5, 5])).toBeCloseTo(0, 12);
    expect(gini([0, 0, 0])).toBe(0);
    expect(gini([])).toBe(0);
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
