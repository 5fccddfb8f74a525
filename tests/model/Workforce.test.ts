import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLayout, gridCentre } from "../../sim/model/Layout.js";
import { ACTIVITY_COUNT, AVAILABLE, HANDLING, TRAVEL, Workforce } from "../../sim/model/Workforce.js";
import { real, scenario } from "../support/scenarios.js";

const staffedLayout = fc.record({
  columns: fc.integer({ min: 1, max: 12 }),
  rows: fc.integer({ min: 1, max: 12 }),
  workersPerGrid: real(0.05, 4),
});

describe("Workforce", () => {
  it("worker count is round(grids × workersPerGrid) and patrol effort sums to the worker count", () => {
    fc.assert(
      fc.property(staffedLayout, ({ columns, rows, workersPerGrid }) => {
        const s = scenario({ grids: { columns, rows }, staffing: { workersPerGrid } });
        const layout = buildLayout(s);
        const wf = new Workforce(s, layout);
        const G = layout.grids;
        const W = Math.round(G * workersPerGrid);
        expect(wf.count).toBe(W);
        expect(wf.patrolEffort.reduce((a, b) => a + b, 0)).toBeCloseTo(W, 9);
        if (W > 0) {
          // Every grid is patrolled, and effort is spread as evenly as whole workers allow.
          const efforts = Array.from(wf.patrolEffort);
          expect(Math.min(...efforts)).toBeGreaterThan(0);
          if (W >= G) expect(Math.max(...efforts) - Math.min(...efforts)).toBeLessThanOrEqual(1);
        }
        for (let w = 0; w < W; w++) {
          const g = wf.homeGrid[w];
          expect(g >= 0 && g < G).toBe(true);
          const c = gridCentre(layout, g);
          expect([wf.postX[w], wf.postY[w]]).toEqual([c.x, c.y]);
          expect([wf.x[w], wf.y[w]]).toEqual([c.x, c.y]);
          expect(wf.activity[w]).toBe(AVAILABLE);
        }
        if (W > 0 && W < G) {
          // Each worker covers a contiguous run of grids (⌊g·W/G⌋ = w), posted at its middle.
          for (let w = 0; w < W; w++) {
            const run = Array.from({ length: G }, (_, g) => g).filter((g) => Math.floor((g * W) / G) === w);
            expect(run.length).toBeGreaterThan(0);
            expect(run.at(-1)! - run[0] + 1).toBe(run.length);
            expect(wf.homeGrid[w]).toBe((run[0] + run.at(-1)!) >> 1);
            for (const g of run) expect(wf.patrolEffort[g]).toBeCloseTo(1 / run.length, 12);
          }
        }
      }),
      { seed: 701, numRuns: 150 },
    );
  });

  it("setActivity books elapsed time to the previous activity; flush and resetMinutes book up to now", () => {
    const s = scenario({ grids: { columns: 2, rows: 1 }, staffing: { workersPerGrid: 1 } });
    const wf = new Workforce(s, buildLayout(s));
    const minutes = (w: number) => Array.from(wf.minutes.subarray(w * ACTIVITY_COUNT, (w + 1) * ACTIVITY_COUNT));
    wf.setActivity(0, TRAVEL, 10);
    wf.setActivity(0, HANDLING, 25);
    wf.flush(40);
    expect(minutes(0)).toEqual([10, 15, 15, 0]);
    expect(minutes(1)).toEqual([40, 0, 0, 0]);
    wf.resetMinutes(50);
    expect(minutes(0)).toEqual([0, 0, 0, 0]);
    wf.setActivity(0, AVAILABLE, 53);
    wf.flush(60);
    expect(minutes(0)).toEqual([7, 0, 3, 0]);
    expect(minutes(1)).toEqual([10, 0, 0, 0]);
  });
});
