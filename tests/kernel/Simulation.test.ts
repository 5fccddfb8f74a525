import { describe, expect, it } from "vitest";
import { Simulation } from "../../sim/kernel/Simulation.js";

/** SimPy's first example: a car parks for 5 minutes, drives for 2, and so on. */
function car() {
  const sim = new Simulation(2);
  const trace: string[] = [];
  let drive = -1;
  const park = sim.define(() => {
    trace.push(`park ${sim.now}`);
    sim.schedule(5, drive);
  });
  drive = sim.define(() => {
    trace.push(`drive ${sim.now}`);
    sim.schedule(2, park);
  });
  sim.scheduleAt(0, park);
  return { sim, trace };
}

describe("Simulation", () => {
  it("a parking-and-driving process produces the exact SimPy trace of now", () => {
    const { sim, trace } = car();
    sim.run(15);
    expect(trace).toEqual(["park 0", "drive 5", "park 7", "drive 12", "park 14"]);
    expect(sim.now).toBe(15);
    expect(sim.processed).toBe(5);
    expect(sim.peek()).toBe(19);
  });

  it("run(until) processes events at exactly until, leaves later ones pending and sets now to until", () => {
    const { sim, trace } = car();
    sim.run(12);
    expect(trace.at(-1)).toBe("drive 12");
    expect(sim.now).toBe(12);
    expect(sim.pending).toBe(1);
    sim.run(13.5);
    expect(sim.now).toBe(13.5);
    expect(trace).toHaveLength(4);
    sim.run(19);
    expect(trace.slice(4)).toEqual(["park 14", "drive 19"]);
    expect(sim.now).toBe(19);
  });

  it("run() without a horizon stops at the last event; run(until) on an empty queue advances the clock", () => {
    const sim = new Simulation();
    const k = sim.define(() => {});
    sim.scheduleAt(3, k);
    sim.scheduleAt(8, k);
    sim.run();
    expect(sim.now).toBe(8);
    expect(sim.pending).toBe(0);
    sim.run(100);
    expect(sim.now).toBe(100);
  });

  it("events at equal times run in priority then scheduling order", () => {
    const sim = new Simulation(2);
    const order: number[] = [];
    const k = sim.define((arg) => order.push(arg));
    // arg encodes (priority, scheduling rank)
    sim.scheduleAt(5, k, 21, 2);
    sim.scheduleAt(5, k, 1, 0);
    sim.scheduleAt(4, k, 999, 3);
    sim.scheduleAt(5, k, 11, 1);
    sim.scheduleAt(5, k, 2, 0);
    sim.scheduleAt(5, k, 22, 2);
    sim.scheduleAt(5, k, 3, 0);
    sim.run();
    expect(order).toEqual([999, 1, 2, 3, 11, 21, 22]);
  });

  it("an event scheduled for now from a handler runs in the same run, after earlier ties", () => {
    const sim = new Simulation();
    const order: string[] = [];
    const later = sim.define(() => order.push(`later ${sim.now}`));
    const first = sim.define(() => {
      order.push(`first ${sim.now}`);
      sim.schedule(0, later);
    });
    const other = sim.define(() => order.push(`other ${sim.now}`));
    sim.scheduleAt(1, first);
    sim.scheduleAt(1, other);
    sim.run(1);
    expect(order).toEqual(["first 1", "other 1", "later 1"]);
  });

  it("step() processes exactly one event and returns false when none is left", () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const k = sim.define((a) => seen.push(a));
    sim.scheduleAt(2, k, 20);
    sim.scheduleAt(1, k, 10);
    expect(sim.step()).toBe(true);
    expect([sim.now, seen]).toEqual([1, [10]]);
    expect(sim.step()).toBe(true);
    expect([sim.now, seen]).toEqual([2, [10, 20]]);
    expect(sim.step()).toBe(false);
    expect(sim.now).toBe(2);
    expect(sim.processed).toBe(2);
  });

  it("scheduling in the past, at NaN, with a negative delay or an unknown kind throws", () => {
    const sim = new Simulation();
    const k = sim.define(() => {});
    sim.scheduleAt(10, k);
    sim.run();
    expect(sim.now).toBe(10);
    expect(() => sim.scheduleAt(9.999, k)).toThrow(/now is 10/);
    expect(() => sim.scheduleAt(NaN, k)).toThrow();
    expect(() => sim.schedule(NaN, k)).toThrow();
    expect(() => sim.schedule(-1e-9, k)).toThrow();
    expect(() => sim.scheduleAt(11, k + 1)).toThrow(/no handler/);
    expect(sim.pending).toBe(0);
    sim.scheduleAt(10, k); // at now is allowed
    expect(sim.pending).toBe(1);
  });

  it("stop() ends run after the current event without advancing the clock, and run resumes", () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const k = sim.define((a) => {
      seen.push(a);
      if (a === 2) sim.stop();
    });
    for (let a = 1; a <= 4; a++) sim.scheduleAt(a * 10, k, a);
    sim.run(100);
    expect(seen).toEqual([1, 2]);
    expect(sim.now).toBe(20);
    expect(sim.pending).toBe(2);
    sim.run(100);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(sim.now).toBe(100);
  });

  it("define hands out new kinds after those registered with on()", () => {
    const sim = new Simulation();
    const got: string[] = [];
    sim.on(0, () => got.push("zero")).on(1, () => got.push("one"));
    const k = sim.define(() => got.push("defined"));
    expect(k).toBe(2);
    sim.schedule(1, 1);
    sim.schedule(2, k);
    sim.schedule(3, 0);
    sim.run();
    expect(got).toEqual(["one", "defined", "zero"]);
  });
});
