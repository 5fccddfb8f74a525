import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rngStream } from "../../sim/kernel/rngStream.js";
import { buildLayout, gridCentre } from "../../sim/model/Layout.js";
import { ACTIVITIES, ACTIVITY_COUNT, ADMIN, AVAILABLE, HANDLING, OFF_DUTY, TRAVEL, Workforce } from "../../sim/model/Workforce.js";
import { Z_999 } from "../support/stats.js";
import { real, scenario, uniform } from "../support/scenarios.js";

const staffedLayout = fc.record({
  columns: fc.integer({ min: 1, max: 12 }),
  rows: fc.integer({ min: 1, max: 12 }),
  workersPerGrid: real(0.05, 4),
  vacancyRate: fc.oneof(fc.constant(0), uniform(0, 0.95)),
  partTimeShare: fc.oneof(fc.constant(0), fc.constant(1), uniform(0, 1)),
  turnoverPerYear: fc.oneof(fc.constant(0), fc.constant(1), uniform(0, 1)),
});

describe("Workforce", () => {
  it("worker count is round(grids × workersPerGrid × (1 − vacancyRate)); grids and workers cover each other in contiguous runs; everyone starts off duty at the post", () => {
    fc.assert(
      fc.property(staffedLayout, ({ columns, rows, workersPerGrid, vacancyRate }) => {
        const s = scenario({ grids: { columns, rows }, staffing: { workersPerGrid, vacancyRate } });
        const layout = buildLayout(s);
        const wf = new Workforce(s, layout, rngStream(1, "staffing", 0));
        const G = layout.grids;
        const W = Math.round(G * workersPerGrid * (1 - vacancyRate));
        expect(wf.count).toBe(W);
        // Patrol effort (computed by the crew from these ranges): a worker covering k grids
        // counts 1/k in each, so the district's effort is the worker count.
        let effort = 0;
        for (let w = 0; w < W; w++) effort += (wf.coverLast[w] - wf.coverFirst[w] + 1) * (1 / wf.coverSize(w));
        expect(effort).toBeCloseTo(W, 9);
        // The snake order visits every grid once, and grids next in it are neighbours.
        expect([...wf.gridInOrder].sort((a, b) => a - b)).toEqual(Array.from({ length: G }, (_, g) => g));
        for (let q = 1; q < G; q++) {
          const [a, b] = [wf.gridInOrder[q - 1], wf.gridInOrder[q]];
          const apart = Math.abs((a % columns) - (b % columns)) + Math.abs(Math.floor(a / columns) - Math.floor(b / columns));
          expect(apart).toBe(1);
        }
        const placeOf = (g: number) => wf.gridInOrder.indexOf(g);
        const covers = (w: number, g: number) => wf.coverFirst[w] <= placeOf(g) && placeOf(g) <= wf.coverLast[w];
        for (let g = 0; g < G; g++) {
          const covering = Array.from({ length: W }, (_, w) => w).filter((w) => covers(w, g));
          if (W === 0) {
            expect([wf.gridWorkerFirst[g], wf.gridWorkerLast[g]]).toEqual([-1, -1]);
            continue;
          }
          // Every grid is covered, by the contiguous run gridWorkerFirst..gridWorkerLast.
          expect(covering.length).toBeGreaterThan(0);
          expect([wf.gridWorkerFirst[g], wf.gridWorkerLast[g]]).toEqual([covering[0], covering.at(-1)]);
          expect(covering.at(-1)! - covering[0] + 1).toBe(covering.length);
          // With at least one worker per grid, grids get ⌊W/G⌋ or ⌈W/G⌉ workers each.
          if (W >= G) expect([Math.floor(W / G), Math.ceil(W / G)]).toContain(covering.length);
        }
        for (let w = 0; w < W; w++) {
          const g = wf.homeGrid[w];
          expect(g >= 0 && g < G).toBe(true);
          expect(covers(w, g)).toBe(true);
          if (W >= G) {
            expect(g).toBe(Math.floor((w * G) / W));
            expect([wf.coverFirst[w], wf.coverLast[w]]).toEqual([placeOf(g), placeOf(g)]);
          } else {
            // Each worker covers the run of places q in the snake order with ⌊q·W/G⌋ = w, posted at its middle.
            const run = Array.from({ length: G }, (_, q) => q).filter((q) => Math.floor((q * W) / G) === w);
            expect([wf.coverFirst[w], wf.coverLast[w]]).toEqual([run[0], run.at(-1)]);
            expect(g).toBe(wf.gridInOrder[(run[0] + run.at(-1)!) >> 1]);
          }
          const c = gridCentre(layout, g);
          expect([wf.postX[w], wf.postY[w]]).toEqual([c.x, c.y]);
          expect([wf.x[w], wf.y[w]]).toEqual([c.x, c.y]);
          expect(wf.activity[w]).toBe(OFF_DUTY);
          expect(wf.onShift[w]).toBe(0);
          expect(wf.job[w]).toBe(-1);
        }
      }),
      { seed: 701, numRuns: 150 },
    );
  });

  it("exactly round(partTimeShare × W) workers are part-time, and skill is type skill × (newcomerSkill for newcomers)", () => {
    fc.assert(
      fc.property(staffedLayout, fc.integer({ min: 0, max: 1000 }), ({ columns, rows, workersPerGrid, vacancyRate, partTimeShare, turnoverPerYear }, replication) => {
        const staffing = { workersPerGrid, vacancyRate, partTimeShare, turnoverPerYear, skill: 1.25, partTimeSkill: 0.8, newcomerSkill: 0.6 };
        const s = scenario({ grids: { columns, rows }, staffing });
        const wf = new Workforce(s, buildLayout(s), rngStream(3, "staffing", replication));
        const W = wf.count;
        expect(wf.partTime.reduce((a, b) => a + b, 0)).toBe(Math.round(partTimeShare * W));
        let newcomers = 0;
        for (let w = 0; w < W; w++) {
          const base = wf.partTime[w] ? 0.8 : 1.25;
          expect([base, base * 0.6]).toContain(wf.skill[w]);
          if (wf.skill[w] !== base) newcomers++;
        }
        if (turnoverPerYear === 0) expect(newcomers).toBe(0);
        if (turnoverPerYear === 1) expect(newcomers).toBe(W);
        // The same staffing stream gives the same workforce.
        const again = new Workforce(s, buildLayout(s), rngStream(3, "staffing", replication));
        expect(Array.from(again.skill)).toEqual(Array.from(wf.skill));
      }),
      { seed: 702, numRuns: 150 },
    );
  });

  it("the share of newcomers is turnoverPerYear, within binomial sampling error", () => {
    const s = scenario({ grids: { columns: 40, rows: 25 }, staffing: { workersPerGrid: 5, turnoverPerYear: 0.3, newcomerSkill: 0.5 } });
    const wf = new Workforce(s, buildLayout(s), rngStream(4, "staffing", 0));
    const n = wf.count; // 5000
    const k = Array.from(wf.skill).filter((v) => v === 0.5).length;
    const p = 0.3;
    expect(Math.abs(k - n * p)).toBeLessThan(Z_999 * Math.sqrt(n * p * (1 - p)));
  });

  it("setActivity books elapsed time to the previous activity, and time off shift as overtime unless off duty; flush and resetMinutes book up to now", () => {
    const s = scenario({ grids: { columns: 2, rows: 1 }, staffing: { workersPerGrid: 1 } });
    const wf = new Workforce(s, buildLayout(s), rngStream(1, "staffing", 0));
    expect(ACTIVITIES).toEqual(["offDuty", "available", "travel", "handling", "verifying", "admin", "returning"]);
    const minutes = (w: number) => Array.from(wf.minutes.subarray(w * ACTIVITY_COUNT, (w + 1) * ACTIVITY_COUNT));
    // Worker 0 starts a shift at 5, travels at 10, handles from 25; the shift ends at 30 and
    // the job runs on to 40 (overtime), then admin until 45 (overtime), then home.
    wf.setActivity(0, OFF_DUTY, 5);
    wf.onShift[0] = 1;
    wf.setActivity(0, AVAILABLE, 5);
    wf.setActivity(0, TRAVEL, 10);
    wf.setActivity(0, HANDLING, 25);
    wf.setActivity(0, HANDLING, 30);
    wf.onShift[0] = 0;
    wf.setActivity(0, ADMIN, 40);
    wf.setActivity(0, OFF_DUTY, 45);
    wf.flush(50);
    expect(minutes(0)).toEqual([10, 5, 15, 15, 0, 5, 0]);
    expect(wf.overtime[0]).toBe(15);
    expect(minutes(1)).toEqual([50, 0, 0, 0, 0, 0, 0]);
    expect(wf.overtime[1]).toBe(0);
    wf.resetMinutes(60);
    expect(minutes(0)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(wf.overtime[0]).toBe(0);
    wf.setActivity(0, AVAILABLE, 63);
    wf.flush(70);
    // Available off shift (never done by the crew) would count as overtime too.
    expect(minutes(0)).toEqual([3, 7, 0, 0, 0, 0, 0]);
    expect(wf.overtime[0]).toBe(7);
    expect(minutes(1)).toEqual([10, 0, 0, 0, 0, 0, 0]);
  });
});
