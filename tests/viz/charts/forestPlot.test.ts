// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { compareRuns } from "../../../sim/experiments/compareRuns.js";
import { describeDifference } from "../../../viz/charts/describeDifference.js";
import { formatNumber } from "../../../viz/charts/format.js";
import { forestPlot } from "../../../viz/charts/forestPlot.js";
import { fixture, runAll, teachingScenario } from "./fixtures.js";
import { noteColumns, notesPastEdge, skeleton, tableColumns, tableRows, ticks } from "./helpers.js";

describe("forestPlot", () => {
  test("one panel per measure, in the order asked for", () => {
    const { runs, comparisons } = fixture();
    expect(forestPlot(runs, comparisons).querySelectorAll("g.gridgov-measure").length).toBe(comparisons[0].length);
    const figure = forestPlot(runs, comparisons, { measures: ["workerUtilization", "responseTime.mean"] });
    expect(Array.from(figure.querySelectorAll("g.gridgov-measure"), (g) => g.getAttribute("data-measure"))).toEqual(["workerUtilization", "responseTime.mean"]);
    expect(figure.querySelector("g.gridgov-measure .gridgov-panel-title")?.textContent).toBe("Worker utilisation (percentage points)");
  });

  test("row labels drop the lead-in the compared names share; the legend keeps the full names", () => {
    const { runs, comparisons } = fixture();
    // Two reforms named alike: the second is the first again, under another name.
    const three = [runs[0], { ...runs[1], name: "Reform: platform operation (automatic dispatch)" }, { ...runs[1], index: 2, name: "Reform: all five aspects combined" }];
    const figure = forestPlot(three, [comparisons[0], comparisons[0]]);
    const labels = Array.from(figure.querySelector("g.gridgov-measure")!.querySelectorAll("text"), (t) => t.textContent);
    expect(labels.some((l) => l!.startsWith("all five aspects"))).toBe(true);
    expect(labels.some((l) => l!.startsWith("platform operation"))).toBe(true);
    expect(labels.some((l) => l!.startsWith("Reform:"))).toBe(false);
    const legend = Array.from(figure.querySelectorAll("g.gridgov-legend-item text"), (t) => t.textContent);
    expect(legend).toEqual(["Reform: platform operation (automatic dispatch)", "Reform: all five aspects combined"]);
  });

  test("each panel says which way is better where one way is, and its axis names the baseline once, in the title", () => {
    const { runs, comparisons } = fixture();
    const figure = forestPlot(runs, comparisons);
    const title = (m: string) => figure.querySelector(`g.gridgov-measure[data-measure="${m}"] .gridgov-panel-title`)?.textContent;
    expect(title("responseTime.mean")).toBe("Mean response time (minutes) · lower is better");
    expect(title("timeLimitHitRate")).toBe("Share closed within time limit (percentage points) · higher is better");
    expect(title("costPerYear")).toMatch(/· lower is better$/);
    expect(title("workerUtilization")).toBe("Worker utilisation (percentage points)");
    const axisLabels = Array.from(figure.querySelectorAll("g.gridgov-measure .gridgov-axis-label"), (t) => t.textContent);
    expect(axisLabels.length).toBe(comparisons[0].length);
    for (const label of axisLabels) expect(label).toMatch(/^Difference from the baseline \(/);
    expect(figure.querySelector(".gridgov-chart-title")?.textContent).toBe(`Differences from ${runs[0].name}`);
  });

  test("clear differences are filled, solid and bold; the others hollow and dashed", () => {
    const { runs, comparisons } = fixture();
    const figure = forestPlot(runs, comparisons);
    const significant = comparisons[0].map((c) => c.difference.significant);
    expect(significant).toContain(true);
    expect(significant).toContain(false);
    figure.querySelectorAll("g.gridgov-measure").forEach((panel, k) => {
      const row = panel.querySelector("g.gridgov-interval-row")!;
      expect(row.classList.contains("gridgov-strong")).toBe(significant[k]);
      expect(row.querySelector(".gridgov-estimate")?.getAttribute("fill") === "white").toBe(!significant[k]);
      expect(row.querySelector(".gridgov-ci")?.hasAttribute("stroke-dasharray")).toBe(!significant[k]);
      expect(row.querySelector(".gridgov-note")?.getAttribute("font-weight") === "bold").toBe(significant[k]);
    });
  });

  test("the zero line and the intervals sit at their values on each panel's axis", () => {
    const { runs, comparisons } = fixture();
    const figure = forestPlot(runs, comparisons, { measures: ["responseTime.mean"] });
    const panel = figure.querySelector("g.gridgov-measure")!;
    const t = ticks(panel.querySelector("g.gridgov-axis")!, "x");
    const xOf = (v: number) => t[0].at + ((v - t[0].value) / (t[1].value - t[0].value)) * (t[1].at - t[0].at);
    expect(Number(panel.querySelector(".gridgov-zero-line")?.getAttribute("x1"))).toBeCloseTo(xOf(0), 1);
    const ci = comparisons[0][0].difference.ci95!;
    const line = panel.querySelector(".gridgov-ci")!;
    expect(Number(line.getAttribute("x1"))).toBeCloseTo(xOf(ci[0]), 1);
    expect(Number(line.getAttribute("x2"))).toBeCloseTo(xOf(ci[1]), 1);
  });

  test("the table has one row per measure and scenario, with the figures and the words", () => {
    const { runs, comparisons } = fixture();
    const figure = forestPlot(runs, comparisons);
    expect(tableColumns(figure)).toEqual(["Measure", "Scenario", "Unit", "Baseline", "Scenario value", "Difference", "95% CI low", "95% CI high", "Paired replications", "Clear difference", "In words"]);
    const rows = tableRows(figure);
    expect(rows.length).toBe(comparisons[0].length);
    comparisons[0].forEach((c, k) => {
      const d = c.difference;
      expect(rows[k]).toEqual([
        c.label,
        runs[1].name,
        c.unit,
        formatNumber(c.baseline),
        formatNumber(c.value),
        formatNumber(d.mean),
        formatNumber(d.ci95?.[0] ?? null),
        formatNumber(d.ci95?.[1] ?? null),
        String(d.n),
        d.significant ? "yes" : "no",
        describeDifference(runs[0].name, runs[1].name, c),
      ]);
    });
  });

  test("a single replication shows the estimate without an interval, and says why", () => {
    const runs = runAll([teachingScenario("Baseline"), teachingScenario("More staff", (raw) => (raw.staffing.workersPerGrid = 2))], 1);
    const comparisons = compareRuns(runs.map((r) => r.result));
    const figure = forestPlot(runs, comparisons, { measures: ["responseTime.mean"] });
    expect(figure.querySelector(".gridgov-ci")).toBeNull();
    expect(figure.querySelector(".gridgov-estimate")).not.toBeNull();
    expect(figure.querySelector(".gridgov-note")?.textContent).toMatch(/\(no interval\)$/);
    expect(tableRows(figure)[0][10]).toMatch(/needs at least 2 replications to give an interval/);
    expect(figure.querySelector("figcaption")?.textContent).toContain("1 replication per scenario");
  });

  test("without a scenario to compare, it says so", () => {
    const { runs } = fixture();
    const figure = forestPlot(runs.slice(0, 1), []);
    expect(figure.querySelector("svg")?.textContent).toContain("Nothing to compare");
    expect(tableRows(figure)).toEqual([]);
  });

  test("long interval labels such as “−1,105 (−1,168 to −1,043)” fit inside the chart, in one column left of which the plots end", () => {
    const { runs, comparisons } = fixture();
    // Differences as large as District J's p90 against a reform, with a clear (bold) interval.
    const long = [comparisons[0].map((c) => ({ ...c, difference: { ...c.difference, mean: -1105.3, ci95: [-1168.2, -1042.9] as [number, number], significant: true } }))];
    for (const width of [640, 480]) {
      const figure = forestPlot(runs, long, { width });
      expect(notesPastEdge(figure, width)).toEqual([]);
      const columns = noteColumns(figure);
      expect(columns).toHaveLength(1);
      const plotEnds = Array.from(figure.querySelectorAll(".gridgov-ci"), (l) => Math.max(Number(l.getAttribute("x1")), Number(l.getAttribute("x2"))));
      expect(Math.max(...plotEnds)).toBeLessThan(columns[0]);
    }
  });

  test("structure", () => {
    const { runs, comparisons } = fixture();
    expect(skeleton(forestPlot(runs, comparisons, { measures: ["responseTime.mean", "workerUtilization"] }), 0, 3)).toMatchSnapshot();
  });
});
