import * as d3 from "d3";
import { INCIDENT_METRIC_LABELS, type IncidentMetricName } from "../../sim/metrics/incidentReporters.js";
import { appendTable, chartFrame, drawAxis, scenarioLegend, symbolPath, TITLE_HEIGHT, type FrameOptions } from "./chartFrame.js";
import { ecdf, ecdfEnvelope, binEdges, poolHistograms, type EcdfPoint } from "./ecdf.js";
import { capitalise, formatNumber, formatRounded, px, replicationsPhrase } from "./format.js";
import { scenarioMark } from "./palette.js";
import type { ScenarioRun } from "./ScenarioRun.js";

/** Options of {@link distributionChart}. */
export interface DistributionChartOptions extends FrameOptions {
  /** The incident time shown: "responseTime" (registered → first on site), "resolutionTime" (registered → closed) or another incident measure. */
  metric: IncidentMetricName;
  /** x scale: "log" (default; the times span minutes to days) or "linear" (from 0). */
  scale?: "log" | "linear";
  /** On a log scale, the shortest time drawn (minutes); shorter times are drawn at it. Default 0.1. */
  logFloor?: number;
  /** Total width (px). Default 640. */
  width?: number;
  /** Height of the plotting area (px). Default 260. */
  plotHeight?: number;
  /** Accessible and visible title. Default "Distribution of <measure>". */
  title?: string;
}

/** Plain-words names of the incident measures. */
export const METRIC_LABELS = INCIDENT_METRIC_LABELS;

interface Curve {
  run: ScenarioRun;
  n: number;
  curve: EcdfPoint[];
  band: Array<{ x: number; lo: number; hi: number }>;
  p50: number;
  p90: number;
  p95: number;
  min: number;
  max: number;
}

// Room on the right for half of the last tick label ("1,000,000" at 10 px).
const MARGIN = { left: 52, right: 28, bottom: 44 };

/**
 * The distribution of an incident time per scenario, as empirical distribution
 * functions (share of incidents done within x minutes) pooled over all replications,
 * with a band from the lowest to the highest replication's curve and the 90th
 * percentile marked and labelled on each curve. All scenarios share one x scale.
 */
export function distributionChart(runs: readonly ScenarioRun[], options: DistributionChartOptions): HTMLElement {
  const { metric, scale = "log", logFloor = 0.1, width = 640, plotHeight = 260, id, document } = options;
  const label = METRIC_LABELS[metric];
  const title = options.title ?? `Distribution of ${label}`;
  const curves = runs.map((run) => curveOf(run, metric));
  const total = d3.sum(curves, (c) => c.n);
  const measured = curves.filter((c) => c.n > 0);
  const hi = d3.max(measured, (c) => c.max) ?? 1;
  const lo = d3.min(measured, (c) => c.min) ?? 0;
  const caption =
    `Share of incidents whose ${label} was at most the time on the x axis (minutes, ${scale} scale), ` +
    `${formatNumber(total)} incidents from ${replicationsPhrase(runs.map((r) => r.replications.length))}. ` +
    `Lines pool every incident of a scenario; shaded bands run from the lowest to the highest single replication's curve (no confidence interval is drawn); ` +
    `ticks on the 90 % line mark each scenario's 90th percentile (p90), given in the legend.` +
    (scale === "log" && lo < logFloor ? ` Times under ${formatNumber(logFloor)} min are drawn at ${formatNumber(logFloor)} min.` : "");

  const legendHeight = runs.length * 18;
  const top = TITLE_HEIGHT + 8 + legendHeight + 24;
  const height = top + plotHeight + MARGIN.bottom;
  const frame = chartFrame({ kind: "distribution", title, caption, width, height, id, document });
  const { svg } = frame;
  // Each scenario's p90 in its legend line: labels by the ticks would cross the other scenarios' curves.
  const p90Of = new Map(measured.map((c) => [c.run.index, c.p90]));
  const legendItems = runs.map((r) => (p90Of.has(r.index) ? { ...r, note: `p90 ${formatRounded(p90Of.get(r.index)!)} min` } : r));
  scenarioLegend(svg, legendItems, { x: MARGIN.left, y: TITLE_HEIGHT + 8, width: width - MARGIN.left - MARGIN.right });

  const range: [number, number] = [MARGIN.left, width - MARGIN.right];
  const x =
    scale === "log"
      ? d3.scaleLog().domain([Math.max(logFloor, lo), Math.max(hi, Math.max(logFloor, lo) * 10)]).nice().range(range).clamp(true)
      : d3.scaleLinear().domain([0, hi > 0 ? hi : 1]).nice().range(range).clamp(true);
  const y = d3.scaleLinear().domain([0, 1]).range([top + plotHeight, top]);
  const plot = svg.append("g").attr("class", "gridgov-plot");
  plot.append("line").attr("class", "gridgov-reference").attr("x1", range[0]).attr("x2", range[1]).attr("y1", px(y(0.9))).attr("y2", px(y(0.9))).attr("stroke", "#999").attr("stroke-dasharray", "2 3");
  plot.append("text").attr("x", range[0] + 4).attr("y", px(y(0.9) - 4)).attr("fill", "#555").text("90 %");

  const line = d3.line<EcdfPoint>().x((d) => px(x(d.x))).y((d) => px(y(d.p))).digits(2);
  const area = d3.area<{ x: number; lo: number; hi: number }>().x((d) => px(x(d.x))).y0((d) => px(y(d.lo))).y1((d) => px(y(d.hi))).digits(2);
  for (const c of curves) {
    if (c.n === 0) continue;
    const g = plot.append("g").attr("class", "gridgov-scenario").attr("data-scenario", c.run.index);
    if (c.band.length) g.append("path").attr("class", "gridgov-band").attr("d", area(perHalfPixel(c.band, (d) => x(d.x)))).attr("fill", c.run.color).attr("fill-opacity", 0.15);
    g.append("path")
      .attr("class", "gridgov-ecdf")
      .attr("d", line(perHalfPixel(c.curve, (d) => x(d.x))))
      .attr("fill", "none")
      .attr("stroke", c.run.color)
      .attr("stroke-width", 2)
      .attr("stroke-dasharray", scenarioMark(c.run.index).dash || null);
  }
  for (const c of measured) {
    const cx = px(x(c.p90));
    const cy = px(y(0.9));
    const g = plot.append("g").attr("class", "gridgov-p90").attr("data-scenario", c.run.index).attr("data-value", c.p90);
    g.append("title").text(`${c.run.name}: p90 ${formatRounded(c.p90)} min`);
    g.append("line").attr("x1", cx).attr("x2", cx).attr("y1", cy - 9).attr("y2", cy + 9).attr("stroke", c.run.color).attr("stroke-width", 2.5);
    g.append("path").attr("d", symbolPath(c.run.index, 40)).attr("transform", `translate(${cx},${cy})`).attr("fill", c.run.color).attr("stroke", "white");
  }
  if (measured.length === 0) plot.append("text").attr("x", (range[0] + range[1]) / 2).attr("y", y(0.5)).attr("text-anchor", "middle").text("No incidents measured");

  const ticks = scale === "log" ? logTicks(x.ticks(), (range[1] - range[0]) / 45) : x.ticks(Math.floor((range[1] - range[0]) / 70));
  drawAxis(svg, d3.axisBottom(x).tickValues(ticks).tickFormat(d3.format(",~g")), {
    transform: `translate(0,${top + plotHeight})`,
    label: `${capitalise(label)} (minutes${scale === "log" ? ", log scale" : ""})`,
    labelX: (range[0] + range[1]) / 2,
    labelY: 34,
    anchor: "middle",
  });
  drawAxis(svg, d3.axisLeft(y).ticks(5, ".0%"), { transform: `translate(${MARGIN.left},0)`, label: "Share of incidents", labelX: -MARGIN.left, labelY: top - 8 });

  appendTable(frame, {
    caption: `${capitalise(label)} (minutes) per scenario: incidents pooled over all replications; mean of the replication means with its 95% confidence interval.`,
    columns: ["Scenario", "Replications", "Incidents", "Mean", "Mean 95% CI low", "Mean 95% CI high", "Median", "p90", "p95"],
    rows: curves.map((c) => {
      const m = c.run.result.metrics[metric];
      const q = (v: number) => (c.n > 0 ? v : null);
      return [c.run.name, c.run.replications.length, c.n, m.mean, m.ci95?.[0] ?? null, m.ci95?.[1] ?? null, q(c.p50), q(c.p90), q(c.p95)];
    }),
  });
  return frame.figure;
}

function curveOf(run: ScenarioRun, metric: IncidentMetricName): Curve {
  const hists = run.replications.map((r) => r.metrics[metric].histogram);
  const pooled = poolHistograms(hists);
  const data = pooled.toJSON();
  const base = { run, n: pooled.n, p50: pooled.quantile(0.5), p90: pooled.quantile(0.9), p95: pooled.quantile(0.95), min: pooled.min, max: pooled.max };
  if (pooled.n === 0) return { ...base, curve: [], band: [] };
  const envelope = ecdfEnvelope(hists, data.bins)!;
  const band = [{ x: pooled.min, lo: 0, hi: 0 }];
  data.bins.forEach((b, k) => band.push({ x: Math.min(pooled.max, Math.max(pooled.min, binEdges(b)[1])), lo: envelope.lo[k], hi: envelope.hi[k] }));
  return { ...base, curve: ecdf(data), band };
}

/** Log ticks at 1, 2 and 5 times powers of ten, or powers of ten only if those are too many. */
function logTicks(all: number[], most: number): number[] {
  const lead = (v: number) => Math.round(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)));
  const ticks = all.filter((v) => [1, 2, 5].includes(lead(v)));
  return ticks.length <= most ? ticks : all.filter((v) => lead(v) === 1);
}

/**
 * The points of a rising curve thinned to the last one in each half pixel along x (the
 * first point always kept): the same drawing with a fraction of the points, since a
 * pooled histogram has a point per 0.4 % of x.
 */
export function perHalfPixel<T>(points: readonly T[], xOf: (p: T) => number): T[] {
  const out: T[] = [];
  let column = NaN;
  for (const p of points) {
    const c = Math.round(xOf(p) * 2);
    if (c === column && out.length > 1) out[out.length - 1] = p;
    else {
      out.push(p);
      column = c;
    }
  }
  return out;
}
