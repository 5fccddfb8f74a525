import * as d3 from "d3";
import type { RunSummary } from "../../sim/metrics/summarize.js";
import { appendTable, chartFrame, drawAxis, scenarioLegend, symbolPath, TITLE_HEIGHT, type Cell, type FrameOptions } from "./chartFrame.js";
import { MINUTES_PER_DAY } from "../../sim/kernel/PoissonProcess.js";
import { formatRounded, px, replicationsPhrase } from "./format.js";
import { scenarioMark } from "./palette.js";
import { textWidth } from "./textWidth.js";
import { peakOf } from "./peakOf.js";
import type { ScenarioRun } from "./ScenarioRun.js";

/** A time series of the run results. */
export type SeriesName = keyof RunSummary["series"];

/** Options of {@link timeSeriesChart}. */
export interface TimeSeriesChartOptions extends FrameOptions {
  /** "backlogHourly" (open incidents each hour), "satisfactionDaily" (residents' mean satisfaction each day) or "residentShareDaily". */
  series: SeriesName;
  /** Mark and label each scenario's peak of the mean. Default: for the backlog only. */
  annotatePeak?: boolean;
  /** Mark when each scenario first missed a time limit (earliest replication). Default: for the backlog only. */
  annotateMissedLimit?: boolean;
  /** Total width (px). Default 640. */
  width?: number;
  /** Height of the plotting area (px). Default 240. */
  plotHeight?: number;
  /** Accessible and visible title. Default from the series. */
  title?: string;
}

interface SeriesSpec {
  title: string;
  axis: string;
  /** Days from the start of the run at point k. */
  day: (k: number) => number;
  /** When point k was taken, in words. */
  when: (k: number) => string;
  zero: boolean;
  tickFormat: string;
  format: (v: number) => string;
}

const hourly = (k: number) => `day ${Math.floor(k / 24) + 1}, ${String(k % 24).padStart(2, "0")}:00`;

const SERIES: Record<SeriesName, SeriesSpec> = {
  backlogHourly: { title: "Open incidents over time", axis: "Open incidents", day: (k) => k / 24, when: hourly, zero: true, tickFormat: ",~r", format: (v) => formatRounded(v, 1) },
  satisfactionDaily: { title: "Residents' satisfaction over time", axis: "Mean satisfaction (0–1)", day: (k) => k + 1, when: (k) => `end of day ${k + 1}`, zero: false, tickFormat: "~f", format: (v) => formatRounded(v, 0.1) },
  residentShareDaily: { title: "Share of finds reported by residents", axis: "Share of finds", day: (k) => k + 1, when: (k) => `end of day ${k + 1}`, zero: false, tickFormat: "~%", format: (v) => `${formatRounded(v * 100, 10)}%` },
};

const MARGIN = { left: 52, right: 16, bottom: 44 };
/** Least room (px) between the centres of two day numbers on the time axis. */
const DAY_LABEL_ROOM = 26;

/**
 * The days numbered on the time axis (day 1 is the first day of the run): every day when
 * there is room, else every 2nd, 5th, 7th, … day, and from every 5th on day 1 as well.
 */
export function dayNumbers(days: number, pxPerDay: number): number[] {
  const step = [1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365].find((k) => k * pxPerDay >= DAY_LABEL_ROOM) ?? 365;
  const numbers = d3.range(step, Math.floor(days) + 1, step);
  return step >= 5 ? [1, ...numbers] : numbers;
}

/**
 * A time series per scenario over the whole run (warm-up shaded): the mean over the
 * replications as a line (each scenario its own colour and dash), a band from the
 * lowest to the highest replication at each time, and the peak of each mean marked
 * and labelled. All scenarios share both axes.
 */
export function timeSeriesChart(runs: readonly ScenarioRun[], options: TimeSeriesChartOptions): HTMLElement {
  const { series, width = 640, plotHeight = 240, annotatePeak = series === "backlogHourly", annotateMissedLimit = series === "backlogHourly", id, document } = options;
  const spec = SERIES[series];
  const title = options.title ?? spec.title;
  const data = runs.map((run) => ({ run, s: run.result.series[series], peak: annotatePeak ? peakOf(run.result.series[series].mean) : null }));
  const peaks = data.filter((d) => d.peak !== null);
  const missed = annotateMissedLimit ? runs.map((run) => ({ run, minute: firstMissedLimit(run) })).filter((m): m is { run: ScenarioRun; minute: number } => m.minute !== null) : [];
  const caption =
    `${spec.axis} over the run: lines are means over ${replicationsPhrase(runs.map((r) => r.replications.length))}; ` +
    `shaded bands run from the lowest to the highest replication at each time (not a confidence interval)` +
    (runs.some((r) => r.result.scenario.warmupDays > 0) ? `; the grey area is the warm-up, not measured.` : ".") +
    (peaks.length ? ` Peak of the mean: ${peaks.map((d) => `${d.run.name} ${spec.format(d.peak!.value)} at ${spec.when(d.peak!.index)}`).join("; ")}.` : "") +
    (missed.length ? ` First missed time limit (earliest replication, marked ▼ on the time axis): ${missed.map((m) => `${m.run.name} ${clock(m.minute)}`).join("; ")}.` : "");

  const legendHeight = runs.length * 18;
  const warmup = d3.max(runs, (r) => r.result.scenario.warmupDays) ?? 0;
  const keyHeight = warmup > 0 || missed.length ? 20 : 0;
  const headroom = peaks.length ? peaks.length * 15 + 6 : 0;
  const top = TITLE_HEIGHT + 8 + legendHeight + keyHeight + 24 + headroom;
  const frame = chartFrame({ kind: "timeseries", title, caption, width, height: top + plotHeight + MARGIN.bottom, id, document });
  const { svg } = frame;
  scenarioLegend(svg, runs, { x: MARGIN.left, y: TITLE_HEIGHT + 8, width: width - MARGIN.left });
  if (keyHeight) drawKey(svg, MARGIN.left, TITLE_HEIGHT + 8 + legendHeight + 4, warmup > 0, missed.length > 0);

  const days = d3.max(runs, (r) => r.result.scenario.days) ?? 1;
  const x = d3.scaleLinear().domain([0, days]).range([MARGIN.left, width - MARGIN.right]);
  const values = data.flatMap((d) => [...d.s.min, ...d.s.max, ...d.s.mean]).filter((v): v is number => v !== null && Number.isFinite(v));
  let [lo, hi] = d3.extent(values) as [number | undefined, number | undefined];
  if (lo === undefined || hi === undefined) [lo, hi] = [0, 1];
  if (spec.zero) lo = Math.min(0, lo);
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const y = d3.scaleLinear().domain([lo, hi]).nice().range([top + plotHeight, top]);
  const plot = svg.append("g").attr("class", "gridgov-plot");

  if (warmup > 0) {
    plot.append("rect").attr("class", "gridgov-warmup").attr("x", px(x(0))).attr("y", top).attr("width", px(x(warmup) - x(0))).attr("height", plotHeight).attr("fill", WARMUP_FILL);
  }
  type Point = { k: number; lo: number | null; hi: number | null; mean: number | null };
  const area = d3.area<Point>().defined((p) => p.lo !== null && p.hi !== null).x((p) => px(x(spec.day(p.k)))).y0((p) => px(y(p.lo!))).y1((p) => px(y(p.hi!))).digits(2);
  const line = d3.line<Point>().defined((p) => p.mean !== null).x((p) => px(x(spec.day(p.k)))).y((p) => px(y(p.mean!))).digits(2);
  for (const { run, s } of data) {
    const points: Point[] = s.mean.map((mean, k) => ({ k, mean, lo: s.min[k], hi: s.max[k] }));
    const g = plot.append("g").attr("class", "gridgov-scenario").attr("data-scenario", run.index);
    g.append("path").attr("class", "gridgov-band").attr("d", area(points)).attr("fill", run.color).attr("fill-opacity", 0.15);
    g.append("path").attr("class", "gridgov-line").attr("d", line(points)).attr("fill", "none").attr("stroke", run.color).attr("stroke-width", 2).attr("stroke-dasharray", scenarioMark(run.index).dash || null);
  }
  // Each label on whichever side of its leader has more room, led by the scenario's symbol;
  // the rows ordered so that no leader runs through another scenario's label.
  const labels = peaks.map(({ run, peak }) => {
    const cx = px(x(spec.day(peak!.index)));
    const text = `peak ${spec.format(peak!.value)} at ${spec.when(peak!.index)}`;
    const side = cx > (MARGIN.left + width - MARGIN.right) / 2 ? -1 : 1;
    const reach = 15 + textWidth(text);
    return { run, peak: peak!, cx, text, side, from: side > 0 ? cx + 4 : cx - reach, to: side > 0 ? cx + reach : cx - 4 };
  });
  const labelRow = labelRows(labels);
  labels.forEach(({ run, peak, cx, text, side }, k) => {
    const cy = px(y(peak.value));
    const g = plot.append("g").attr("class", "gridgov-peak").attr("data-scenario", run.index).attr("data-index", peak.index).attr("data-value", peak.value);
    g.append("path").attr("d", symbolPath(run.index, 64)).attr("transform", `translate(${cx},${cy})`).attr("fill", run.color).attr("stroke", "white");
    const ly = px(top - headroom + 10 + labelRow[k] * 15);
    g.append("line").attr("x1", cx).attr("x2", cx).attr("y1", ly).attr("y2", cy - 6).attr("stroke", run.color).attr("stroke-width", 1).attr("stroke-dasharray", "1 2");
    g.append("path").attr("d", symbolPath(run.index, 30)).attr("transform", `translate(${cx + side * 8},${ly})`).attr("fill", run.color);
    g.append("text")
      .attr("x", cx + side * 15)
      .attr("y", ly)
      .attr("dy", "0.32em")
      .attr("text-anchor", side < 0 ? "end" : "start")
      .text(text);
  });

  // Each scenario's marker in its colour, named in its tooltip and the caption (labels in
  // the plot would overprint one another and the lines when several scenarios miss early).
  missed.forEach(({ run, minute }) => {
    const cx = px(x(minute / MINUTES_PER_DAY));
    const base = top + plotHeight;
    const g = plot.append("g").attr("class", "gridgov-missed-limit").attr("data-scenario", run.index).attr("data-minute", minute);
    g.append("line").attr("x1", cx).attr("x2", cx).attr("y1", top).attr("y2", base).attr("stroke", run.color).attr("stroke-width", 1).attr("stroke-dasharray", "4 3");
    g.append("path").attr("d", MISSED_MARK).attr("transform", `translate(${cx},${base})`).attr("fill", run.color);
    g.append("title").text(`${run.name}: first missed time limit at ${clock(minute)} (earliest of its replications)`);
  });

  // Day n spans [n − 1, n] days from the start: its number sits in the middle, ticks at the day boundaries.
  const numbered = dayNumbers(days, (x.range()[1] - x.range()[0]) / days);
  const axis = drawAxis(
    svg,
    d3.axisBottom(x).tickValues(numbered.map((n) => n - 0.5)).tickFormat((v) => String(Number(v) + 0.5)).tickSizeInner(0).tickPadding(9),
    { transform: `translate(0,${top + plotHeight})`, label: "Day of the run", labelX: (x.range()[0] + x.range()[1]) / 2, labelY: 34, anchor: "middle" },
  );
  axis.selectAll(".tick line").remove();
  const boundaries = numbered.length === Math.floor(days) ? d3.range(0, days + 1) : [0, ...numbered.map((n) => n - 1).filter((b) => b > 0), days];
  axis
    .append("g")
    .attr("class", "gridgov-day-boundaries")
    .selectAll("line")
    .data(boundaries)
    .join("line")
    .attr("x1", (b) => px(x(b)))
    .attr("x2", (b) => px(x(b)))
    .attr("y2", 6)
    .attr("stroke", "currentColor");
  drawAxis(svg, d3.axisLeft(y).ticks(5, spec.tickFormat), { transform: `translate(${MARGIN.left},0)`, label: spec.axis, labelX: -MARGIN.left, labelY: top - headroom - 8 });

  const n = d3.max(data, (d) => d.s.mean.length) ?? 0;
  const rows: Cell[][] = Array.from({ length: n }, (_, k) => [spec.when(k), ...data.flatMap(({ s }) => [s.mean[k] ?? null, s.min[k] ?? null, s.max[k] ?? null])]);
  appendTable(frame, {
    caption: `${spec.axis} at each time: mean, lowest and highest over the replications of each scenario.`,
    columns: ["Time", ...runs.flatMap((r) => [`${r.name}: mean`, `${r.name}: lowest`, `${r.name}: highest`])],
    rows,
  });
  return frame.figure;
}

const WARMUP_FILL = "#eeeeee";
/** The ▼ marking a first missed time limit, its tip at the origin. */
const MISSED_MARK = "M-5,-9L5,-9L0,0Z";

/**
 * A row (0 = top) for each peak label, so that as few leaders as possible — none, where an
 * order allows it — run down through a label in a row below theirs. A leader stands at
 * `cx`; a label covers `from`–`to`. Every order of the (at most eight) labels is tried; the
 * first with the fewest crossings, starting from the scenarios' own order, is kept.
 */
export function labelRows(labels: ReadonlyArray<{ cx: number; from: number; to: number }>): number[] {
  const n = labels.length;
  const crossings = (order: number[]) => {
    let c = 0;
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (labels[order[a]].cx >= labels[order[b]].from && labels[order[a]].cx <= labels[order[b]].to) c++;
    return c;
  };
  let best = Array.from({ length: n }, (_, k) => k);
  let fewest = crossings(best);
  const order: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const search = () => {
    if (fewest === 0) return;
    if (order.length === n) {
      const c = crossings(order);
      if (c < fewest) [best, fewest] = [[...order], c];
      return;
    }
    for (let k = 0; k < n; k++) {
      if (used[k]) continue;
      used[k] = true;
      order.push(k);
      search();
      order.pop();
      used[k] = false;
    }
  };
  if (n <= 8) search();
  const rows = new Array<number>(n);
  best.forEach((k, row) => (rows[k] = row));
  return rows;
}

/** The key to the warm-up shading and the ▼ markers, in one row at (x, y). */
function drawKey(svg: ReturnType<typeof chartFrame>["svg"], x: number, y: number, warmup: boolean, missed: boolean): void {
  const g = svg.append("g").attr("class", "gridgov-key").attr("transform", `translate(${x},${y})`);
  let at = 0;
  const item = (text: string) => {
    g.append("text").attr("x", at + 28).attr("y", 8).attr("dy", "0.32em").text(text);
    at += 28 + textWidth(text) + 16;
  };
  if (warmup) {
    g.append("rect").attr("x", at).attr("y", 2).attr("width", 22).attr("height", 12).attr("fill", WARMUP_FILL).attr("stroke", "#999").attr("stroke-width", 0.5);
    item("warm-up, not measured");
  }
  if (missed) {
    g.append("path").attr("d", MISSED_MARK).attr("transform", `translate(${at + 11},13)`).attr("fill", "#444");
    item("first time limit missed (in the scenario's colour)");
  }
}

/** The earliest first missed time limit over a run's replications (minutes from the start), or null. */
export function firstMissedLimit(run: ScenarioRun): number | null {
  const times = run.replications.map((r) => r.firstMissedLimit).filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/** "day 2, 09:14" for a time in minutes from the start of the run. */
function clock(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const m = Math.floor(minute - day * MINUTES_PER_DAY);
  return `day ${day + 1}, ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
