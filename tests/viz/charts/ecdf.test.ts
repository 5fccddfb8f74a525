import { describe, expect, test } from "vitest";
import { Histogram } from "../../../sim/metrics/Histogram.js";
import { binEdges, ecdf, ecdfAt, poolHistograms } from "../../../viz/charts/ecdf.js";

const histogram = (values: number[]) => {
  const h = new Histogram();
  values.forEach((v) => h.add(v));
  return h;
};

describe("ecdf", () => {
  test("bin edges tile the line and hold the histogram's quantiles", () => {
    for (let b = 1; b < 2000; b++) expect(binEdges(b)[0]).toBe(binEdges(b - 1)[1]);
    for (const v of [0.001, 0.5, 1, 3.3, 59.9, 60, 1234.5]) {
      const h = histogram([v]).toJSON();
      const [lo, hi] = binEdges(h.bins[0]);
      expect(v).toBeGreaterThanOrEqual(lo);
      expect(v).toBeLessThan(hi);
    }
  });

  test("runs from (min, 0) to (max, 1), rising, exact at the bin edges", () => {
    const values = Array.from({ length: 100 }, (_, k) => (k + 1) * 1.7);
    const points = ecdf(histogram(values).toJSON());
    expect(points[0]).toEqual({ x: 1.7, p: 0 });
    expect(points[points.length - 1]).toEqual({ x: 170, p: 1 });
    for (let k = 1; k < points.length; k++) {
      expect(points[k].x).toBeGreaterThanOrEqual(points[k - 1].x);
      expect(points[k].p).toBeGreaterThan(points[k - 1].p);
      if (k < points.length - 1) expect(points[k].p).toBe(values.filter((v) => v < points[k].x).length / values.length);
    }
    expect(ecdf(new Histogram().toJSON())).toEqual([]);
  });

  test("pools replications by adding their histograms; ecdfAt reads one at given bins", () => {
    const a = histogram([1, 2, 3]).toJSON();
    const b = histogram([4, 5]).toJSON();
    const pooled = poolHistograms([a, b]).toJSON();
    expect(pooled.n).toBe(5);
    expect(pooled.min).toBe(1);
    expect(pooled.max).toBe(5);
    expect(ecdfAt(a, pooled.bins)).toEqual([1 / 3, 2 / 3, 1, 1, 1]);
    expect(ecdfAt(b, pooled.bins)).toEqual([0, 0, 0, 0.5, 1]);
    expect(ecdfAt(new Histogram().toJSON(), pooled.bins)).toBeNull();
  });
});
