// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { formatNumber } from "../../../viz/charts/format.js";
import { STACKED_ACTIVITIES, workloadChart } from "../../../viz/charts/workloadChart.js";
import { fixture } from "./fixtures.js";
import { noteColumns, notesPastEdge, skeleton, tableRows, ticks } from "./helpers.js";

const WEEK = 7 * 24 * 60;

describe("workloadChart", () => {
  test("stacks the on-duty activities of each scenario in order, as hours per worker per week on one axis", () => {
    const { runs } = fixture();
    const figure = workloadChart(runs);
    const bars = figure.querySelectorAll("g.gridgov-bar");
    expect(bars.length).toBe(runs.length);
    const t = ticks(figure.querySelector("g.gridgov-bars g.gridgov-axis")!, "x");
    const xOf = (v: number) => t[0].at + ((v - t[0].value) / (t[1].value - t[0].value)) * (t[1].at - t[0].at);
    runs.forEach((run, k) => {
      const segments = bars[k].querySelectorAll("g.gridgov-segment");
      expect(Array.from(segments, (s) => s.getAttribute("data-activity"))).toEqual(STACKED_ACTIVITIES.map((a) => a.key));
      let start = 0;
      segments.forEach((s, i) => {
        const key = STACKED_ACTIVITIES[i].key;
        const hours = run.replications.reduce((sum, r) => sum + (r.workers.hoursByActivity[key] * WEEK) / r.measuredMinutes, 0) / run.replications.length;
        const rect = s.querySelector("rect")!;
        expect(Number(rect.getAttribute("x"))).toBeCloseTo(xOf(start), 1);
        expect(Number(rect.getAttribute("width"))).toBeCloseTo(xOf(start + hours) - xOf(start), 1);
        start += hours;
      });
    });
  });

  test("shows utilisation, overtime and Gini with their intervals from the run summary", () => {
    const { runs } = fixture();
    const figure = workloadChart(runs);
    const panels = figure.querySelectorAll("g.gridgov-summary-panel");
    expect(Array.from(panels, (p) => p.querySelector(".gridgov-panel-title")?.textContent)).toEqual([
      "Worker utilisation (% of on-duty time busy)",
      "Overtime (hours per worker per week)",
      "Workload Gini across workers (0 = equal)",
    ]);
    expect(panels[0].querySelectorAll(".gridgov-ci").length).toBe(runs.length);
    const rows = tableRows(figure);
    runs.forEach((run) => {
      const find = (measure: string) => rows.find((r) => r[0] === run.name && r[1] === measure)!;
      const u = run.result.metrics.workerUtilization;
      expect(find("Worker utilisation").slice(3)).toEqual([formatNumber(u.mean), formatNumber(u.ci95![0]), formatNumber(u.ci95![1])]);
      expect(find("Workload Gini")[3]).toBe(formatNumber(run.result.metrics.workloadGini.mean));
      expect(find("Workers")[3]).toBe(formatNumber(run.result.workers.count));
    });
    // Workers, off duty, seven activities, utilisation, overtime and Gini per scenario.
    expect(rows.length).toBe(runs.length * 12);
  });

  test("interval labels such as “0.54 h (0.46 to 0.62)” fit inside the chart, in one column for the three panels", () => {
    const { runs } = fixture();
    const metrics = (r: (typeof runs)[number]) => r.result.metrics;
    // Overtime and Gini as the teaching district gives them over 10 replications.
    const shown = runs.map((r) => ({
      ...r,
      result: { ...r.result, metrics: { ...metrics(r), overtimeHoursPerWeek: { ...metrics(r).overtimeHoursPerWeek, mean: 0.54, ci95: [0.46, 0.62] as [number, number] }, workloadGini: { ...metrics(r).workloadGini, mean: 0.073, ci95: [0.0696, 0.0762] as [number, number] } } },
    }));
    for (const width of [640, 480]) {
      const figure = workloadChart(shown, { width });
      expect(Array.from(figure.querySelectorAll("text.gridgov-note"), (t) => t.textContent)).toContain("0.54 h (0.46 to 0.62)");
      expect(notesPastEdge(figure, width)).toEqual([]);
      expect(noteColumns(figure)).toHaveLength(1);
    }
  });

  test("structure", () => {
    expect(skeleton(workloadChart(fixture().runs), 0, 3)).toMatchSnapshot();
  });
});
