// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { distributionChart, perHalfPixel } from "../../../viz/charts/distributionChart.js";
import { formatNumber, formatRounded } from "../../../viz/charts/format.js";
import { textWidth } from "../../../viz/charts/textWidth.js";
import { syntheticRun } from "./fixtures.js";
import { parseShown, skeleton, svgOf, tableColumns, tableRows, ticks } from "./helpers.js";

/** Response times 1, 2, …, 100 min split over two replications, and 10, 20, …, 1000 in one. */
const runs = () => [
  syntheticRun(0, "Baseline", [{ response: Array.from({ length: 50 }, (_, k) => k + 1) }, { response: Array.from({ length: 50 }, (_, k) => k + 51) }]),
  syntheticRun(1, "Slow reform", [{ response: Array.from({ length: 100 }, (_, k) => 10 * (k + 1)) }, { response: [] }]),
];

/** Position on the x axis of value v, from the axis's own ticks (log or linear). */
function xOf(figure: Element, v: number, log: boolean): number {
  const t = ticks(svgOf(figure).querySelectorAll("g.gridgov-axis")[0], "x");
  const f = (u: number) => (log ? Math.log10(u) : u);
  const [a, b] = [t[0], t[t.length - 1]];
  return a.at + ((f(v) - f(a.value)) / (f(b.value) - f(a.value))) * (b.at - a.at);
}

describe("distributionChart", () => {
  test("marks each scenario's pooled 90th percentile at its place on the shared x axis, at 90 %", () => {
    for (const scale of ["log", "linear"] as const) {
      const rs = runs();
      const figure = distributionChart(rs, { metric: "responseTime", scale });
      const marks = figure.querySelectorAll("g.gridgov-p90");
      expect(marks.length).toBe(2);
      rs.forEach((run, k) => {
        const p90 = run.result.metrics.responseTime.p90!;
        // The histogram's quantiles are within 0.4 % of the exact ones.
        expect(Math.abs(p90 / (k === 0 ? 90 : 900) - 1)).toBeLessThan(0.004);
        const mark = marks[k];
        expect(Number(mark.getAttribute("data-value"))).toBe(p90);
        const tick = mark.querySelector("line")!;
        expect(Number(tick.getAttribute("x1"))).toBeCloseTo(xOf(figure, p90, scale === "log"), 1);
        // The figure is in the scenario's legend line, not by the tick where other curves pass.
        expect(mark.querySelector("text")).toBeNull();
        const legend = figure.querySelectorAll("g.gridgov-legend-item")[k];
        expect(legend.querySelector(".gridgov-legend-note")?.textContent).toBe(` · p90 ${formatRounded(p90)} min`);
        expect(legend.querySelector("text")?.textContent).toBe(`${run.name} · p90 ${formatRounded(p90)} min`);
        const y90 = ticks(svgOf(figure).querySelectorAll("g.gridgov-axis")[1], "y");
        const [top, bottom] = [y90.find((t) => t.value === 100)!.at, y90.find((t) => t.value === 0)!.at];
        const mid = (Number(tick.getAttribute("y1")) + Number(tick.getAttribute("y2"))) / 2;
        expect(mid).toBeCloseTo(bottom + 0.9 * (top - bottom), 1);
      });
    }
  });

  test("the last tick label of a long axis (100,000 min) ends inside the chart", () => {
    const long = [syntheticRun(0, "Slow", [{ response: Array.from({ length: 100 }, (_, k) => 1000 * (k + 1)) }])];
    for (const scale of ["log", "linear"] as const) {
      const figure = distributionChart(long, { metric: "responseTime", scale });
      const width = Number(svgOf(figure).getAttribute("width"));
      const axis = svgOf(figure).querySelectorAll("g.gridgov-axis")[0];
      const last = ticks(axis, "x").at(-1)!;
      const label = Array.from(axis.querySelectorAll(".tick text")).at(-1)!.textContent!;
      expect(last.value, scale).toBeGreaterThanOrEqual(100000);
      expect(last.at + textWidth(label, 10) / 2, `${scale}: ${label}`).toBeLessThanOrEqual(width);
    }
  });

  test("each curve rises from 0 to 1 and pools every replication's incidents", () => {
    const figure = distributionChart(runs(), { metric: "responseTime" });
    const curves = figure.querySelectorAll("path.gridgov-ecdf");
    expect(curves.length).toBe(2);
    const y = ticks(svgOf(figure).querySelectorAll("g.gridgov-axis")[1], "y");
    for (const c of curves) {
      const pts = [...(c.getAttribute("d") ?? "").matchAll(/([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[2]));
      expect(pts[0]).toBeCloseTo(y.find((t) => t.value === 0)!.at, 1);
      expect(pts[pts.length - 1]).toBeCloseTo(y.find((t) => t.value === 100)!.at, 1);
    }
    expect(figure.querySelector("figcaption")?.textContent).toContain("200 incidents from 2 replications per scenario");
  });

  test("the band runs from the lowest to the highest replication's curve", () => {
    const figure = distributionChart(runs(), { metric: "responseTime", scale: "linear" });
    const y = ticks(svgOf(figure).querySelectorAll("g.gridgov-axis")[1], "y");
    const [y0, y100] = [y.find((t) => t.value === 0)!.at, y.find((t) => t.value === 100)!.at];
    const band = (k: number) => {
      const d = figure.querySelectorAll("g.gridgov-scenario")[k].querySelector("path.gridgov-band")?.getAttribute("d") ?? "";
      const pts = [...d.matchAll(/([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[2]));
      const n = pts.length / 2;
      return { high: pts.slice(0, n), low: pts.slice(n).reverse() };
    };
    // Baseline replications cover 1–50 and 51–100 min: just past 50 min one is at 100 %, the other at 0 %.
    const base = band(0);
    expect(base.high.some((h, i) => Math.abs(h - y100) < 0.01 && Math.abs(base.low[i] - y0) < 0.01)).toBe(true);
    // The slow reform has one replication with incidents: its band is that curve (zero width).
    const slow = band(1);
    expect(slow.high.length).toBeGreaterThan(10);
    expect(slow.high).toEqual(slow.low);
  });

  test("the table gives per scenario the replications, incidents, mean with its interval and the percentiles", () => {
    const rs = runs();
    const figure = distributionChart(rs, { metric: "responseTime" });
    expect(tableColumns(figure)).toEqual(["Scenario", "Replications", "Incidents", "Mean", "Mean 95% CI low", "Mean 95% CI high", "Median", "p90", "p95"]);
    const rows = tableRows(figure);
    expect(rows.length).toBe(2);
    rs.forEach((run, k) => {
      const m = run.result.metrics.responseTime;
      expect(rows[k]).toEqual([run.name, "2", formatNumber(m.n), formatNumber(m.mean), formatNumber(m.ci95?.[0] ?? null), formatNumber(m.ci95?.[1] ?? null), formatNumber(m.p50), formatNumber(m.p90), formatNumber(m.p95)]);
    });
    expect(parseShown(rows[0][3])).toBeCloseTo(50.5, 6);
    // One of the slow reform's replications measured nothing: no interval.
    expect(rows[1].slice(4, 6)).toEqual(["no data", "no data"]);
  });

  test("shares one x axis: the log axis spans every scenario and says it is logarithmic", () => {
    const figure = distributionChart(runs(), { metric: "responseTime" });
    const x = ticks(svgOf(figure).querySelectorAll("g.gridgov-axis")[0], "x");
    expect(x[0].value).toBeLessThanOrEqual(1);
    expect(x[x.length - 1].value).toBeGreaterThanOrEqual(1000);
    expect(figure.querySelector(".gridgov-axis-label")?.textContent).toBe("Response time (minutes, log scale)");
  });

  test("a scenario without incidents has no curve and says so in the table", () => {
    const empty = syntheticRun(1, "Empty", [{ response: [] }, { response: [] }]);
    const figure = distributionChart([runs()[0], empty], { metric: "responseTime" });
    expect(figure.querySelectorAll("path.gridgov-ecdf").length).toBe(1);
    expect(tableRows(figure)[1].slice(2)).toEqual(["0", "no data", "no data", "no data", "no data", "no data", "no data"]);
  });

  test("structure", () => {
    const figure = distributionChart(runs(), { metric: "responseTime" });
    expect(skeleton(figure, 0, 3)).toMatchSnapshot();
    expect(figure.outerHTML).toMatchSnapshot();
  });
});

describe("perHalfPixel", () => {
  test("keeps the first point, then the last point of each half pixel, in order", () => {
    const xs = [0, 0.1, 0.2, 0.6, 0.7, 1.4, 3, 3.1];
    const kept = perHalfPixel(xs, (x) => x);
    expect(kept).toEqual([0, 0.2, 0.7, 1.4, 3.1]);
    // Never two kept points (after the first) in the same half pixel; the curve's end survives.
    const many = Array.from({ length: 5000 }, (_, k) => k / 37);
    const thin = perHalfPixel(many, (x) => x);
    expect(thin[0]).toBe(0);
    expect(thin[thin.length - 1]).toBe(many[many.length - 1]);
    const cols = thin.slice(1).map((x) => Math.round(x * 2));
    expect(new Set(cols).size).toBe(cols.length);
    expect(thin.length).toBeLessThan(many.length / 10);
  });
});
