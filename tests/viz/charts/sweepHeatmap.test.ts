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

/** The cells with a target frame, as "x|y". */
function framed(figure: Element): string[] {
  return Array.from(figure.querySelectorAll("rect.gridgov-target-frame"), (r) => {
    const g = r.closest("g.gridgov-cell")!;
    return `${g.getAttribute("data-x")}|${g.getAttribute("data-y")}`;
  }).sort();
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
  test("frames exactly the cells meeting the target, each inside its own edges", () => {
    const figure = sweepHeatmap(cells, options);
    const meeting = cells.filter((c) => c.value !== null && c.value <= 30).map((c) => `${c.x}|${c.y}`);
    expect(meeting.sort()).toEqual(["200|1", "200|2", "200|3", "400|2", "400|3"]);
    const marked = Array.from(figure.querySelectorAll("g.gridgov-meets-target"), (g) => `${g.getAttribute("data-x")}|${g.getAttribute("data-y")}`);
    expect(marked.sort()).toEqual(meeting);
    expect(framed(figure)).toEqual(meeting);
    for (const g of figure.querySelectorAll("g.gridgov-meets-target")) {
      const box = (sel: string) => ["x", "y", "width", "height"].map((a) => Number(g.querySelector(sel)!.getAttribute(a)));
      const [cx, cy, cw, ch] = box("rect.gridgov-cell-fill");
      const frame = g.querySelector("rect.gridgov-target-frame")!;
      const [fx, fy, fw, fh] = box("rect.gridgov-target-frame");
      // The stroke, half on each side of the frame's path, stays inside the cell: a neighbour is never edged by it.
      const half = Number(frame.getAttribute("stroke-width")) / 2;
      expect(half).toBeGreaterThanOrEqual(1.5);
      expect(fx - half).toBeGreaterThan(cx);
      expect(fy - half).toBeGreaterThan(cy);
      expect(fx + fw + half).toBeLessThan(cx + cw);
      expect(fy + fh + half).toBeLessThan(cy + ch);
    }
  });

  test("a cell that misses the target between cells that meet it is not framed, and none met draws no frame", () => {
    const checker: SweepCell[] = [
      { x: 1, y: 1, value: 1, ci95: null, cost: null },
      { x: 2, y: 1, value: 9, ci95: null, cost: null },
      { x: 3, y: 1, value: 1, ci95: null, cost: null },
      { x: 2, y: 2, value: 1, ci95: null, cost: null },
    ];
    expect(framed(sweepHeatmap(checker, { ...options, target: 5 }))).toEqual(["1|1", "2|2", "3|1"]);
    expect(sweepHeatmap(checker, { ...options, target: 0 }).querySelector(".gridgov-target-frame")).toBeNull();
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
    // A mean on the target with an interval above it is framed but has no tick.
    const edge = sweepHeatmap([{ x: 1, y: 1, value: 30, ci95: [25, 35], cost: null }], options);
    expect(edge.querySelector(".gridgov-cell-value")?.textContent).toBe("30");
    expect(edge.querySelector("rect.gridgov-target-frame")).not.toBeNull();
  });

  test("staffing grows upwards and grid size rightwards", () => {
    const figure = sweepHeatmap(cells, options);
    const pos = (x: number, y: number) => {
      const r = figure.querySelector(`g.gridgov-cell[data-x="${x}"][data-y="${y}"] rect.gridgov-cell-fill`)!;
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
