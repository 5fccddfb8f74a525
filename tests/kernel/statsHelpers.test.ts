import { describe, expect, it } from "vitest";
import { chiSquareQuantile, gammaP, ksCritical, normalCdf } from "../support/stats.js";

// The statistical tests lean on these helpers; check them against reference values
// (scipy.special.gammainc, scipy.stats.chi2.ppf, scipy.stats.norm.cdf).
describe("test statistics helpers", () => {
  it("regularised incomplete gamma matches reference values", () => {
    expect(gammaP(0.25, 0.1)).toBeCloseTo(0.608338845728966, 10);
    expect(gammaP(2.5, 3.0)).toBeCloseTo(0.6937810815867212, 10);
    expect(gammaP(10, 4)).toBeCloseTo(0.008132242796933871, 12);
    expect(gammaP(0.5, 20)).toBeCloseTo(0.9999999997460371, 12);
  });

  it("chi-square critical values at α = 0.001 match published tables", () => {
    const table: [number, number][] = [
      [2, 13.815510557964274],
      [5, 20.515005652432873],
      [9, 27.877164871256568],
      [167, 229.21461647327854],
      [199, 266.38589537626206],
    ];
    for (const [df, x] of table) expect(chiSquareQuantile(0.999, df)).toBeCloseTo(x, 6);
  });

  it("normal CDF matches reference values to 1e-7", () => {
    expect(Math.abs(normalCdf(-1.5) - 0.06680720126885807)).toBeLessThan(1e-7);
    expect(Math.abs(normalCdf(2.2) - 0.9860965524865014)).toBeLessThan(1e-7);
    expect(Math.abs(normalCdf(0) - 0.5)).toBeLessThan(1e-7);
  });

  it("KS critical value at α = 0.001 is 1.9495/√n", () => {
    expect(ksCritical(10000)).toBeCloseTo(0.019495, 5);
  });
});
