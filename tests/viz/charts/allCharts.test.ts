// @vitest-environment jsdom
/**
 * What every chart promises: an accessible name and description, a caption stating the
 * runs and the intervals, a table as text alternative, untrusted names as text only,
 * ids that resolve, no accessibility violations axe can find, and the same output for
 * the same input.
 */
import axe from "axe-core";
import { afterEach, describe, expect, test } from "vitest";
import { buildLayout } from "../../../sim/model/Layout.js";
import {
  distributionChart,
  districtMap,
  forestPlot,
  gridValues,
  scenarioColor,
  svgToString,
  sweepHeatmap,
  timeSeriesChart,
  workloadChart,
} from "../../../viz/charts/index.js";
import { fixture, HOSTILE, renamed, teachingScenario } from "./fixtures.js";
import { svgOf, tableRows } from "./helpers.js";

const charts: Record<string, (name: string) => HTMLElement> = {
  distributionChart: (name) => distributionChart(renamed(fixture().runs, name), { metric: "responseTime" }),
  forestPlot: (name) => forestPlot(renamed(fixture().runs, name), fixture().comparisons),
  workloadChart: (name) => workloadChart(renamed(fixture().runs, name)),
  timeSeriesChart: (name) => timeSeriesChart(renamed(fixture().runs, name), { series: "backlogHourly" }),
  districtMap: (name) => {
    const run = fixture().runs[1];
    return districtMap(buildLayout(teachingScenario("map")), gridValues(run, "meanResponse"), {
      label: "Mean response time",
      unit: "min",
      replications: run.replications.length,
      scenario: { name, color: scenarioColor(1), index: 1 },
    });
  },
  sweepHeatmap: (name) =>
    sweepHeatmap(
      [
        { x: 200, y: 1, value: 20, ci95: [15, 25], cost: 1e6 },
        { x: 400, y: 1, value: 40, ci95: [35, 45], cost: 5e5 },
      ],
      { xLabel: name, yLabel: "Workers per grid", metric: "Mean response time", unit: "min", target: 30, replications: 3 },
    ),
};

afterEach(() => document.body.replaceChildren());

describe.each(Object.entries(charts))("%s", (_, build) => {
  test("the svg is an image named by its title and described by the caption", () => {
    const figure = build("Reform B");
    const svg = svgOf(figure);
    expect(svg.getAttribute("role")).toBe("img");
    const title = figure.querySelector(`[id="${svg.getAttribute("aria-labelledby")}"]`);
    expect(title?.localName).toBe("title");
    expect(title?.textContent?.length).toBeGreaterThan(5);
    const desc = figure.querySelector(`[id="${svg.getAttribute("aria-describedby")}"]`);
    expect(desc?.textContent).toBe(figure.querySelector("figcaption")?.textContent);
  });

  test("the caption states the number of runs and what the intervals or bands are", () => {
    const caption = build("Reform B").querySelector("figcaption")?.textContent ?? "";
    expect(caption).toMatch(/\b3 replications\b/);
    expect(caption).toMatch(/95% confidence interval|lowest to the highest|intervals are not shown/);
  });

  test("a table in a details element is the text alternative", () => {
    const figure = build("Reform B");
    expect(figure.querySelector("details > summary")?.textContent).toBe("Table");
    expect(figure.querySelectorAll("details > table thead th").length).toBeGreaterThan(1);
    expect(tableRows(figure).length).toBeGreaterThan(0);
  });

  test("a hostile name is shown as text and creates no element", () => {
    const figure = build(HOSTILE);
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.querySelectorAll("[onerror]").length).toBe(0);
    expect(figure.textContent).toContain(HOSTILE);
    expect(svgToString(figure)).not.toContain("<img");
  });

  test("the same input gives the same output", () => {
    expect(build("Reform B").outerHTML).toBe(build("Reform B").outerHTML);
  });

  test("ids are unique and every reference to one resolves", () => {
    const figure = build("Reform B");
    const ids = Array.from(figure.querySelectorAll("[id]"), (e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = [...figure.outerHTML.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    for (const el of figure.querySelectorAll("[aria-labelledby],[aria-describedby]")) {
      refs.push(...(el.getAttribute("aria-labelledby") ?? "").split(" "), ...(el.getAttribute("aria-describedby") ?? "").split(" "));
    }
    for (const ref of refs.filter(Boolean)) expect(ids).toContain(ref);
  });

  test("axe finds no accessibility violations", async () => {
    const figure = build("Reform B");
    document.body.append(figure);
    // Colour contrast needs layout, which jsdom does not do.
    const result = await axe.run(figure, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
