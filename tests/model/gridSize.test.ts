import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runReplication } from "../../sim/experiments/runReplication.js";
import { scenarioSchema, type Scenario } from "../../sim/scenario/scenarioSchema.js";
import { Z_999 } from "../support/stats.js";

const baseline = scenarioSchema.parse(JSON.parse(readFileSync("scenarios/district-j-baseline.json", "utf8")));

/** The baseline with grids of `households`, run for `days` days with no warm-up. */
function withGrids(households: number, days: number, change: (s: Scenario) => Scenario = (s) => s): Scenario {
  return change({ ...baseline, grids: { ...baseline.grids, householdsPerGrid: households }, run: { ...baseline.run, days, warmupDays: 0 } });
}

describe("grid size changes neither what residents do nor how fast they judge", () => {
  it("volunteers come across as many incidents in grids of 200 households as in grids of 400", () => {
    // Only volunteers find incidents: no resident reports, no patrol.
    const volunteersOnly = (s: Scenario): Scenario => ({ ...s, residents: { ...s.residents, reportsPerHour: 0 }, patrol: { ...s.patrol, enabled: false } });
    const finds = (households: number) => runReplication(withGrids(households, 7, volunteersOnly), 5, 0).incidents.foundBy.volunteer;
    const [large, small] = [finds(400), finds(200)];
    expect(large).toBeGreaterThan(1000);
    // Counts of rare finds: each roughly Poisson, so the difference has a standard error of about √(a + b).
    expect(Math.abs(large - small)).toBeLessThan(Z_999 * Math.sqrt(large + small));
  });

  it("satisfaction forgets its starting value at the same pace in grids of 100 households as in grids of 400", () => {
    // Without feedback, the end value's dependence on the start value is what the closures have not yet erased.
    const start = (households: number, initial: number) =>
      runReplication(withGrids(households, 14, (s) => ({ ...s, residents: { ...s.residents, feedback: false, initialSatisfaction: initial } })), 6, 0).satisfaction!;
    const gap = (households: number) => start(households, 0.9) - start(households, 0.3);
    const [large, small] = [gap(400), gap(100)];
    expect(large).toBeGreaterThan(0);
    // A closure weighs 4 times more in a grid of a quarter the households: (1 − 4m)^(N/4) against (1 − m)^N.
    expect(small / large).toBeGreaterThan(0.5);
    expect(small / large).toBeLessThan(1.5);
  });
});
