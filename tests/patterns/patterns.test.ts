/**
 * Patterns the governance model must reproduce. Each compares scenarios run with the
 * same seed (common random numbers) and asserts the direction of the paired
 * difference with its 95 % interval over replications — a test fails if a pattern
 * reverses or cannot be told apart from noise.
 */
import { describe, expect, it } from "vitest";
import { meanInterval } from "../../sim/metrics/studentT.js";
import { above0, baselineWith, diff, run } from "./runPattern.js";

const travel = (p: { metrics: { travelTime: { mean: number } } }) => p.metrics.travelTime.mean;
const wait = (p: { metrics: { queueWait: { mean: number } } }) => p.metrics.queueWait.mean;
const response = (p: { metrics: { responseTime: { mean: number } } }) => p.metrics.responseTime.mean;

describe("patterns of grid governance", () => {
  it("smaller grids (one worker each, so more workers) shorten travel, with diminishing returns", () => {
    // Equal steps of workers: ~150, 300, 450 posts for 800, 400, 267 households per grid.
    const [coarse, medium, fine] = [800, 400, 267].map((h) => run(baselineWith([`grids.householdsPerGrid=${h}`])));
    const firstGain = diff(medium, coarse, travel); // travel(800) − travel(400)
    const secondGain = diff(fine, medium, travel); // travel(400) − travel(267)
    expect(above0(firstGain)).toBe(true);
    expect(above0(secondGain)).toBe(true);
    expect(firstGain.mean!).toBeGreaterThan(secondGain.mean!);
    // The first 150 workers save more travel than the next 150, beyond sampling error.
    const secondDifference = coarse.perReplication.map((_, k) => {
      const t = [coarse, medium, fine].map((r) => r.perReplication[k].metrics.travelTime.mean);
      return t[0] - t[1] - (t[1] - t[2]);
    });
    expect(meanInterval(secondDifference).ci95[0]).toBeGreaterThan(0);
  });

  it("response time rises steeply as admin burden pushes utilisation toward 1 (a knee)", () => {
    const levels = [0, 2, 4, 6];
    const runs = levels.map((h) => run(baselineWith([`admin.dailyTaskHours=${h}`])));
    const util = runs.map((r) => r.metrics.workerUtilization.mean!);
    const resp = runs.map((r) => r.metrics.responseTime.mean!);
    for (let k = 1; k < runs.length; k++) {
      expect(util[k]).toBeGreaterThan(util[k - 1]);
      expect(above0(diff(runs[k - 1], runs[k], response))).toBe(true);
    }
    // Convex: each extra 2 hours of forms costs more response time than the previous 2.
    const step = (k: number) => resp[k] - resp[k - 1];
    expect(step(3)).toBeGreaterThan(step(1));
  });

  it("more resident participation means faster discovery and more incidents found, hence more work", () => {
    const low = run(baselineWith(["residents.reportsPerHour=0.2"]));
    const high = run(baselineWith(["residents.reportsPerHour=2"]));
    const discovery = diff(high, low, (p) => p.metrics.discoveryDelay.mean);
    expect(above0(discovery)).toBe(true); // low − high > 0
    const found = diff(low, high, (p) => p.metrics.discoveryDelay.n);
    expect(above0(found)).toBe(true);
    const busy = (p: { workers: { utilization: number } }) => p.workers.utilization;
    expect(above0(diff(low, high, busy))).toBe(true);
  });

  it("pooled dispatch shortens queue waits but lengthens travel compared with own-grid dispatch", () => {
    const own = run(baselineWith(["dispatch.policy=ownGrid"]));
    const pooled = run(baselineWith(["dispatch.policy=communityPool"]));
    expect(above0(diff(pooled, own, wait))).toBe(true); // own − pooled > 0
    expect(above0(diff(own, pooled, travel))).toBe(true); // pooled − own > 0
  });

  it("cutting admin burden frees hours that show up as shorter response times and less overtime", () => {
    const before = run(baselineWith(["admin.taskCut=0"]));
    const after = run(baselineWith(["admin.taskCut=0.5"]));
    expect(above0(diff(after, before, response))).toBe(true);
    expect(above0(diff(after, before, (p) => p.workers.overtimeHoursPerWeek))).toBe(true);
    expect(above0(diff(after, before, (p) => p.workers.hoursByActivity.admin))).toBe(true);
  });
});
