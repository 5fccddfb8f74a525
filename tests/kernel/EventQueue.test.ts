import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../sim/kernel/EventQueue.js";

interface Entry {
  time: number;
  priority: number;
  seq: number;
  kind: number;
  arg: number;
}

const byTimePrioritySeq = (a: Entry, b: Entry) => a.time - b.time || a.priority - b.priority || a.seq - b.seq;

// Few distinct times and priorities, so ties are common.
const timeArb = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 6, noNaN: true }));
const pushArb = fc.record({
  op: fc.constant("push" as const),
  time: timeArb,
  priority: fc.integer({ min: 0, max: 3 }),
  kind: fc.integer({ min: 0, max: 1000 }),
  arg: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
});
const opArb = fc.oneof({ weight: 3, arbitrary: pushArb }, { weight: 2, arbitrary: fc.constant({ op: "pop" as const }) });

describe("EventQueue", () => {
  it("any sequence of pushes and pops pops entries in (time, priority, insertion) order", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300, size: "max" }), fc.integer({ min: 1, max: 8 }), (ops, capacity) => {
        const q = new EventQueue(capacity);
        const model: Entry[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o.op === "push") {
            q.push(o.time, o.kind, o.arg, o.priority);
            model.push({ time: o.time, priority: o.priority, seq: seq++, kind: o.kind, arg: o.arg });
          } else {
            model.sort(byTimePrioritySeq);
            const expected = model.shift();
            const t = q.pop();
            if (expected === undefined) {
              expect(t).toBe(Infinity);
            } else {
              expect([t, q.poppedKind, q.poppedArg]).toEqual([expected.time, expected.kind, expected.arg]);
            }
          }
          expect(q.size).toBe(model.length);
          expect(q.peekTime()).toBe(model.length ? Math.min(...model.map((e) => e.time)) : Infinity);
        }
      }),
      { seed: 101, numRuns: 150 },
    );
  });

  it("draining the queue equals a stable sort of the pushes by (time, priority)", () => {
    fc.assert(
      fc.property(fc.array(pushArb, { maxLength: 400, size: "max" }), (pushes) => {
        const q = new EventQueue(2);
        pushes.forEach((p, k) => q.push(p.time, k, p.arg, p.priority));
        // Array.prototype.sort is stable (ES2019), so equal (time, priority) keep push order.
        const expected = pushes.map((p, k) => ({ ...p, k })).sort((a, b) => a.time - b.time || a.priority - b.priority);
        const got: number[] = [];
        while (q.size > 0) {
          q.pop();
          got.push(q.poppedKind);
        }
        expect(got).toEqual(expected.map((e) => e.k));
      }),
      { seed: 102, numRuns: 200 },
    );
  });

  it("grows past its initial capacity without losing or reordering entries", () => {
    const q = new EventQueue(2);
    const n = 5000;
    // Times in reverse with repeats, so pushes sift up through a heap that doubles 12 times.
    const pushed = Array.from({ length: n }, (_, k) => ({ time: Math.floor((n - k) / 3), priority: k % 2, k }));
    for (const p of pushed) q.push(p.time, p.k, 7 - p.k, p.priority);
    expect(q.size).toBe(n);
    const popped: number[] = [];
    while (q.size > 0) {
      q.pop();
      expect(q.poppedArg).toBe(7 - q.poppedKind);
      popped.push(q.poppedKind);
    }
    const expected = [...pushed].sort((a, b) => a.time - b.time || a.priority - b.priority).map((p) => p.k);
    expect(popped).toEqual(expected);
  });

  it("an empty queue pops and peeks Infinity", () => {
    const q = new EventQueue(0);
    expect(q.pop()).toBe(Infinity);
    expect(q.peekTime()).toBe(Infinity);
    q.push(3, 1, 2, 0);
    expect(q.pop()).toBe(3);
    expect(q.pop()).toBe(Infinity);
    expect(q.size).toBe(0);
  });

  it("clear empties the queue and later pushes still keep insertion order among ties", () => {
    const q = new EventQueue(4);
    for (let k = 0; k < 10; k++) q.push(1, k, k, 0);
    q.clear();
    expect(q.size).toBe(0);
    for (let k = 0; k < 10; k++) q.push(1, 100 + k, k, 0);
    const order: number[] = [];
    while (q.size) {
      q.pop();
      order.push(q.poppedKind);
    }
    expect(order).toEqual(Array.from({ length: 10 }, (_, k) => 100 + k));
  });
});
