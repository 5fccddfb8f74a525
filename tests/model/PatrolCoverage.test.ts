import { describe, expect, it } from "vitest";
import { rngStream } from "../../sim/kernel/rngStream.js";
import { Simulation } from "../../sim/kernel/Simulation.js";
import { PatrolCoverage } from "../../sim/model/PatrolCoverage.js";

/** Runs one grid with constant patrol effort and returns the times at which watched incidents are found. */
function findTimes(effort: number, area: number, sweep: number, n: number, seed: number): number[] {
  const sim = new Simulation();
  const found: number[] = [];
  let patrol: PatrolCoverage;
  const kind = sim.define((g) => {
    const i = patrol.find(g, sim.now);
    if (i >= 0) found[i] = sim.now;
  });
  patrol = new PatrolCoverage(1, area, sweep, sim, kind);
  patrol.setEffort(0, effort, 0);
  const rng = rngStream(seed, "patrol-test", 0);
  for (let i = 0; i < n; i++) patrol.watch(i, 0, -Math.log(1 - rng.next()), 0);
  sim.run();
  return found;
}

/** One grid of the given area and sweep rate, on a fresh kernel; `found` collects (incident, time) of each find. */
function rig(area: number, sweep: number) {
  const sim = new Simulation();
  const found: Array<[number, number]> = [];
  let patrol: PatrolCoverage;
  const kind = sim.define((g) => {
    const i = patrol.find(g, sim.now);
    if (i >= 0) found.push([i, sim.now]);
  });
  patrol = new PatrolCoverage(1, area, sweep, sim, kind);
  return { sim, patrol, found };
}

describe("PatrolCoverage", () => {
  it("with constant effort, finds incidents after an exponential time of mean area ÷ (effort × sweep)", () => {
    const n = 4000;
    const area = 160000;
    const sweep = 2000; // m² per minute per worker
    const times = findTimes(2, area, sweep, n, 1);
    expect(times.filter((t) => t >= 0)).toHaveLength(n);
    const mean = times.reduce((a, b) => a + b) / n;
    const theory = area / (2 * sweep); // 40 min
    // Exponential: sd = mean; 4 standard errors.
    expect(Math.abs(mean - theory)).toBeLessThan((4 * theory) / Math.sqrt(n));
  });

  it("finds nothing while nobody patrols, and resumes when someone does", () => {
    const { sim, patrol, found } = rig(1000, 10);
    patrol.watch(0, 0, 1, 0); // needs 1000 m² swept
    const resume = sim.define(() => patrol.setEffort(0, 1, sim.now));
    sim.scheduleAt(500, resume);
    sim.run();
    expect(found.map(([, t]) => t)).toEqual([600]);
  });

  it("counts the area swept before a pause: half swept, paused, then finished", () => {
    const { sim, patrol, found } = rig(1000, 10);
    patrol.setEffort(0, 1, 0);
    patrol.watch(0, 0, 1, 0);
    sim.scheduleAt(50, sim.define(() => patrol.setEffort(0, 0, sim.now)));
    sim.scheduleAt(200, sim.define(() => patrol.setEffort(0, 2, sim.now)));
    sim.run();
    expect(found.map(([, t]) => t)).toEqual([225]); // 500 m² by t=50, the other 500 at 20 m²/min
  });

  it("stops looking for an incident found some other way", () => {
    const { sim, patrol, found } = rig(1000, 10);
    patrol.setEffort(0, 1, 0);
    patrol.watch(0, 0, 1, 0);
    patrol.watch(1, 0, 2, 0);
    patrol.unwatch(0, 0, 0);
    sim.run();
    expect(found.map(([i]) => i)).toEqual([1]);
  });
});
