// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { formatNumber } from "../../../viz/charts/format.js";
import { peakOf } from "../../../viz/charts/peakOf.js";
import { textWidth } from "../../../viz/charts/textWidth.js";
import { dayNumbers, labelRows, timeSeriesChart } from "../../../viz/charts/timeSeriesChart.js";
import { fixture, syntheticRun } from "./fixtures.js";
import { svgOf, tableColumns, tableRows, ticks, translate } from "./helpers.js";

describe("peakOf", () => {
  test("the first highest value and its index", () => {
    expect(peakOf([1, 5, 3, 5, 2])).toEqual({ index: 1, value: 5 });
    expect(peakOf([-3, -1, -2])).toEqual({ index: 1, value: -1 });
    expect(peakOf(new Float64Array([0, 0.5]))).toEqual({ index: 1, value: 0.5 });
  });

  test("skips nulls and NaN; nothing to find is null", () => {
    expect(peakOf([null, NaN, 2, null])).toEqual({ index: 2, value: 2 });
    expect(peakOf([])).toBeNull();
    expect(peakOf([null, NaN])).toBeNull();
  });
});

/**
 * Where `days` days from the start of the run are on the chart's time axis, read from its
 * day numbers: day n is centred on n − 0.5 days.
 */
function timeAxis(figure: Element): (days: number) => number {
  const t = ticks(svgOf(figure).querySelectorAll("g.gridgov-axis")[0], "x");
  return (d) => t[0].at + ((d + 0.5 - t[0].value) / (t[1].value - t[0].value)) * (t[1].at - t[0].at);
}

/** Backlogs over 48 hours: the baseline's replications peak at hours 30 (value 12) and 31 (value 10). */
const runs = () => {
  const wave = (peakAt: number, peak: number) => Array.from({ length: 48 }, (_, h) => Math.max(0, peak - Math.abs(h - peakAt)));
  return [syntheticRun(0, "Baseline", [{ backlog: wave(30, 12) }, { backlog: wave(31, 10) }]), syntheticRun(1, "Reform", [{ backlog: wave(10, 4) }, { backlog: wave(10, 6) }])];
};

describe("timeSeriesChart", () => {
  test("marks and labels each scenario's peak of the mean backlog with its time and value", () => {
    const rs = runs();
    const figure = timeSeriesChart(rs, { series: "backlogHourly" });
    const peaks = figure.querySelectorAll("g.gridgov-peak");
    expect(peaks.length).toBe(2);
    // Means: baseline (12 − |h − 30| + 10 − |h − 31|) / 2 is 10.5 at hours 30 and 31: the first; reform 5 at hour 10.
    expect(peakOf(rs[0].result.series.backlogHourly.mean)).toEqual({ index: 30, value: 10.5 });
    expect(peaks[0].getAttribute("data-index")).toBe("30");
    expect(peaks[0].querySelector("text")?.textContent).toBe("peak 10.5 at day 2, 06:00");
    expect(peaks[1].querySelector("text")?.textContent).toBe("peak 5.0 at day 1, 10:00");
    expect(figure.querySelector("figcaption")?.textContent).toContain("Peak of the mean: Baseline 10.5 at day 2, 06:00; Reform 5.0 at day 1, 10:00.");
    // The marker sits at 30 h = 1.25 days from the start on the shared x axis.
    expect(Number(peaks[0].querySelector("line")?.getAttribute("x1"))).toBeCloseTo(timeAxis(figure)(1.25), 1);
    // The baseline's leader (day 2) would run through the reform's label (from day 1, rightwards) below it: the reform's label goes on top.
    const [baseLabel, reformLabel] = Array.from(peaks, (p) => Number(p.querySelector("text")?.getAttribute("y")));
    expect(reformLabel).toBeLessThan(baseLabel);
    const reformText = peaks[1].querySelector("text")!;
    const reformFrom = Number(reformText.getAttribute("x"));
    expect(Number(peaks[0].querySelector("line")?.getAttribute("x1"))).toBeGreaterThan(reformFrom);
    expect(Number(peaks[0].querySelector("line")?.getAttribute("x1"))).toBeLessThan(reformFrom + textWidth(reformText.textContent!));
  });

  test("marks when each scenario first missed a time limit (its earliest replication) on the time axis, and says so in the caption", () => {
    const rs = runs();
    rs[0].replications[0].firstMissedLimit = 2000;
    rs[0].replications[1].firstMissedLimit = 1500; // day 2, 01:00
    rs[1].replications.forEach((r) => (r.firstMissedLimit = null));
    const figure = timeSeriesChart(rs, { series: "backlogHourly" });
    const marks = figure.querySelectorAll("g.gridgov-missed-limit");
    expect(marks.length).toBe(1);
    expect(marks[0].getAttribute("data-minute")).toBe("1500");
    expect(figure.querySelector("figcaption")?.textContent).toContain("First missed time limit (earliest replication, marked ▼ on the time axis): Baseline day 2, 01:00.");
    expect(Number(marks[0].querySelector("line")?.getAttribute("x1"))).toBeCloseTo(timeAxis(figure)(1500 / 1440), 1);
    expect(timeSeriesChart(rs, { series: "satisfactionDaily" }).querySelectorAll("g.gridgov-missed-limit").length).toBe(0);
  });

  test("numbers the days as the labels do: “day 2, 06:00” lies between the boundaries of the day numbered 2", () => {
    const figure = timeSeriesChart(runs(), { series: "backlogHourly" });
    const axis = svgOf(figure).querySelectorAll("g.gridgov-axis")[0];
    expect(Array.from(axis.querySelectorAll(":scope > g.tick text"), (t) => t.textContent)).toEqual(["1", "2", "3"]);
    expect(axis.querySelector(".gridgov-axis-label")?.textContent).toBe("Day of the run");
    const boundaries = Array.from(axis.querySelectorAll(".gridgov-day-boundaries line"), (l) => Number(l.getAttribute("x1")));
    expect(boundaries).toHaveLength(4);
    const [two] = ticks(axis, "x").filter((t) => t.value === 2);
    expect(two.at).toBeCloseTo((boundaries[1] + boundaries[2]) / 2, 1);
    const peak = figure.querySelector("g.gridgov-peak")!;
    expect(peak.querySelector("text")?.textContent).toBe("peak 10.5 at day 2, 06:00");
    const at = Number(peak.querySelector("line")?.getAttribute("x1"));
    expect(at).toBeGreaterThan(boundaries[1]);
    expect(at).toBeLessThan(boundaries[2]);
  });

  test("numbers every day when there is room, else every 2nd, 5th, 7th … day", () => {
    expect(dayNumbers(14, 41)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(dayNumbers(14, 20)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(dayNumbers(90, 6.4)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);
  });

  test("many scenarios missing a limit early overprint nothing: the markers carry no text, one key explains them and the warm-up", () => {
    const many = Array.from({ length: 8 }, (_, k) => {
      const run = syntheticRun(k, `Reform number ${k} with a long name`, [{ backlog: Array(48).fill(3) }]);
      run.replications[0].firstMissedLimit = 1500 + 10 * k;
      return { ...run, result: { ...run.result, scenario: { ...run.result.scenario, warmupDays: 1 } } };
    });
    const figure = timeSeriesChart(many, { series: "backlogHourly" });
    expect(figure.querySelectorAll("g.gridgov-missed-limit").length).toBe(8);
    expect(figure.querySelectorAll("g.gridgov-missed-limit text, g.gridgov-plot > text").length).toBe(0);
    expect(Array.from(figure.querySelectorAll("g.gridgov-key text"), (t) => t.textContent)).toEqual(["warm-up, not measured", "first time limit missed (in the scenario's colour)"]);
    // The key sits between the legend and the plot.
    const keyY = translate(figure.querySelector("g.gridgov-key")!)[1];
    expect(keyY).toBeGreaterThan(translate(figure.querySelector("g.gridgov-legend")!)[1] + 8 * 18 - 1);
    expect(keyY + 20).toBeLessThan(Number(figure.querySelector("rect.gridgov-warmup")?.getAttribute("y")));
    expect(figure.querySelector("g.gridgov-missed-limit title")?.textContent).toBe("Reform number 0 with a long name: first missed time limit at day 2, 01:00 (earliest of its replications)");
  });

  test("draws a mean line and a lowest-to-highest band per scenario", () => {
    const figure = timeSeriesChart(runs(), { series: "backlogHourly" });
    expect(figure.querySelectorAll("path.gridgov-line").length).toBe(2);
    expect(figure.querySelectorAll("path.gridgov-band").length).toBe(2);
    expect(figure.querySelectorAll("path.gridgov-line")[1].getAttribute("stroke-dasharray")).toBeTruthy();
  });

  test("the table lists every point: mean, lowest and highest of each scenario", () => {
    const rs = runs();
    const figure = timeSeriesChart(rs, { series: "backlogHourly" });
    expect(tableColumns(figure)).toEqual(["Time", "Baseline: mean", "Baseline: lowest", "Baseline: highest", "Reform: mean", "Reform: lowest", "Reform: highest"]);
    const rows = tableRows(figure);
    expect(rows.length).toBe(48);
    const s = rs.map((r) => r.result.series.backlogHourly);
    expect(rows[30]).toEqual(["day 2, 06:00", ...s.flatMap((x) => [x.mean[30], x.min[30], x.max[30]].map(formatNumber))]);
    expect(rows[30].slice(1, 4)).toEqual(["10.5", "9", "12"]);
  });

  test("satisfaction: daily points, no peak by default; warm-up is shaded", () => {
    const { runs: real } = fixture();
    const plain = timeSeriesChart(real, { series: "satisfactionDaily" });
    expect(plain.querySelector("g.gridgov-peak")).toBeNull();
    expect(plain.querySelector("rect.gridgov-warmup")).toBeNull();
    expect(tableRows(plain)[0][0]).toBe("end of day 1");
    const warm = real.map((r) => ({ ...r, result: { ...r.result, scenario: { ...r.result.scenario, warmupDays: 1 } } }));
    const figure = timeSeriesChart(warm, { series: "satisfactionDaily" });
    expect(figure.querySelector("rect.gridgov-warmup")).not.toBeNull();
    expect(figure.querySelector("figcaption")?.textContent).toContain("warm-up");
  });

  test("structure", () => {
    expect(timeSeriesChart(runs(), { series: "backlogHourly" }).outerHTML).toMatchSnapshot();
  });
});
