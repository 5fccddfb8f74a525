import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MINUTES_PER_WEEK, PoissonProcess } from "../../sim/kernel/PoissonProcess.js";
import { rngStream } from "../../sim/kernel/rngStream.js";
import { DEFAULT_DAY_OF_WEEK, DEFAULT_HOUR_OF_DAY } from "../../sim/scenario/scenarioSchema.js";
import { chiSquareQuantile, chiSquareStatistic } from "../support/stats.js";

/** Arrivals of `p` in [0, horizon), counted by hour of the week. */
function countByHourOfWeek(p: PoissonProcess, horizon: number, seed: string) {
  const rng = rngStream(seed, "poisson", 0);
  const counts = new Float64Array(168);
  let n = 0;
  for (let t = p.next(0, rng); t < horizon; t = p.next(t, rng)) {
    counts[Math.floor(t / 60) % 168]++;
    n++;
  }
  return { counts, n };
}

describe("PoissonProcess", () => {
  it("the rate is meanRate × hourOfDay × dayOfWeek, normalised so its weekly mean is meanRate", () => {
    const p = new PoissonProcess(0.3, DEFAULT_HOUR_OF_DAY, DEFAULT_DAY_OF_WEEK);
    let sum = 0;
    let weight = 0;
    for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) weight += DEFAULT_HOUR_OF_DAY[h] * DEFAULT_DAY_OF_WEEK[d];
    for (let k = 0; k < 168; k++) {
      const r = p.rateAt(k * 60 + 30);
      const m = DEFAULT_HOUR_OF_DAY[k % 24] * DEFAULT_DAY_OF_WEEK[Math.floor(k / 24)];
      expect(r).toBeCloseTo((0.3 * m * 168) / weight, 12);
      expect(p.rateAt(k * 60 + 30 + 3 * MINUTES_PER_WEEK)).toBe(r); // weekly period
      sum += r;
    }
    expect(sum / 168).toBeCloseTo(0.3, 12);
  });

  it("arrival counts per hour of the week match the profile (chi-square, 168 df, α = 0.001)", () => {
    const weeks = 20;
    const p = new PoissonProcess(1, DEFAULT_HOUR_OF_DAY, DEFAULT_DAY_OF_WEEK);
    const { counts } = countByHourOfWeek(p, weeks * MINUTES_PER_WEEK, "profile");
    // Counts in disjoint hours are independent Poisson with mean rate × 60 × weeks.
    const expected = Array.from({ length: 168 }, (_, k) => p.rateAt(k * 60) * 60 * weeks);
    expect(chiSquareStatistic(counts, expected)).toBeLessThan(chiSquareQuantile(0.999, 168));
  });

  it("the total number of arrivals has mean meanRate × T (within 4 √(λT))", () => {
    const weeks = 10;
    const rate = 0.75;
    const p = new PoissonProcess(rate, DEFAULT_HOUR_OF_DAY, DEFAULT_DAY_OF_WEEK);
    const { n } = countByHourOfWeek(p, weeks * MINUTES_PER_WEEK, "total");
    const mu = rate * weeks * MINUTES_PER_WEEK;
    expect(Math.abs(n - mu)).toBeLessThan(4 * Math.sqrt(mu));
  });

  it("counts in disjoint hours are Poisson-dispersed (index of dispersion within 4 standard errors)", () => {
    const p = new PoissonProcess(0.2);
    const hours = 2000;
    const rng = rngStream("dispersion", "poisson", 0);
    const counts = new Float64Array(hours);
    for (let t = p.next(0, rng); t < hours * 60; t = p.next(t, rng)) counts[Math.floor(t / 60)]++;
    const lambda = 0.2 * 60;
    // For X ~ Poisson(λ), (X − λ)²/λ has mean 1 and variance 2 + 1/λ; over n independent
    // hours D = Σ (X − λ)²/λ is ≈ normal with mean n and variance n (2 + 1/λ).
    // Over-dispersion (clumped arrivals) or under-dispersion (too regular) moves D away from n.
    const d = chiSquareStatistic(counts, new Float64Array(hours).fill(lambda));
    expect(Math.abs(d - hours)).toBeLessThan(4 * Math.sqrt(hours * (2 + 1 / lambda)));
  });

  it("hours with a zero multiplier get no arrivals, the others still follow the profile", () => {
    const hourOfDay = DEFAULT_HOUR_OF_DAY.map((m, h) => (h < 6 ? 0 : m));
    const dayOfWeek = [1, 1, 1, 1, 1, 0, 2];
    const p = new PoissonProcess(0.5, hourOfDay, dayOfWeek);
    const weeks = 20;
    const { counts } = countByHourOfWeek(p, weeks * MINUTES_PER_WEEK, "zeros");
    const expected = Array.from({ length: 168 }, (_, k) => p.rateAt(k * 60) * 60 * weeks);
    let positive = 0;
    for (let k = 0; k < 168; k++) {
      if (expected[k] === 0) expect(counts[k]).toBe(0);
      else positive++;
    }
    expect(positive).toBe(6 * 18);
    expect(chiSquareStatistic(counts, expected)).toBeLessThan(chiSquareQuantile(0.999, positive));
  });

  it("a zero rate never produces an arrival", () => {
    const rng = rngStream(1, "zero", 0);
    expect(new PoissonProcess(0).next(0, rng)).toBe(Infinity);
    expect(new PoissonProcess(0, new Array(24).fill(0), new Array(7).fill(0)).next(123, rng)).toBe(Infinity);
    expect(() => new PoissonProcess(1, new Array(24).fill(0))).toThrow();
    expect(() => new PoissonProcess(1, new Array(23).fill(1))).toThrow();
    expect(() => new PoissonProcess(1, new Array(24).fill(1), [1, 1, 1, 1, 1, 1, -1])).toThrow();
  });

  it("one exponential draw per arrival: any two profiles consume the stream identically", () => {
    const profile = fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 24, maxLength: 24 });
    fc.assert(
      fc.property(profile, profile, fc.integer({ min: 1, max: 200 }), (h1, h2, k) => {
        const a = new PoissonProcess(0.05, h1);
        const b = new PoissonProcess(0.3, h2, [2, 1, 1, 1, 1, 1, 0.5]);
        const ra = rngStream(3, "crn", 0);
        const rb = rngStream(3, "crn", 0);
        let ta = 0;
        let tb = 0;
        for (let j = 0; j < k; j++) {
          const na = a.next(ta, ra);
          const nb = b.next(tb, rb);
          expect(na).toBeGreaterThanOrEqual(ta);
          expect(nb).toBeGreaterThanOrEqual(tb);
          ta = na;
          tb = nb;
        }
        expect(ra.next()).toBe(rb.next());
      }),
      { seed: 401, numRuns: 100 },
    );
  });

  it("a rate so low that arrivals are weeks apart gives, at once, the time an hour-by-hour walk gives", () => {
    /** The cumulative rate inverted one hour at a time, with the draw `e` given. */
    const walk = (p: PoissonProcess, t: number, e: number) => {
      for (;;) {
        const end = (Math.floor(t / 60) + 1) * 60;
        const capacity = p.rateAt(t) * (end - t);
        if (e <= capacity) return t + e / p.rateAt(t);
        e -= capacity;
        t = end;
      }
    };
    const profile = fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 24, maxLength: 24 }).filter((h) => h.some((x) => x > 0.01));
    fc.assert(
      fc.property(profile, fc.double({ min: 1e-7, max: 1e-4, noNaN: true }), fc.double({ min: 0, max: 4 * MINUTES_PER_WEEK, noNaN: true }), (h, rate, t) => {
        const p = new PoissonProcess(rate, h, DEFAULT_DAY_OF_WEEK);
        const u = rngStream(9, "low", 0).next();
        const expected = walk(p, t, -Math.log(1 - u));
        const got = p.next(t, { next: () => u });
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * expected);
      }),
      { numRuns: 200 },
    );
    // One arrival in some hundred million weeks: returned without walking them.
    const rng = rngStream(9, "lower", 0);
    const far = new PoissonProcess(1e-13).next(0, rng);
    expect(far).toBeGreaterThan(1e8 * MINUTES_PER_WEEK);
    expect(Number.isFinite(far)).toBe(true);
  });
});
