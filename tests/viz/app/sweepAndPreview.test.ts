import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../sim/scenario/parseScenario.js";
import { previewScenario, PREVIEW_DAYS } from "../../../viz/app/previewPanel.js";
import { parseValues } from "../../../viz/app/sweepPanel.js";
import { pointScenario } from "../../../viz/engine/runSweep.js";

const parsed = parseScenario(JSON.parse(readFileSync(new URL("../../../scenarios/district-j-baseline.json", import.meta.url), "utf8")));
if (!parsed.ok) throw new Error("baseline invalid");
const baseline = parsed.value;

describe("sweep values and points", () => {
  it("reads a list of positive numbers, sorted and without repeats, or says what is wrong", () => {
    expect(parseValues("600, 200 300,300", "x")).toEqual([200, 300, 600]);
    expect(parseValues("", "Households per grid")).toMatch(/Households per grid: expected a list/);
    expect(parseValues("200, abc", "x")).toMatch(/found “abc”/);
    expect(parseValues("0", "x")).toMatch(/positive/);
    expect(parseValues("1 2 3 4 5 6 7 8 9", "x")).toMatch(/at most 8/);
  });

  it("a sweep point is the base scenario with the levers set, validated; an invalid point says which field", () => {
    const ok = pointScenario(baseline, { "grids.householdsPerGrid": 300, "staffing.workersPerGrid": 1.5 });
    expect(ok.ok && ok.scenario.grids.householdsPerGrid).toBe(300);
    expect(ok.ok && ok.scenario.staffing.workersPerGrid).toBe(1.5);
    expect(ok.ok && ok.scenario.admin).toEqual(baseline.admin);
    const bad = pointScenario(baseline, { "staffing.workersPerGrid": -1 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/staffing\.workersPerGrid/);
  });
});

describe("the quick preview", () => {
  it("runs the same district and rules for at most a warm-up day and PREVIEW_DAYS days", () => {
    const p = previewScenario(baseline);
    expect(p.run.warmupDays).toBe(Math.min(baseline.run.warmupDays, 1));
    expect(p.run.days).toBe(Math.min(baseline.run.days, p.run.warmupDays + PREVIEW_DAYS));
    expect({ ...p, run: baseline.run }).toEqual(baseline);
    const short = previewScenario({ ...baseline, run: { ...baseline.run, days: 2, warmupDays: 0 } });
    expect(short.run.days).toBe(2);
  });
});
