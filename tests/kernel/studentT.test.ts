import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanInterval, tQuantile975 } from "../../sim/metrics/studentT.js";

// t_{0.975}(df) from scipy.stats.t.ppf(0.975, df).
const REFERENCE: [number, number][] = [
  [1, 12.7062],
  [2, 4.30265],
  [5, 2.57058],
  [10, 2.22814],
  [30, 2.04227],
  [31, 2.03951],
  [35, 2.03011],
  [40, 2.02108],
  [50, 2.00856],
  [60, 2.0003],
  [80, 1.99006],
  [100, 1.98397],
  [120, 1.97993],
  [1000, 1.96234],
  [100000, 1.95999],
];

describe("studentT", () => {
  it("t quantiles match reference values within the documented 0.001", () => {
    for (const [df, t] of REFERENCE) expect(Math.abs(tQuantile975(df) - t), `df ${df}`).toBeLessThan(0.001);
  });

  it("t quantiles decrease with the degrees of freedom towards 1.96", () => {
    let last = Infinity;
    for (let df = 1; df <= 500; df++) {
      const t = tQuantile975(df);
      expect(t).toBeLessThan(last);
      expect(t).toBeGreaterThan(1.959964);
      last = t;
    }
  });

  it("fewer than one degree of freedom has no quantile", () => {
    expect(tQuantile975(0)).toBeNaN();
    expect(tQuantile975(NaN)).toBeNaN();
  });

  it("meanInterval gives the textbook t-interval", () => {
    const r = meanInterval([1, 2, 3, 4, 5]);
    // sd = √2.5, half-width = 2.776 · √2.5 / √5
    const half = (2.776 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(r.n).toBe(5);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(r.ci95[0]).toBeCloseTo(3 - half, 12);
    expect(r.ci95[1]).toBeCloseTo(3 + half, 12);
    const one = meanInterval([7]);
    expect(one.mean).toBe(7);
    expect(one.sd).toBeNaN();
    expect(one.ci95[0]).toBeNaN();
    expect(meanInterval([]).mean).toBeNaN();
  });

  it("an interval cut at the range a quantity can take stays in it and keeps what the uncut one held there", () => {
    // Shares near 0: the uncut t-interval reaches below 0.
    const shares = [0, 0, 0.01, 0.2];
    const uncut = meanInterval(shares);
    expect(uncut.ci95[0]).toBeLessThan(0);
    const cut = meanInterval(shares, 0, 1);
    expect(cut.ci95).toEqual([0, uncut.ci95[1]]);
    expect(cut.mean).toBe(uncut.mean);
    expect(cut.sd).toBe(uncut.sd);

    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 }), (values) => {
        const u = meanInterval(values).ci95;
        const [lo, hi] = meanInterval(values, 0, 1).ci95;
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBe(Math.max(0, u[0]));
        expect(hi).toBe(Math.min(1, u[1]));
      }),
    );
  });
});
