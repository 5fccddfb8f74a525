// @vitest-environment jsdom
import * as d3 from "d3";
import { describe, expect, test } from "vitest";
import { districtMap, type MapLayout } from "../../../viz/charts/districtMap.js";
import { formatNumber } from "../../../viz/charts/format.js";
import { gridValues } from "../../../viz/charts/gridValues.js";
import { syntheticRun } from "./fixtures.js";
import { tableRows } from "./helpers.js";

/** 3 columns × 2 rows of 400 m × 300 m grids. */
const layout: MapLayout = { columns: 3, rows: 2, cellWidth: 400, cellHeight: 300 };
const values = [10, 20, null, 40, 50, 60];
const options = { label: "Mean response time", unit: "min", replications: 5 };

describe("districtMap", () => {
  test("one rectangle per grid, row by row from the north-west corner, in the grids' proportions", () => {
    const figure = districtMap(layout, values, options);
    const cells = figure.querySelectorAll("g.gridgov-grid");
    expect(Array.from(cells, (c) => c.getAttribute("data-grid"))).toEqual(["0", "1", "2", "3", "4", "5"]);
    const rect = (g: number) => {
      const r = cells[g].querySelector("rect")!;
      return ["x", "y", "width", "height"].map((a) => Number(r.getAttribute(a)));
    };
    const [, , w, h] = rect(0);
    expect(h / w).toBeCloseTo(300 / 400, 2);
    expect(rect(4).slice(0, 2)).toEqual([w, h].map((v) => expect.closeTo(v, 1)));
    expect(rect(2)[0]).toBeCloseTo(2 * w, 1);
  });

  test("each grid's title names it and gives its value; missing values are hatched 'no data'", () => {
    const figure = districtMap(layout, values, options);
    const cells = figure.querySelectorAll("g.gridgov-grid");
    expect(cells[1].querySelector("title")?.textContent).toBe("Grid 1: 20 min");
    expect(cells[2].querySelector("title")?.textContent).toBe("Grid 2: no data");
    expect(cells[2].classList.contains("gridgov-no-data")).toBe(true);
    const fill = cells[2].querySelector("rect")?.getAttribute("fill") ?? "";
    expect(fill).toMatch(/^url\(#.+\)$/);
    expect(figure.querySelector(`pattern#${fill.slice(5, -1)}`)).not.toBeNull();
    expect(figure.querySelector(".gridgov-no-data-key")?.textContent).toBe("no data");
    expect(districtMap(layout, [1, 2, 3, 4, 5, 6], options).querySelector(".gridgov-no-data-key")).toBeNull();
  });

  test("colours run dark (low) to light (high) on a labelled legend, and a shared domain gives the same colour to the same value", () => {
    const figure = districtMap(layout, values, options);
    const fillOf = (f: Element, g: number) => f.querySelectorAll("g.gridgov-grid")[g].querySelector("rect")!.getAttribute("fill")!;
    expect(d3.lab(fillOf(figure, 0)).l).toBeLessThan(d3.lab(fillOf(figure, 5)).l);
    expect(figure.querySelector(".gridgov-color-legend text")?.textContent).toBe("Mean response time (min)");
    const a = districtMap(layout, [10, 20, 30, 40, 50, 60], { ...options, domain: [0, 100] });
    const b = districtMap(layout, [50, 0, 0, 0, 0, 100], { ...options, domain: [0, 100] });
    expect(fillOf(a, 4)).toBe(fillOf(b, 0));
    expect(fillOf(a, 4)).toBe(d3.interpolateCividis(0.5));
  });

  test("labels keep the digits the values need: shares below 1 show two decimals, minutes none", () => {
    const labels = (f: HTMLElement) => Array.from(f.querySelectorAll("g.gridgov-grid text"), (t) => t.textContent);
    const wide = { columns: 3, rows: 1, cellWidth: 400, cellHeight: 300 };
    const shares = districtMap(wide, [0.4512, 0.5796, 0.6201], { label: "Worker utilisation", unit: "share", replications: 5 });
    expect(labels(shares)).toEqual(["0.45", "0.58", "0.62"]);
    expect(shares.querySelectorAll("g.gridgov-grid title")[1].textContent).toBe("Grid 1: 0.58 share");
    expect(labels(districtMap(wide, [152.4, 388.6, 201], options))).toEqual(["152", "389", "201"]);
  });

  test("the table lists every grid with its row, column and value", () => {
    expect(tableRows(districtMap(layout, values, options))).toEqual([
      ["0", "1", "1", "10"],
      ["1", "1", "2", "20"],
      ["2", "1", "3", "no data"],
      ["3", "2", "1", "40"],
      ["4", "2", "2", "50"],
      ["5", "2", "3", "60"],
    ]);
  });

  test("a scenario is named in the legend and outlines the map in its colour", () => {
    const figure = districtMap(layout, values, { ...options, scenario: { name: "Reform", color: "#0072B2", index: 1 } });
    expect(figure.querySelector(".gridgov-legend text")?.textContent).toBe("Reform");
    expect(figure.querySelector(".gridgov-map-outline")?.getAttribute("stroke")).toBe("#0072B2");
    expect(figure.querySelector("figcaption")?.textContent).toContain("mean over 5 replications of Reform");
  });

  test("structure", () => {
    expect(districtMap(layout, values, { ...options, scheme: "viridis" }).outerHTML).toMatchSnapshot();
  });
});

describe("gridValues", () => {
  test("averages each grid over the replications that have a value there", () => {
    const run = syntheticRun(0, "Baseline", [
      { grids: { occurred: [1, 2, 3], meanResponse: [10, null, null], utilization: [0.5, 0.5, 0] } },
      { grids: { occurred: [3, 2, 1], meanResponse: [20, 30, null], utilization: [0.7, 0.1, 0] } },
    ]);
    expect(gridValues(run, "occurred")).toEqual([2, 2, 2]);
    expect(gridValues(run, "meanResponse")).toEqual([15, 30, null]);
    expect(gridValues(run, "utilization").map((v) => formatNumber(v))).toEqual(["0.6", "0.3", "0"]);
  });
});
