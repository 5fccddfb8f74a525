import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INCIDENT_REPORTERS } from "../../sim/metrics/incidentReporters.js";
import { summarize, type ValueSummary } from "../../sim/metrics/summarize.js";
import { runObserved, scenarioArb } from "../support/scenarios.js";

const SHARES = ["workerUtilization", "escalatedShare", "timeLimitHitRate", "satisfiedShare", "satisfaction", "residentReportShare", "workloadGini"] as const;
const AMOUNTS = ["overtimeHoursPerWeek", "costPerYear", "costPerClosedIncident"] as const;

/** The interval holds the mean and lies within [lowest, highest]. */
function expectWithin(v: ValueSummary, lowest: number, highest: number, name: string) {
  if (v.ci95 === null) return;
  const [lo, hi] = v.ci95;
  expect(lo, name).toBeGreaterThanOrEqual(lowest);
  expect(hi, name).toBeLessThanOrEqual(highest);
  expect(lo, name).toBeLessThanOrEqual(v.mean!);
  expect(hi, name).toBeGreaterThanOrEqual(v.mean!);
}

describe("summarize", () => {
  it("intervals stay where the measure can be: times and amounts ≥ 0, shares in [0, 1], and hold the mean", () => {
    let cut = 0;
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 2, max: 3 }), (s, replications) => {
        const results = Array.from({ length: replications }, (_, k) => runObserved(s, 11, k).result);
        const summary = summarize(results);
        for (const { name } of INCIDENT_REPORTERS) expectWithin(summary.metrics[name], 0, Infinity, name);
        for (const name of SHARES) expectWithin(summary.metrics[name], 0, 1, name);
        for (const name of AMOUNTS) expectWithin(summary.metrics[name], 0, Infinity, name);
        for (const c of summary.categories) expectWithin(c.timeLimitHitRate, 0, 1, c.id);
        // Count the intervals that were cut, so the test shows it met some.
        const all = [...INCIDENT_REPORTERS.map((r) => summary.metrics[r.name]), ...SHARES.map((n) => summary.metrics[n]), ...AMOUNTS.map((n) => summary.metrics[n])];
        cut += all.filter((v) => v.ci95 !== null && (v.ci95[0] === 0 || v.ci95[1] === 1) && v.sd! > 0).length;
      }),
      { seed: 31, numRuns: 30 },
    );
    expect(cut).toBeGreaterThan(0);
  });
});
