import { describe, expect, test } from "vitest";
import { displayUnit, fitText, formatEstimate, withoutSharedLeadIn, formatNumber, formatRounded, replicationsPhrase, truncate } from "../../../viz/charts/format.js";

describe("format", () => {
  test("formatNumber: grouped whole numbers from 1,000, four significant digits below, 'no data' otherwise", () => {
    expect(formatNumber(1234567.8)).toBe("1,234,568");
    expect(formatNumber(12.3456)).toBe("12.35");
    expect(formatNumber(0.70743)).toBe("0.7074");
    expect(formatNumber(-2)).toBe("−2");
    expect(formatNumber(0)).toBe("0");
    expect([null, undefined, NaN, Infinity].map(formatNumber)).toEqual(["no data", "no data", "no data", "no data"]);
  });

  test("formatRounded: two significant digits of the scale, SI suffix from 10,000", () => {
    expect(formatRounded(12.3)).toBe("12");
    expect(formatRounded(1.23)).toBe("1.2");
    expect(formatRounded(0.0123)).toBe("0.012");
    expect(formatRounded(0.5, 3)).toBe("0.5");
    expect(formatRounded(-2, 3)).toBe("−2.0");
    expect(formatRounded(868522)).toBe("869k");
    expect(formatRounded(0)).toBe("0");
  });

  test("formatEstimate", () => {
    expect(formatEstimate(-32.1, [-48.2, -16])).toBe("−32 (−48 to −16)");
    expect(formatEstimate(51.2, [41, 61.4], "%")).toBe("51% (41 to 61)");
    expect(formatEstimate(3, null)).toBe("3.0 (no interval)");
    expect(formatEstimate(null, null)).toBe("no data");
    // More digits where two significant ones would merge the bounds or put a bound excluding zero at zero.
    expect(formatEstimate(19.925, [19.92, 19.93])).toBe("19.93 (19.92 to 19.93)");
    expect(formatEstimate(-10.02, [-10.3, -9.8])).toBe("−10.0 (−10.3 to −9.8)");
    expect(formatEstimate(0.7, [0.02, 1.5])).toBe("0.70 (0.02 to 1.50)");
    expect(formatEstimate(-0.7, [-1.5, -0.02])).toBe("−0.70 (−1.50 to −0.02)");
    // An interval that includes zero, or a point, keeps two digits.
    expect(formatEstimate(0.7, [-0.1, 1.5])).toBe("0.7 (−0.1 to 1.5)");
    expect(formatEstimate(5, [5, 5])).toBe("5.0 (5.0 to 5.0)");
    // Large figures: finer SI steps.
    expect(formatEstimate(7.87e6, [7.861e6, 7.875e6])).toBe("7.87M (7.86M to 7.88M)");
    expect(formatEstimate(7.8725e6, [7.8712e6, 7.8738e6])).toBe("7.873M (7.871M to 7.874M)");
  });

  test("fitText cuts by estimated width: Chinese and wide letters sooner than narrow ones, never below one character", () => {
    expect(fitText("Baseline", 120)).toBe("Baseline");
    // 120 px at 12 px is 10 em: ten full-width characters, or nine and the ellipsis.
    expect(fitText("网格员加倍网格员加倍", 120)).toBe("网格员加倍网格员加倍");
    expect(fitText("网格员加倍网格员加倍网", 120)).toBe("网格员加倍网格员加…");
    expect(Array.from(fitText("W".repeat(40), 120)).length).toBeLessThan(Array.from(fitText("i".repeat(40), 120)).length);
    expect(fitText("网格员", 1)).toBe("网…");
    // Whatever the text, what is kept (with its ellipsis) is estimated to fit.
    for (const text of ["Smaller-grids-" + "W".repeat(80), "更小的网格 (smaller grids) — 街道".repeat(3), "x".repeat(500)]) {
      const fitted = fitText(text, 200);
      expect(fitted.length).toBeLessThan(text.length);
      expect(fitted.endsWith("…")).toBe(true);
    }
  });

  test("withoutSharedLeadIn drops the lead-in all names share up to a separator, and nothing else", () => {
    expect(withoutSharedLeadIn(["Reform: platform operation", "Reform: all five aspects"])).toEqual(["platform operation", "all five aspects"]);
    expect(withoutSharedLeadIn(["District J — reform A", "District J — reform B"])).toEqual(["reform A", "reform B"]);
    // A shared start that is not a lead-in ("Ref…"), one name, or a name that is only the lead-in: unchanged.
    expect(withoutSharedLeadIn(["Reform A", "Reform B"])).toEqual(["Reform A", "Reform B"]);
    expect(withoutSharedLeadIn(["Reform: A"])).toEqual(["Reform: A"]);
    expect(withoutSharedLeadIn(["Reform: ", "Reform: B"])).toEqual(["Reform: ", "Reform: B"]);
    expect(withoutSharedLeadIn(["a: x: 1", "a: x: 2", "a: y"])).toEqual(["x: 1", "x: 2", "y"]);
  });

  test("replicationsPhrase, truncate and display units", () => {
    expect(replicationsPhrase([10, 10])).toBe("10 replications per scenario");
    expect(replicationsPhrase([1])).toBe("1 replication per scenario");
    expect(replicationsPhrase([3, 10], false)).toBe("3 to 10 replications");
    expect(truncate("Reform: talent team", 8)).toBe("Reform:…");
    expect(truncate("短名", 8)).toBe("短名");
    expect(displayUnit("share")).toEqual({ factor: 100, suffix: "percentage points", axis: "percentage points" });
    expect(displayUnit("min").axis).toBe("minutes");
  });
});
