import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cosTurns, exp, log, pow } from "../../sim/kernel/detMath.js";

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const buf = new Float64Array([a, b]);
  const ints = new BigInt64Array(buf.buffer);
  const d = ints[0] - ints[1];
  return Number(d < 0n ? -d : d);
}

const positive = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });

describe("engine-independent log, exp, cos and pow", () => {
  it("log is within one unit in the last place of Math.log over all positive doubles", () => {
    fc.assert(fc.property(positive, (x) => ulps(log(x), Math.log(x)) <= 1), { numRuns: 20000 });
  });

  it("log of uniform draws (1 − u, the exponential draw) is within one ulp", () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => ulps(log(1 - u), Math.log(1 - u)) <= 1), { numRuns: 20000 });
  });

  it("log is within one ulp next to powers of two, where it takes its separate short-argument path", () => {
    for (let k = -1070; k <= 1023; k++) {
      for (const m of [1, 1 + 2 ** -40, 1 + 2 ** -21, 1 - 2 ** -40, 1 - 2 ** -22, 1 + 2 ** -19]) {
        const x = 2 ** k * m;
        if (x > 0 && x < Infinity) expect(ulps(log(x), Math.log(x))).toBeLessThanOrEqual(1);
      }
    }
  });

  it("log handles 0, 1, negative numbers, infinity and NaN as Math.log does", () => {
    for (const x of [0, -0, 1, -1, Infinity, -Infinity, NaN, Number.MIN_VALUE, 2 ** -1060]) expect(log(x)).toBe(Math.log(x));
  });

  it("exp is within one ulp of Math.exp where it is finite, and matches its limits", () => {
    fc.assert(fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => ulps(exp(x), Math.exp(x)) <= 1), { numRuns: 20000 });
    for (const x of [0, -0, 1e-300, 710, -746, Infinity, -Infinity, NaN]) expect(exp(x)).toBe(Math.exp(x));
  });

  it("cosTurns(u) is cos(2πu) within the rounding of 2πu, with the exact values at quarter turns", () => {
    // Math.cos(2 * Math.PI * u) itself rounds its argument (by up to half an ulp of 2πu ≤ 4.4e-16),
    // and cosTurns rounds 2π·r for the reduced r (≤ 2.2e-16); both kernels add ≤ 1.1e-16 each.
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (u) => Math.abs(cosTurns(u) - Math.cos(2 * Math.PI * u)) <= 9e-16), { numRuns: 20000 });
    expect([0, 0.25, 0.5, 0.75, 1].map(cosTurns)).toEqual([1, 0, -1, 0, 1]);
  });

  it("pow is within a few ulps of Math.pow for the engine's uses (probabilities and draws raised to moderate powers)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), (x, y) => {
        // e^(y·ln x) inherits the rounding of y·ln x as a relative error: |y ln x|·2^-52, plus a few ulps.
        const t = Math.abs(y * Math.log(x));
        return Math.abs(pow(x, y) / Math.pow(x, y) - 1) <= (4 + 2 * t) * Number.EPSILON;
      }),
      { numRuns: 20000 },
    );
    expect([pow(0, 2), pow(1, 5), pow(3, 0), pow(-1, 0.5)]).toEqual([0, 1, 1, NaN]);
  });
});
