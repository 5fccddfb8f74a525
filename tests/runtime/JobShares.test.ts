import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JobShares } from "../../sim/runtime/JobShares.js";

describe("JobShares", () => {
  it("gives every job exactly once, whatever order the threads ask in and whatever they hold, then −1 to all", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.nat(), { maxLength: 200 }), (n, threads, asks) => {
        const shares = new JobShares(n, threads);
        const given: number[] = [];
        // Threads ask in the order the fuzzer picks, then round-robin until nothing is left.
        const order = [...asks.map((a) => a % threads), ...Array.from({ length: n + threads }, (_, k) => k % threads)];
        for (const [k, t] of order.entries()) {
          // Some asks come from threads that already hold jobs; the round-robin drain from free ones.
          const job = shares.take(t, k < asks.length ? asks[k] % 3 : 0);
          if (job >= 0) given.push(job);
          expect(shares.left).toBe(n - given.length);
        }
        expect([...given].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, k) => k));
        for (let t = 0; t < threads; t++) expect(shares.take(t)).toBe(-1);
      }),
    );
  });

  it("runs each thread through its own contiguous share, front first", () => {
    const shares = new JobShares(10, 3);
    const taken = [0, 1, 2].map(() => [] as number[]);
    for (let round = 0; round < 3; round++) for (let t = 0; t < 3; t++) taken[t].push(shares.take(t));
    expect(taken).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
  });

  it("lets a thread whose share is done take from the back of the largest share left", () => {
    const shares = new JobShares(12, 2);
    // Thread 0 races through its share (0…5) while thread 1 runs only job 6.
    for (let k = 0; k < 6; k++) expect(shares.take(0)).toBe(k);
    expect(shares.take(1)).toBe(6);
    // Thread 1's share has 7…11 left: thread 0 takes from its back, thread 1 goes on from its front.
    expect([shares.take(0), shares.take(0), shares.take(1), shares.take(0), shares.take(1), shares.take(0)]).toEqual([11, 10, 7, 9, 8, -1]);
  });

  it("sends a busy thread no job ahead once fewer jobs are left than threads, so the last ones go to free threads", () => {
    const shares = new JobShares(6, 2);
    expect([shares.take(0), shares.take(0, 1), shares.take(1), shares.take(1, 1)]).toEqual([0, 1, 3, 4]);
    expect(shares.left).toBe(2);
    // Two left for two threads: a busy thread may still have one sent ahead…
    expect(shares.take(0, 1)).toBe(2);
    // …but with one left, only a thread that holds nothing gets it.
    expect(shares.left).toBe(1);
    expect(shares.take(1, 1)).toBe(-1);
    expect(shares.take(0, 2)).toBe(-1);
    expect(shares.take(1, 0)).toBe(5);
    expect(shares.left).toBe(0);
  });

  it("gives a single thread the jobs in order", () => {
    const shares = new JobShares(5, 1);
    expect(Array.from({ length: 6 }, () => shares.take(0))).toEqual([0, 1, 2, 3, 4, -1]);
  });
});
