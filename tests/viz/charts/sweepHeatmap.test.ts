// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { meetsTarget, sweepHeatmap, type SweepCell } from "../../../viz/charts/sweepHeatmap.js";
import { tableRows } from "./helpers.js";

/** Mean response = households ÷ (10 × workers); interval ± 5; 800 × 3 missing. */
const cells: SweepCell[] = [200, 400, 800].flatMap((x) =>
  [0.5, 1, 2, 3].map((y) => {
    const value = x === 800 && y === 3 ? null : x / 10 / y;
    return { x, y, value, ci95: value === null ? null : ([value - 5, value + 5] as [number, number]), cost: y * 1e6 * (400 / x) };
  }),
);
const options = { xLabel: "Households per grid", yLabel: "Workers per grid", metric: "Mean response time", unit: "min", target: 30, replications: 5 };

/** The unit cell edges of the region outline, as "x1,y1,x2,y2" with the smaller end first. */
function outlineEdges(figure: Element): Set<string> {
  const d = figure.querySelector("path.gridgov-target-region")?.getAttribute("d") ?? "";
  const out = new Set<string>();
  for (const m of d.matchAll(/M([\d.]+),([\d.]+)([HV])([\d.]+)/g)) {
    const [x, y, v] = [Number(m[1]), Number(m[2]), Number(m[4])];
    out.add(m[3] === "H" ? [Math.min(x, v), y, Math.max(x, v), y].join(",") : [x, Math.min(y, v), x, Math.max(y, v)].join(","));
  }
  return out;
}

/** The expected outline: edges of meeting cells' rectangles that no other meeting cell shares. */
function boundaryOf(rects: Array<[number, number, number, number]>): Set<string> {
  const count = new Map<string, number>();
  for (const [x, y, w, h] of rects) {
    for (const e of [[x, y, x + w, y], [x, y + h, x + w, y + h], [x, y, x, y + h], [x + w, y, x + w, y + h]]) {
      const key = e.map((v) => Math.round(v * 100) / 100).join(",");
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  return new Set([...count].filter(([, n]) => n === 1).map(([k]) => k));
}

describe("meetsTarget", () => {
  test("sure when even the upper limit meets it, mean when only the mean does", () => {
    expect(meetsTarget({ x: 0, y: 0, value: 20, ci95: [15, 25], cost: null }, 30)).toBe("sure");
    expect(meetsTarget({ x: 0, y: 0, value: 30, ci95: [25, 35], cost: null }, 30)).toBe("mean");
    expect(meetsTarget({ x: 0, y: 0, value: 20, ci95: null, cost: null }, 30)).toBe("mean");
    expect(meetsTarget({ x: 0, y: 0, value: 31, ci95: [28, 34], cost: null }, 30)).toBe("no");
    expect(meetsTarget({ x: 0, y: 0, value: null, ci95: null, cost: null }, 30)).toBeNull();
  });
});

describe("sweepHeatmap", () => {
  test("outlines exactly the cells meeting the target, as one region", () => {
    const figure = sweepHeatmap(cells, options);
    const meeting = cells.filter((c) => c.value !== null && c.value <= 30).map((c) => `${c.x}|${c.y}`);
    expect(meeting.sort()).toEqual(["200|1", "200|2", "200|3", "400|2", "400|3"]);
    const marked = Array.from(figure.querySelectorAll("g.gridgov-meets-target"), (g) => `${g.getAttribute("data-x")}|${g.getAttribute("data-y")}`);
    expect(marked.sort()).toEqual(meeting);
    expect(figure.querySelectorAll("path.gridgov-target-region").length).toBe(1);
    const rects = Array.from(figure.querySelectorAll("g.gridgov-meets-target rect"), (r) => ["x", "y", "width", "height"].map((a) => Number(r.getAttribute(a))) as [number, number, number, number]);
    expect(outlineEdges(figure)).toEqual(boundaryOf(rects));
    expect(Number(figure.querySelector("path.gridgov-target-region")?.getAttribute("stroke-width"))).toBeGreaterThanOrEqual(3);
  });

  test("a disconnected set of cells is still one outlined region, and none met draws no outline", () => {
    const checker: SweepCell[] = [
      { x: 1, y: 1, value: 1, ci95: null, cost: null },
      { x: 2, y: 1, value: 9, ci95: null, cost: null },
      { x: 1, y: 2, value: 9, ci95: null, cost: null },
      { x: 2, y: 2, value: 1, ci95: null, cost: null },
    ];
    const figure = sweepHeatmap(checker, { ...options, target: 5 });
    expect(outlineEdges(figure).size).toBe(8);
    expect(sweepHeatmap(checker, { ...options, target: 0 }).querySelector("path.gridgov-target-region")).toBeNull();
  });

  test("labels each cell with its value (✓ when the interval meets the target) and its cost", () => {
    const figure = sweepHeatmap(cells, options);
    const cell = (x: number, y: number) => figure.querySelector(`g.gridgov-cell[data-x="${x}"][data-y="${y}"]`)!;
    expect(cell(200, 1).querySelector(".gridgov-cell-value")?.textContent).toBe("20 ✓");
    expect(cell(400, 2).querySelector(".gridgov-cell-value")?.textContent).toBe("20 ✓");
    expect(cell(400, 1).querySelector(".gridgov-cell-value")?.textContent).toBe("40");
    expect(cell(200, 1).querySelector(".gridgov-cell-cost")?.textContent).toBe("CNY 2M");
    expect(cell(800, 3).querySelector(".gridgov-cell-value")?.textContent).toBe("no data");
    expect(cell(800, 3).getAttribute("data-meets")).toBe("no-data");
    // A mean on the target with an interval above it is outlined but has no tick.
    const edge = sweepHeatmap([{ x: 1, y: 1, value: 30, ci95: [25, 35], cost: null }], options);
    expect(edge.querySelector(".gridgov-cell-value")?.textContent).toBe("30");
    expect(edge.querySelector("path.gridgov-target-region")).not.toBeNull();
  });

  test("staffing grows upwards and grid size rightwards", () => {
    const figure = sweepHeatmap(cells, options);
    const pos = (x: number, y: number) => {
      const r = figure.querySelector(`g.gridgov-cell[data-x="${x}"][data-y="${y}"] rect`)!;
      return [Number(r.getAttribute("x")), Number(r.getAttribute("y"))];
    };
    expect(pos(200, 3)[1]).toBeLessThan(pos(200, 0.5)[1]);
    expect(pos(800, 1)[0]).toBeGreaterThan(pos(200, 1)[0]);
  });

  test("the table lists every cell with its interval, cost and verdict", () => {
    const rows = tableRows(sweepHeatmap(cells, options));
    expect(rows.length).toBe(12);
    expect(rows[0]).toEqual(["200", "0.5", "40", "35", "45", "1,000,000", "no"]);
    expect(rows[1]).toEqual(["200", "1", "20", "15", "25", "2,000,000", "yes, with its 95% interval"]);
    expect(rows[11]).toEqual(["800", "3", "no data", "no data", "no data", "1,500,000", "no data"]);
  });

  test("structure", () => {
    expect(sweepHeatmap(cells, options).outerHTML).toMatchSnapshot();
  });
});
