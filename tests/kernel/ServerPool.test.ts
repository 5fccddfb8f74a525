import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ServerPool } from "../../sim/kernel/ServerPool.js";

describe("ServerPool", () => {
  it("serves up to capacity at once and hands freed servers to waiting ids first come, first served", () => {
    const pool = new ServerPool(2);
    expect(pool.request(10)).toBe(true);
    expect(pool.request(11)).toBe(true);
    expect(pool.request(12)).toBe(false);
    expect(pool.request(13)).toBe(false);
    expect(pool.waiting).toBe(2);
    expect(pool.release()).toBe(12);
    expect(pool.busy).toBe(2);
    expect(pool.release()).toBe(13);
    expect(pool.release()).toBe(-1);
    expect(pool.busy).toBe(1);
  });

  it("keeps FIFO order and never exceeds capacity, whatever the sequence of requests and releases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.boolean(), { maxLength: 200 }), (capacity, ops) => {
        const pool = new ServerPool(capacity);
        const model: number[] = [];
        let busy = 0;
        let id = 0;
        for (const isRequest of ops) {
          if (isRequest) {
            const got = pool.request(id);
            if (busy < capacity) {
              expect(got).toBe(true);
              busy++;
            } else {
              expect(got).toBe(false);
              model.push(id);
            }
            id++;
          } else if (busy > 0) {
            const next = pool.release();
            if (model.length) expect(next).toBe(model.shift());
            else {
              expect(next).toBe(-1);
              busy--;
            }
          }
          expect(pool.busy).toBe(busy);
          expect(pool.busy).toBeLessThanOrEqual(capacity);
          expect(pool.waiting).toBe(model.length);
        }
      }),
    );
  });
});
