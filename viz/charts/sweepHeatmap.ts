import * as d3 from "d3";
import { appendTable, chartFrame, drawAxis, noDataFill, TITLE_HEIGHT, type FrameOptions } from "./chartFrame.js";
import { COLOR_LEGEND_HEIGHT, colorLegend, labelColor, sequentialScale, type SequentialScheme } from "./colorRamp.js";
import { formatNumber, formatRounded, px, replicationsPhrase } from "./format.js";

/** One point of a sweep: grid size `x` × staffing `y`, its measured value with 95 % interval, and its staff cost per year (CNY). */
export interface SweepCell {
  x: number;
  y: number;
  value: number | null;
  ci95: [number, number] | null;
  cost: number | null;
}

/** Options of {@link sweepHeatmap}. */
export interface SweepHeatmapOptions extends FrameOptions {
  /** Name of the x parameter, e.g. "Households per grid". */
  xLabel: string;
  /** Name of the y parameter, e.g. "Workers per grid". */
  yLabel: string;
  /** Name of the measure, e.g. "Mean response time". */
  metric: string;
  /** Unit of the measure (none by default). */
  unit?: string;
  /** Target the measure should not exceed (lower is better): cells with value ≤ target meet it. */
  target: number;
  /** How many replications each cell averages (stated in the caption). */
  replications: number;
  /** Colour-vision-safe sequential scheme, dark = low. Default "cividis". */
  scheme?: SequentialScheme;
  /** Total width (px). Default 640. */
  width?: number;
  /** Height of a row of cells (px). Default 44. */
  rowHeight?: number;
  /** Accessible and visible title. Default "<metric> by <xLabel> and <yLabel>". */
  title?: string;
}

/** Whether a cell meets the target: "sure" (upper 95 % limit ≤ target), "mean" (only the mean ≤ target), "no", or null without a value. */
export type TargetVerdict = "sure" | "mean" | "no" | null;

/** The verdict of one cell against `target`. */
export function meetsTarget(cell: SweepCell, target: number): TargetVerdict {
  if (cell.value === null || !Number.isFinite(cell.value)) return null;
  if (cell.value > target) return "no";
  return cell.ci95 !== null && cell.ci95[1] <= target ? "sure" : "mean";
}

const MARGIN = { left: 72, right: 16, bottom: 48 };
const costFormat = d3.format(".3~s");

/**
 * A sweep of grid size (x) × staffing (y) as a heatmap: each cell coloured by its value,
 * labelled with the value (✓ when even its upper 95 % limit meets the target) and the
 * staff cost per year; each cell whose mean meets the target (value ≤ target) has a
 * thick frame inside its own edges, so a cell that misses it is never boxed in by its
 * neighbours' frames. Missing values are hatched grey.
 */
export function sweepHeatmap(cells: readonly SweepCell[], options: SweepHeatmapOptions): HTMLElement {
  const { xLabel, yLabel, metric, unit = "", target, replications, scheme = "cividis", width = 640, rowHeight = 44, id, document } = options;
  const title = options.title ?? `${metric} by ${xLabel.toLowerCase()} and ${yLabel.toLowerCase()}`;
  const unitText = unit ? ` ${unit}` : "";
  const xs = [...new Set(cells.map((c) => c.x))].sort((a, b) => a - b);
  const ys = [...new Set(cells.map((c) => c.y))].sort((a, b) => a - b);
  const at = new Map(cells.map((c) => [`${c.x}|${c.y}`, c]));
  const verdict = (i: number, j: number) => {
    const c = at.get(`${xs[i]}|${ys[j]}`);
    return c ? meetsTarget(c, target) : null;
  };
  const meets = (i: number, j: number) => i >= 0 && j >= 0 && i < xs.length && j < ys.length && (verdict(i, j) === "sure" || verdict(i, j) === "mean");
  const known = cells.map((c) => c.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const extent = d3.extent(known) as [number, number] | [undefined, undefined];
  const color = sequentialScale(scheme, extent[0] === undefined ? [0, 1] : (extent as [number, number]));
  const missing = known.length < xs.length * ys.length;
  const caption =
    `${metric}${unit ? ` (${unit})` : ""} for each combination of ${xLabel.toLowerCase()} and ${yLabel.toLowerCase()}: each cell is the mean over ${replicationsPhrase([replications], false)} ` +
    `(95% confidence intervals in the table), with the staff cost per year (CNY) below it. ` +
    `Thick frame: cells whose mean meets the target of at most ${formatNumber(target)}${unitText}; ✓: the upper end of the 95% interval meets it too.` +
    (missing ? " Hatched grey: no data." : "");

  const keyTop = TITLE_HEIGHT + 8;
  const top = keyTop + COLOR_LEGEND_HEIGHT + 8 + 2 * 18 + 12;
  const plotHeight = ys.length * rowHeight;
  const frame = chartFrame({ kind: "sweep", title, caption, width, height: top + plotHeight + MARGIN.bottom, id, document });
  const { svg } = frame;
  colorLegend(frame, svg, color, { x: MARGIN.left, y: keyTop, width: Math.min(320, width - MARGIN.left - MARGIN.right), label: `${metric}${unit ? ` (${unit})` : ""}`, noData: missing });
  drawTargetKey(svg, MARGIN.left, keyTop + COLOR_LEGEND_HEIGHT + 8, `mean meets the target (≤ ${formatNumber(target)}${unitText})`);
  const frameAround = (g: d3.Selection<SVGGElement, unknown, null, undefined>, x0: number, y0: number, w: number, h: number) => {
    // Inside the cell's white edge: a white halo, then black, both clear of the neighbours.
    for (const [cls, colour, width] of [["gridgov-target-halo", "white", 5], ["gridgov-target-frame", "black", 3]] as const) {
      g.append("rect").attr("class", cls).attr("x", px(x0 + 3.5)).attr("y", px(y0 + 3.5)).attr("width", px(w - 7)).attr("height", px(h - 7)).attr("fill", "none").attr("stroke", colour).attr("stroke-width", width);
    }
  };

  const x = d3.scaleBand<number>().domain(xs).range([MARGIN.left, width - MARGIN.right]);
  // Staffing grows upwards: the first y value is the bottom row.
  const y = d3.scaleBand<number>().domain([...ys].reverse()).range([top, top + plotHeight]);
  const plot = svg.append("g").attr("class", "gridgov-plot");
  const hatch = missing ? noDataFill(frame) : "";
  xs.forEach((xv, i) =>
    ys.forEach((yv, j) => {
      const c = at.get(`${xv}|${yv}`);
      const v = c?.value ?? null;
      const ok = v !== null && Number.isFinite(v);
      const fill = ok ? color(v) : hatch;
      const vd = verdict(i, j);
      const g = plot.append("g").attr("class", `gridgov-cell${vd === "sure" || vd === "mean" ? " gridgov-meets-target" : ""}`).attr("data-x", xv).attr("data-y", yv).attr("data-meets", vd ?? "no-data");
      g.append("title").text(`${xLabel} ${formatNumber(xv)}, ${yLabel} ${formatNumber(yv)}: ${cellText(c, unitText)}`);
      g.append("rect").attr("class", "gridgov-cell-fill").attr("x", px(x(xv)!)).attr("y", px(y(yv)!)).attr("width", px(x.bandwidth())).attr("height", px(y.bandwidth())).attr("fill", fill).attr("stroke", "white");
      if (meets(i, j)) frameAround(g, x(xv)!, y(yv)!, x.bandwidth(), y.bandwidth());
      const cx = px(x(xv)! + x.bandwidth() / 2);
      const cy = y(yv)! + y.bandwidth() / 2;
      const ink = ok ? labelColor(fill) : "black";
      g.append("text").attr("class", "gridgov-cell-value").attr("x", cx).attr("y", px(cy - 6)).attr("text-anchor", "middle").attr("font-weight", "bold").attr("fill", ink).text(ok ? `${formatRounded(v, Math.max(10, Math.abs(v)))}${vd === "sure" ? " ✓" : ""}` : "no data");
      if (c?.cost != null && Number.isFinite(c.cost)) g.append("text").attr("class", "gridgov-cell-cost").attr("x", cx).attr("y", px(cy + 10)).attr("text-anchor", "middle").attr("font-size", 10).attr("fill", ink).text(`CNY ${costFormat(c.cost)}`);
    }),
  );

  drawAxis(svg, d3.axisBottom(x).tickFormat((v) => formatNumber(v)), { transform: `translate(0,${top + plotHeight})`, label: xLabel, labelX: (MARGIN.left + width - MARGIN.right) / 2, labelY: 34, anchor: "middle" });
  drawAxis(svg, d3.axisLeft(y).tickFormat((v) => formatNumber(v)), { transform: `translate(${MARGIN.left},0)`, label: yLabel, labelX: -MARGIN.left, labelY: top - 8 });

  const words: Record<Exclude<TargetVerdict, null>, string> = { sure: "yes, with its 95% interval", mean: "on average only", no: "no" };
  appendTable(frame, {
    caption: `${metric}${unit ? ` (${unit})` : ""} per sweep point: mean over ${replicationsPhrase([replications], false)} with its 95% confidence interval, staff cost per year (CNY), and whether it meets the target of at most ${formatNumber(target)}${unitText}.`,
    columns: [xLabel, yLabel, `${metric}${unit ? ` (${unit})` : ""}`, "95% CI low", "95% CI high", "Cost per year (CNY)", "Meets target"],
    rows: [...cells]
      .sort((a, b) => a.x - b.x || a.y - b.y)
      .map((c) => {
        const vd = meetsTarget(c, target);
        return [formatNumber(c.x), c.y, c.value, c.ci95?.[0] ?? null, c.ci95?.[1] ?? null, c.cost, vd === null ? "no data" : words[vd]];
      }),
  });
  return frame.figure;
}

function cellText(c: SweepCell | undefined, unitText: string): string {
  if (!c || c.value === null || !Number.isFinite(c.value)) return "no data";
  const ci = c.ci95 ? ` (95% CI ${formatNumber(c.ci95[0])} to ${formatNumber(c.ci95[1])})` : " (no interval)";
  return `${formatNumber(c.value)}${unitText}${ci}${c.cost !== null ? `, CNY ${formatNumber(c.cost)} a year` : ""}`;
}

/** The key to the frame and the tick. */
function drawTargetKey(svg: ReturnType<typeof chartFrame>["svg"], x: number, top: number, text: string): void {
  const g = svg.append("g").attr("class", "gridgov-key").attr("transform", `translate(${x},${top})`);
  g.append("rect").attr("x", 2).attr("y", 3).attr("width", 24).attr("height", 12).attr("fill", "none").attr("stroke", "black").attr("stroke-width", 3);
  g.append("text").attr("x", 34).attr("y", 9).attr("dy", "0.32em").text(`Thick frame: ${text}`);
  g.append("text").attr("x", 14).attr("y", 27).attr("dy", "0.32em").attr("text-anchor", "middle").attr("font-weight", "bold").text("✓");
  g.append("text").attr("x", 34).attr("y", 27).attr("dy", "0.32em").text("its upper 95% limit meets the target too");
}
