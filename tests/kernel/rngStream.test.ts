import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { rngStream, seedFromText, streamKey } from "../../sim/kernel/rngStream.js";
import { draws, Z_999 } from "../support/stats.js";

const first = (seed: number | string, name: string, replication: number, n = 50) =>
  Array.from(draws(n, rngStream(seed, name, replication)));

describe("rngStream", () => {
  it("the same (seed, name, replication) gives the same sequence", () => {
    expect(first(42, "arrivals", 3, 1000)).toEqual(first(42, "arrivals", 3, 1000));
    expect(first("abc", "service", 0)).toEqual(first("abc", "service", 0));
  });

  it("is seedrandom's Alea keyed by the stream key, to the last bit", () => {
    for (const [seed, name, replication] of [[42, "arrivals", 3], ["abc", "service", 0], [7, "outcomes", 12]] as const) {
      const reference = seedrandom.alea(streamKey(seed, name, replication));
      expect(first(seed, name, replication, 10_000)).toEqual(Array.from({ length: 10_000 }, () => reference()));
    }
  });

  it("a different name, replication or seed gives a different sequence", () => {
    const base = first(42, "arrivals", 3);
    for (const other of [first(42, "service", 3), first(42, "arrivals", 4), first(43, "arrivals", 3)]) {
      expect(other).not.toEqual(base);
      // Not a shifted copy either: no value of the first 50 reappears.
      expect(other.filter((v) => base.includes(v))).toEqual([]);
    }
  });

  it("streams are independent objects: drawing from one never shifts another", () => {
    const a = rngStream(7, "arrivals", 0);
    const b = rngStream(7, "service", 0);
    const interleaved: number[] = [];
    for (let k = 0; k < 100; k++) {
      interleaved.push(a.next());
      for (let j = 0; j < k % 4; j++) b.next();
    }
    expect(interleaved).toEqual(first(7, "arrivals", 0, 100));
  });

  it("draws are uniform on [0, 1): in range, mean within 3.29 standard errors of 1/2", () => {
    const n = 100_000;
    const xs = draws(n, rngStream(1, "uniformity", 0));
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of xs) {
      sum += x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    // Var(U) = 1/12; two-sided α = 0.001.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(Z_999 * Math.sqrt(1 / 12 / n));
  });

  it("stream keys follow the documented gridgov/<seed>/<name>/<replication> form", () => {
    expect(streamKey(2024, "arrivals", 5)).toBe("gridgov/2024/arrivals/5");
  });
});

describe("seeds typed by people", () => {
  it("whole numbers become numbers, anything else stays text, so '7' and 7 key the same streams", () => {
    expect(seedFromText("7")).toBe(7);
    expect(seedFromText("007")).toBe(7);
    expect(seedFromText("7.5")).toBe("7.5");
    expect(seedFromText("district-j")).toBe("district-j");
    expect(seedFromText("99999999999999999999")).toBe("99999999999999999999");
    expect(streamKey(seedFromText("7"), "arrivals", 0)).toBe(streamKey(7, "arrivals", 0));
  });
});
