import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runReplication } from "../../../sim/experiments/runReplication.js";
import type { RunResult } from "../../../sim/experiments/runScenario.js";
import { parseScenario } from "../../../sim/scenario/parseScenario.js";
import { previewScenario, PREVIEW_DAYS } from "../../../viz/app/previewPanel.js";
import { DEFAULT_SWEEP_TARGET, parseValues, sweepVerdict, sweepWarnings } from "../../../viz/app/sweepPanel.js";
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

  it("a point is checked as a loaded file is: one that cannot run is refused, a heavy one runs with its warning", () => {
    const empty = pointScenario(baseline, { "staffing.workersPerGrid": 0.0001 });
    expect(!empty.ok && empty.error).toMatch(/staffing\.workersPerGrid: expected at least one grid worker/);
    const heavy = pointScenario(baseline, { "staffing.workersPerGrid": 0.1 });
    expect(heavy.ok && heavy.warnings.join("\n")).toMatch(/offered load per worker is (at least )?ρ = \d+\.\d+ ≥ 1/);
    const usual = pointScenario(baseline, { "staffing.workersPerGrid": 1 });
    expect(usual.ok && usual.warnings).toEqual([]);
  });

  it("lists each setting's warnings under the sweep, naming the setting", () => {
    const result = (warnings: string[]) => ({ warnings }) as unknown as RunResult;
    const cells = [
      { x: 200, y: 0.5, result: result(["offered load is high", "3 of 5 replications stopped early"]) },
      { x: 400, y: 1, result: result([]) },
      { x: 600, y: 1.5, result: result(["12 incidents were still open at the end"]) },
    ];
    expect(sweepWarnings(cells)).toEqual([
      "200 households per grid with 0.5 workers per grid: offered load is high",
      "200 households per grid with 0.5 workers per grid: 3 of 5 replications stopped early",
      "600 households per grid with 1.5 workers per grid: 12 incidents were still open at the end",
    ]);
  });
});

describe("the sweep's target", () => {
  const cell = (x: number, y: number, value: number | null, ci95: [number, number] | null = null) => ({ x, y, value, ci95, cost: 1 });

  it("by default is met by some settings of the page's first sweep (teaching district, seed 1), not all; an hour is met by none", () => {
    const data = JSON.parse(readFileSync(new URL("../../../scenarios/teaching-small.json", import.meta.url), "utf8"));
    const base = parseScenario(data);
    if (!base.ok) throw new Error("teaching-small invalid");
    // The sweep panel's default levers and replications; each cell is the mean of the replications' p90.
    const cells = [200, 300, 400, 600].flatMap((x) =>
      [1, 1.5, 2].map((y) => {
        const point = pointScenario(base.value, { "grids.householdsPerGrid": x, "staffing.workersPerGrid": y });
        if (!point.ok) throw new Error(point.error);
        const p90s = [0, 1, 2, 3, 4].map((k) => runReplication(point.scenario, 1, k).metrics.responseTime.p90);
        return cell(x, y, p90s.reduce((a, b) => a + b, 0) / p90s.length);
      }),
    );
    const meeting = cells.filter((c) => c.value! <= DEFAULT_SWEEP_TARGET).length;
    expect(meeting).toBeGreaterThan(0);
    expect(meeting).toBeLessThan(cells.length);
    expect(sweepVerdict(cells, 60)).toMatch(/^No setting meets the target/);
  });

  it("says in a sentence when no setting meets it, and which came closest", () => {
    const cells = [cell(200, 1, 1130), cell(200, 2, 944, [739, 1149]), cell(600, 1, 1459)];
    expect(sweepVerdict(cells, 60)).toBe("No setting meets the target (p90 response ≤ 60 min): the lowest p90 is 944 min, at 200 households per grid with 2 workers per grid.");
  });

  it("counts the settings that meet it on average, and those whose whole interval does", () => {
    const cells = [cell(200, 1, 1130, [900, 1500]), cell(200, 2, 944, [739, 1149]), cell(600, 1, 1459, [1400, 1500]), cell(600, 2, null)];
    expect(sweepVerdict(cells, 1440)).toBe("2 of 4 settings meet the target (p90 response ≤ 1,440 min) on average; 1 of them even with the upper end of the 95% interval (✓).");
    expect(sweepVerdict([cell(200, 1, null)], 1440)).toMatch(/^No setting gave a result/);
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
