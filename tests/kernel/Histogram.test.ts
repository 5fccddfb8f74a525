import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Histogram } from "../../sim/metrics/Histogram.js";

const LOW = 2 ** Histogram.MIN_EXP;
const HIGH = 2 ** Histogram.MAX_EXP;

/** Values in the histogram's documented range [2^-10, 2^24); fc.double spreads them over every binade. */
const inRange = fc.double({ min: LOW, max: HIGH, maxExcluded: true, noNaN: true });
const sample = fc.array(inRange, { minLength: 1, maxLength: 400, size: "max" });
const q = fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.95, 0.99, 1), fc.double({ min: 0, max: 1, noNaN: true }));

/** The exact nearest-rank q-quantile of a sample. */
function exactQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

function histogramOf(values: number[]): Histogram {
  const h = new Histogram();
  for (const v of values) h.add(v);
  return h;
}

/** The documented bin of a value: 0 below 2^-10, else its IEEE 754 exponent and top seven mantissa bits (capped at the last bin). */
function documentedBin(v: number): number {
  if (!(v >= LOW)) return 0;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const hi = view.getUint32(0);
  const e = ((hi >>> 20) & 0x7ff) - 1023;
  if (e >= Histogram.MAX_EXP) return Histogram.BINS - 1;
  return 1 + (e - Histogram.MIN_EXP) * Histogram.SUB + ((hi >>> 13) & 0x7f);
}

describe("Histogram", () => {
  it("puts every value in the bin named by its exponent and top seven mantissa bits", () => {
    const anyValue = fc.oneof(
      fc.double({ min: 0, max: 2 ** 30, noNaN: true }),
      fc.double({ min: 0, max: 2 * LOW, noNaN: true }),
      // Both sides of the powers of two, where the binade changes.
      fc.integer({ min: -12, max: 26 }).chain((e) => fc.constantFrom(2 ** e, 2 ** e * (1 - 2 ** -53), 2 ** e * (1 + 2 ** -52))),
    );
    fc.assert(
      fc.property(anyValue, (v) => {
        const h = new Histogram();
        h.add(v);
        expect(h.toJSON().bins).toEqual([documentedBin(v)]);
      }),
      { seed: 500, numRuns: 3000 },
    );
  });

  it("quantiles are within 0.4 % of the exact sorted-sample quantile", () => {
    fc.assert(
      fc.property(sample, fc.array(q, { minLength: 1, maxLength: 5 }), (values, qs) => {
        const h = histogramOf(values);
        for (const p of qs) {
          const exact = exactQuantile(values, p);
          expect(Math.abs(h.quantile(p) - exact)).toBeLessThanOrEqual(0.004 * exact);
        }
      }),
      { seed: 501, numRuns: 400 },
    );
  });

  it("values below 2^-10 (including 0) are placed within 2^-10 of their exact quantile", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 4 * LOW, noNaN: true }), { minLength: 1, maxLength: 100, size: "max" }), q, (values, p) => {
        const h = histogramOf(values);
        expect(Math.abs(h.quantile(p) - exactQuantile(values, p))).toBeLessThan(LOW);
      }),
      { seed: 502, numRuns: 200 },
    );
  });

  it("tracks n, min and max exactly and an empty histogram has no quantile", () => {
    const h = new Histogram();
    expect(h.quantile(0.5)).toBeNaN();
    for (const v of [3, 0.25, 1e6, 17]) h.add(v);
    expect([h.n, h.min, h.max]).toEqual([4, 0.25, 1e6]);
    expect(Math.abs(h.quantile(1) - 1e6)).toBeLessThanOrEqual(0.004 * 1e6);
    expect(Math.abs(h.quantile(0) - 0.25)).toBeLessThanOrEqual(0.004 * 0.25);
    expect(Math.abs(h.quantile(0.5) - 3)).toBeLessThanOrEqual(0.004 * 3);
  });

  it("merging equals adding all values to one histogram", () => {
    fc.assert(
      fc.property(fc.array(inRange, { maxLength: 200, size: "max" }), fc.array(inRange, { maxLength: 200, size: "max" }), q, (a, b, p) => {
        const merged = histogramOf(a);
        merged.merge(histogramOf(b));
        const all = histogramOf([...a, ...b]);
        expect(Array.from(merged.counts)).toEqual(Array.from(all.counts));
        expect([merged.n, merged.min, merged.max]).toEqual([all.n, all.min, all.max]);
        expect(merged.quantile(p)).toBe(all.quantile(p));
        expect(merged.toJSON()).toEqual(all.toJSON());
      }),
      { seed: 503, numRuns: 200 },
    );
  });

  it("toJSON / fromJSON round-trips through JSON text", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(inRange, fc.constant(0)), { maxLength: 300, size: "max" }), (values) => {
        const h = histogramOf(values);
        const back = Histogram.fromJSON(JSON.parse(JSON.stringify(h.toJSON())));
        expect(Array.from(back.counts)).toEqual(Array.from(h.counts));
        expect([back.n, back.min, back.max]).toEqual([h.n, h.min, h.max]);
        expect(back.toJSON()).toEqual(h.toJSON());
        for (const p of [0, 0.5, 0.9, 1]) expect(Object.is(back.quantile(p), h.quantile(p))).toBe(true);
      }),
      { seed: 504, numRuns: 200 },
    );
  });

  it("the sparse form lists only non-empty bins, in increasing order", () => {
    const h = histogramOf([5, 5, 5, 1000, 0.001]);
    const json = h.toJSON();
    expect(json.n).toBe(5);
    expect(json.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(json.counts).toEqual([1, 3, 1]);
    expect([...json.bins].sort((a, b) => a - b)).toEqual(json.bins);
    expect(new Histogram().toJSON()).toEqual({ n: 0, min: null, max: null, bins: [], counts: [] });
  });
});

describe("pooling histograms from their plain-data form", () => {
  it("mergeJSON gives exactly what merge(fromJSON(…)) gives, empty histograms included", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 40 }), { maxLength: 6 }), (groups) => {
        const parts = groups.map((values) => {
          const h = new Histogram();
          for (const v of values) h.add(v);
          return h.toJSON();
        });
        const a = new Histogram();
        const b = new Histogram();
        for (const p of parts) {
          a.mergeJSON(p);
          b.merge(Histogram.fromJSON(p));
        }
        expect(a.n).toBe(b.n);
        expect(a.min).toBe(b.min);
        expect(a.max).toBe(b.max);
        expect(Array.from(a.counts)).toEqual(Array.from(b.counts));
      }),
      { numRuns: 200 },
    );
  });
});
