import { describe, expect, test } from "vitest";
import type { MeasureComparison } from "../../../sim/experiments/compareRuns.js";
import { pairedDifference } from "../../../sim/metrics/pairedDifference.js";
import { describeDifference } from "../../../viz/charts/describeDifference.js";

function comparison(mean: number | null, ci95: [number, number] | null, { unit = "min", label = "mean response time", n = 10 } = {}): MeasureComparison {
  const significant = ci95 !== null && (ci95[0] > 0 || ci95[1] < 0);
  return { measure: "responseTime.mean", unit, label, baseline: 60, value: mean === null ? null : 60 + mean, difference: { n, mean, ci95, significant }, independentHalfWidth: null, narrowing: null };
}

describe("describeDifference", () => {
  test("an interval below zero is a cut, with the interval as positive amounts", () => {
    expect(describeDifference("Baseline", "Reform B", comparison(-12.3, [-15.2, -9.1]))).toBe(
      "Reform B cuts mean response time by 12 min (95% CI 9–15) compared with Baseline.",
    );
  });

  test("an interval above zero is a rise", () => {
    expect(describeDifference("Baseline", "Reform B", comparison(12.3, [9.1, 15.2]))).toBe(
      "Reform B raises mean response time by 12 min (95% CI 9–15) compared with Baseline.",
    );
  });

  test("an interval including zero makes no clear difference, whatever the estimate", () => {
    expect(describeDifference("Baseline", "Reform B", comparison(0.5, [-2, 3]))).toBe(
      "Reform B makes no clear difference to mean response time (95% CI −2.0 to 3.0 min) compared with Baseline.",
    );
    expect(describeDifference("Baseline", "Reform B", comparison(-40, [-152, 72]))).toMatch(/makes no clear difference .*\(95% CI −152 to 72 min\)/);
  });

  test("a single replication gives the estimate and says an interval needs at least 2", () => {
    const text = describeDifference("Baseline", "Reform B", comparison(4.2, null, { n: 1 }));
    expect(text).toBe("Reform B raises mean response time by 4.2 min compared with Baseline in its only paired replication; it needs at least 2 replications to give an interval.");
    expect(describeDifference("Baseline", "Reform B", comparison(-4.2, null, { n: 1 }))).toMatch(/^Reform B cuts mean response time by 4\.2 min .*needs at least 2 replications/);
  });

  test("no paired replication: nothing to compare", () => {
    expect(describeDifference("Baseline", "Reform B", comparison(null, null, { n: 0 }))).toMatch(/no difference to report/);
  });

  test("identical replications: unchanged", () => {
    const d = pairedDifference([1, 2, 3], [1, 2, 3]);
    expect(describeDifference("Baseline", "Copy", { ...comparison(0, [0, 0]), difference: d })).toBe("Copy leaves mean response time unchanged compared with Baseline in all 3 paired replications.");
  });

  test("shares are told in percentage points, other units as they are", () => {
    expect(describeDifference("Baseline", "Reform B", comparison(0.052, [0.031, 0.07], { unit: "share", label: "share closed within time limit" }))).toBe(
      "Reform B raises share closed within time limit by 5.2 percentage points (95% CI 3.1–7.0) compared with Baseline.",
    );
    expect(describeDifference("Baseline", "Reform B", comparison(868522, [861483, 875561], { unit: "CNY", label: "staff cost per year" }))).toBe(
      "Reform B raises staff cost per year by 869k CNY (95% CI 861k–876k) compared with Baseline.",
    );
  });

  test("names are used as given", () => {
    expect(describeDifference("<b>A</b>", "<img src=x>", comparison(-12.3, [-15.2, -9.1]))).toMatch(/^<img src=x> cuts .* compared with <b>A<\/b>\.$/);
  });

  test("a clear difference never shows a bound at zero, and different bounds never read as one", () => {
    const share = { unit: "share", label: "share closed within time limit" };
    expect(describeDifference("Baseline", "Reform B", comparison(-0.007, [-0.015, -0.0002], share))).toBe(
      "Reform B cuts share closed within time limit by 0.70 percentage points (95% CI 0.02–1.50) compared with Baseline.",
    );
    expect(describeDifference("Baseline", "Reform B", comparison(-0.1002, [-0.1004, -0.1], share))).toMatch(/by 10\.02 percentage points \(95% CI 10\.00–10\.04\)/);
  });

  test("gives a change of two hours or more in hours too, and a shorter one in minutes only", () => {
    expect(describeDifference("Baseline", "Reform B", comparison(-466, [-483, -449]))).toBe(
      "Reform B cuts mean response time by 466 min, about 7.8 hours (95% CI 449–483) compared with Baseline.",
    );
    expect(describeDifference("Baseline", "Reform B", comparison(1447, [1384, 1510]))).toMatch(/raises mean response time by 1,447 min, about 24 hours \(95% CI/);
    expect(describeDifference("Baseline", "Reform B", comparison(-119, [-130, -108]))).toMatch(/by 119 min \(95% CI/);
    expect(describeDifference("Baseline", "Reform B", comparison(-300, null, { n: 1 }))).toMatch(/by 300 min, about 5\.0 hours compared with Baseline in its only paired replication/);
  });
});
