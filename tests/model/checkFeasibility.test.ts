import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioData } from "../../sim/experiments/loadScenario.js";
import { runReplication } from "../../sim/experiments/runReplication.js";
import { checkFeasibility, offeredLoad } from "../../sim/model/checkFeasibility.js";
import { DispatchPools } from "../../sim/model/DispatchPools.js";
import { buildLayout } from "../../sim/model/Layout.js";
import { Workforce } from "../../sim/model/Workforce.js";
import type { Scenario, ScenarioInput } from "../../sim/scenario/scenarioSchema.js";
import { PLAIN, scenario } from "../support/scenarios.js";

/** The busiest pool's offered load, built the way checkFeasibility builds it. */
function load(s: Scenario) {
  const layout = buildLayout(s);
  const workforce = new Workforce(s, layout, { next: () => 0.5 });
  return offeredLoad(s, workforce, new DispatchPools(s, layout, workforce), layout);
}

/** Every extra stage off, travel too, and workers who never change. */
const BARE = { ...PLAIN, travel: { enabled: false } };

/** One grid, `workers` workers, `perHour` incidents an hour of a deterministic `minutes`-minute job. */
function oneGrid(workers: number, perHour: number, minutes: number, more: Omit<ScenarioInput, "schemaVersion" | "name"> = {}): Scenario {
  return scenario({
    ...BARE,
    grids: { columns: 1, rows: 1 },
    staffing: { workersPerGrid: workers, turnoverPerYear: 0 },
    incidents: { ratePerHour: perHour, categories: [{ id: "job", name: "Job", share: 1, serviceTime: { type: "deterministic", value: minutes } }] },
    ...more,
  });
}

describe("offered load", () => {
  it("with every extra stage off it is the textbook λ·E[S] ⁄ (skill·c)", () => {
    expect(load(oneGrid(4, 6, 30)).rho).toBeCloseTo((6 / 60) * 30 / 4, 12);
    const skilled = oneGrid(4, 6, 30, { staffing: { workersPerGrid: 4, turnoverPerYear: 0, skill: 1.5 } });
    // A quarter of the workers new each year at 0.7 of the skill: expected skill 1 − 0.25 × 0.3.
    const turnover = oneGrid(4, 6, 30, { staffing: { workersPerGrid: 4, turnoverPerYear: 0.25, newcomerSkill: 0.7 } });
    expect(load(turnover).rho).toBeCloseTo((6 / 60) * 30 / (1 - 0.25 * 0.3) / 4, 12);
    expect(load(skilled).rho).toBeCloseTo((6 / 60) * 30 / 1.5 / 4, 12);
  });

  it("with shifts a worker gives only the rostered share of the week, less the daily admin tasks", () => {
    // 08:30–17:30 on five days, nobody at weekends, 3 h of ordered tasks a working day:
    // (5 × 540 − 5 × 180) minutes of the week's 10,080 are left for incidents.
    const shifts = { enabled: true, start: 510, end: 1050, workdays: [true, true, true, true, true, false, false], weekendDutyShare: 0, nightOnCall: false };
    const admin = { enabled: true, dailyTaskHours: 3, dataEntryMinutesPerIncident: 0, dataEntryMinutesPerStage: 0 };
    const capacity = (5 * 540 - 5 * 180) / 10080;
    expect(load(oneGrid(2, 1, 30, { shifts, admin })).rho).toBeCloseTo(((1 / 60) * 30) / (2 * capacity), 12);
    // Data entry on closing is work per incident too.
    const entry = { ...admin, dataEntryMinutesPerIncident: 10 };
    expect(load(oneGrid(2, 1, 30, { shifts, admin: entry })).rho).toBeCloseTo(((1 / 60) * 40) / (2 * capacity), 12);
  });

  it("the busiest dispatch pool sets it: grids that lost a post to vacancies carry twice the load", () => {
    // 4 grids × 2 posts, 1 vacant of 8: one grid is left with one worker.
    const s = scenario({
      ...BARE,
      grids: { columns: 2, rows: 2 },
      staffing: { workersPerGrid: 2, vacancyRate: 0.125, turnoverPerYear: 0 },
      incidents: { ratePerHour: 4, categories: [{ id: "job", name: "Job", share: 1, serviceTime: { type: "deterministic", value: 30 } }] },
    });
    const busiest = load(s);
    expect([busiest.grids, busiest.workers]).toEqual([1, 1]);
    expect(busiest.rho).toBeCloseTo((((4 / 60) * 30) / 4) / 1, 12);
  });

  it("round-the-clock load that looks light warns once shifts and admin are counted, and that backlog does pile up", () => {
    // ρ = 0.5 if the worker were on duty all week; on day shifts with 3 h of admin, over 2.5.
    const s = oneGrid(1, 1, 30, {
      shifts: { enabled: true, weekendDutyShare: 0, nightOnCall: false },
      admin: { enabled: true, dataEntryMinutesPerIncident: 0, dataEntryMinutesPerStage: 0 },
      run: { days: 28, warmupDays: 0 },
    });
    expect(load(oneGrid(1, 1, 30)).rho).toBeCloseTo(0.5, 12);
    const warnings = checkFeasibility(s).warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ρ = 2\.\d\d ≥ 1 .*on-duty hours less the daily admin tasks/);
    const open = (days: number) => runReplication({ ...s, run: { ...s.run, days } }, 1, 0).incidents.open;
    const [two, four] = [open(14), open(28)];
    expect(two).toBeGreaterThan(100);
    expect(four).toBeGreaterThan(1.5 * two);
  });

  it("no shipped scenario warns: the District J presets are all well inside capacity", () => {
    for (const name of ["district-j-baseline", "before-reform", "reform-combined", "teaching-small"]) {
      const r = loadScenarioData(JSON.parse(readFileSync(`scenarios/${name}.json`, "utf8")));
      expect(r.ok && r.warnings).toEqual([]);
      if (r.ok) expect(load(r.value).rho).toBeLessThan(0.8);
    }
  });
});

describe("long shifts", () => {
  const shifts = (start: number, end: number, enabled = true) => checkFeasibility(scenario({ shifts: { enabled, start, end } })).warnings;

  it("warns of a day shift longer than 12 hours, with its length and times", () => {
    expect(shifts(360, 1081)).toEqual([
      "the day shift lasts 12.02 h (shifts.start 360 = 06:00 to shifts.end 1081 = 18:01), more than 12 h a day: the model does not tire workers, so its figures are likely to flatter a roster that long",
    ]);
    expect(shifts(0, 1440)[0]).toMatch(/^the day shift lasts 24 h \(shifts.start 0 = 00:00 to shifts.end 1440 = 24:00\)/);
  });

  it("does not warn of a shift of 12 hours or less, nor when shifts are off", () => {
    expect(shifts(360, 1080)).toEqual([]);
    expect(shifts(510, 1050)).toEqual([]);
    expect(shifts(0, 1440, false)).toEqual([]);
  });
});
