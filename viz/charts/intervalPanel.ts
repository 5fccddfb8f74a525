import * as d3 from "d3";
import { drawAxis, symbolPath, type G, type Svg } from "./chartFrame.js";
import { fitText, px } from "./format.js";
import { textWidth } from "./textWidth.js";

/** One row of an interval panel: a point estimate with its 95 % interval. */
export interface IntervalRow {
  /** Row label (a scenario name: drawn as text). */
  label: string;
  color: string;
  /** Scenario index: picks the symbol. */
  index: number;
  value: number | null;
  ci95: [number, number] | null;
  /** Drawn hollow with a thin dashed interval when false (e.g. an interval that includes 0). Default true. */
  strong?: boolean;
  /** Text at the right end of the row. */
  note?: string;
}

/** Layout of an interval panel. */
export interface IntervalPanelOptions {
  /** Panel width, labels and notes included. */
  width: number;
  /** Heading above the panel. */
  title: string;
  /** Width of the row labels on the left (0: none). */
  labelWidth?: number;
  /** Width of the notes on the right (0: none); widened to the widest note (see {@link noteWidthOf}). */
  noteWidth?: number;
  /** Draw a zero line and keep 0 in the domain. */
  zero?: boolean;
  /** Axis tick format (d3-format specifier). */
  tickFormat?: string;
  /** Axis label under the axis. */
  axisLabel?: string;
}

/** Height of one interval row. */
export const INTERVAL_ROW = 22;

/** Room the rows' notes need on the right (their widest, bold where strong, plus a small gap). */
export function noteWidthOf(rows: readonly IntervalRow[]): number {
  return Math.ceil(Math.max(0, ...rows.map((r) => (r.note ? textWidth(r.note, 12, r.strong ?? true) : 0)))) + 4;
}

/**
 * Draws rows of point estimates with 95 % interval bars on one shared x scale (all
 * rows), headed by `title`, with an x axis below. Returns the panel's height.
 */
export function intervalPanel(parent: Svg | G, rows: readonly IntervalRow[], options: IntervalPanelOptions): number {
  const { width, title, labelWidth = 0, zero = false, tickFormat = ",~r", axisLabel } = options;
  const noteWidth = options.noteWidth ? Math.max(options.noteWidth, noteWidthOf(rows)) : 0;
  const g = parent.append("g").attr("class", "gridgov-interval-panel");
  g.append("text").attr("class", "gridgov-panel-title").attr("y", 12).attr("font-weight", "bold").text(title);
  const top = 22;
  const plotLeft = labelWidth + 8;
  const plotRight = width - noteWidth - 8;
  const values = rows.flatMap((r) => [r.value, ...(r.ci95 ?? [])]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (zero) values.push(0);
  let [lo, hi] = d3.extent(values) as [number | undefined, number | undefined];
  if (lo === undefined || hi === undefined) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = [lo - Math.max(1, Math.abs(lo) * 0.1), hi + Math.max(1, Math.abs(hi) * 0.1)];
  const x = d3.scaleLinear().domain([lo, hi]).nice().range([plotLeft, Math.max(plotLeft + 20, plotRight)]);
  const bottom = top + rows.length * INTERVAL_ROW;
  if (zero) g.append("line").attr("class", "gridgov-zero-line").attr("x1", px(x(0))).attr("x2", px(x(0))).attr("y1", top).attr("y2", bottom).attr("stroke", "#666");
  rows.forEach((r, k) => {
    const strong = r.strong ?? true;
    const cy = top + k * INTERVAL_ROW + INTERVAL_ROW / 2;
    const row = g.append("g").attr("class", `gridgov-interval-row${strong ? " gridgov-strong" : ""}`).attr("transform", `translate(0,${px(cy)})`);
    if (labelWidth > 0) {
      row.append("text").attr("x", labelWidth).attr("dy", "0.32em").attr("text-anchor", "end").text(fitText(r.label, labelWidth - 4));
    }
    if (r.ci95) {
      row
        .append("line")
        .attr("class", "gridgov-ci")
        .attr("x1", px(x(r.ci95[0])))
        .attr("x2", px(x(r.ci95[1])))
        .attr("stroke", r.color)
        .attr("stroke-width", strong ? 2.5 : 1.5)
        .attr("stroke-dasharray", strong ? null : "4 2");
    }
    if (r.value !== null && Number.isFinite(r.value)) {
      row
        .append("path")
        .attr("class", "gridgov-estimate")
        .attr("d", symbolPath(r.index, 64))
        .attr("transform", `translate(${px(x(r.value))},0)`)
        .attr("fill", strong ? r.color : "white")
        .attr("stroke", r.color)
        .attr("stroke-width", 1.5);
    }
    if (r.note && noteWidth > 0) {
      row.append("text").attr("class", "gridgov-note").attr("x", px(width - noteWidth)).attr("dy", "0.32em").attr("font-weight", strong ? "bold" : null).text(r.note);
    }
  });
  drawAxis(g, d3.axisBottom(x).ticks(Math.max(2, Math.floor((plotRight - plotLeft) / 70)), tickFormat), {
    transform: `translate(0,${px(bottom)})`,
    label: axisLabel,
    labelX: (plotLeft + plotRight) / 2,
    labelY: 30,
    anchor: "middle",
  });
  return bottom + (axisLabel ? 40 : 26);
}
