import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Histogram } from "../../../sim/metrics/Histogram.js";
import { binEdges, ecdf, ecdfEnvelope, poolHistograms } from "../../../viz/charts/ecdf.js";

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

  test("pools replications by adding their histograms; the envelope holds the lowest and highest replication's curve", () => {
    const a = histogram([1, 2, 3]).toJSON();
    const b = histogram([4, 5]).toJSON();
    const empty = new Histogram().toJSON();
    const pooled = poolHistograms([a, b]).toJSON();
    expect(pooled.n).toBe(5);
    expect(pooled.min).toBe(1);
    expect(pooled.max).toBe(5);
    // a's curve at the pooled bins is 1/3, 2/3, 1, 1, 1; b's is 0, 0, 0, 1/2, 1; an empty one counts for nothing.
    const envelope = ecdfEnvelope([a, empty, b], pooled.bins)!;
    expect([...envelope.lo]).toEqual([0, 0, 0, 0.5, 1]);
    expect([...envelope.hi]).toEqual([1 / 3, 2 / 3, 1, 1, 1]);
    expect(ecdfEnvelope([empty], pooled.bins)).toBeNull();
  });

  test("the envelope is the least and greatest share of each replication's values below every edge", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: 0.01, max: 5000, noNaN: true }), { maxLength: 40 }), { minLength: 1, maxLength: 6 }), (samples) => {
        const hists = samples.map((values) => histogram(values).toJSON());
        const pooled = poolHistograms(hists).toJSON();
        const envelope = ecdfEnvelope(hists, pooled.bins);
        const filled = hists.filter((h) => h.n > 0);
        if (filled.length === 0) {
          expect(envelope).toBeNull();
          return;
        }
        pooled.bins.forEach((edge, j) => {
          const shares = filled.map((h) => h.bins.reduce((sum, b, k) => sum + (b <= edge ? h.counts[k] : 0), 0) / h.n);
          expect(envelope!.lo[j]).toBe(Math.min(...shares));
          expect(envelope!.hi[j]).toBe(Math.max(...shares));
        });
      }),
      { seed: 77, numRuns: 200 },
    );
  });
});
