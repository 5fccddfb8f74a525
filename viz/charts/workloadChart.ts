import * as d3 from "d3";
import type { HoursByActivity } from "../../sim/metrics/ReplicationCollector.js";
import { meanInterval } from "../../sim/metrics/studentT.js";
import type { ValueSummary } from "../../sim/metrics/summarize.js";
import { appendTable, chartFrame, drawAxis, LEGEND_LINE, scenarioLegend, symbolPath, TITLE_HEIGHT, type Cell, type FrameOptions, type G } from "./chartFrame.js";
import { labelColor } from "./colorRamp.js";
import { fitText, formatEstimate, formatRounded, px, replicationsPhrase } from "./format.js";
import { intervalPanel, noteWidthOf } from "./intervalPanel.js";
import type { ScenarioRun } from "./ScenarioRun.js";

/** Options of {@link workloadChart}. */
export interface WorkloadChartOptions extends FrameOptions {
  /** Total width (px). Default 640. */
  width?: number;
  /** Accessible and visible title. Default "Workload of grid workers". */
  title?: string;
}

/** The on-duty activities stacked in the bars, in stack order, with their names and greys (off duty is left out; `available` = patrol + idle). */
export const STACKED_ACTIVITIES: ReadonlyArray<{ key: keyof HoursByActivity; label: string; fill: string }> = [
  { key: "handling", label: "Handling on site", fill: "#252525" },
  { key: "travel", label: "Travel", fill: "#525252" },
  { key: "returning", label: "Returning to post", fill: "#737373" },
  { key: "verifying", label: "Verifying", fill: "#969696" },
  { key: "admin", label: "Admin", fill: "#bdbdbd" },
  { key: "patrol", label: "Patrol", fill: "#d9d9d9" },
  { key: "idle", label: "Idle (free)", fill: "#f7f7f7" },
];

const HOURS_PER_WEEK_IN_MINUTES = 7 * 24 * 60;
const LABEL_WIDTH = 150;
const NOTE_WIDTH = 130;
const BAR_ROW = 26;

interface Estimate {
  mean: number | null;
  ci95: [number, number] | null;
}

/**
 * The grid workers' week per scenario: hours per worker per week in each on-duty
 * activity as stacked bars (means over replications, greys with labels; scenarios keep
 * their colour and symbol on the row labels), then utilisation, overtime and workload
 * Gini with their 95 % intervals. All scenarios share each axis.
 */
export function workloadChart(runs: readonly ScenarioRun[], options: WorkloadChartOptions = {}): HTMLElement {
  const { width = 640, id, document } = options;
  const title = options.title ?? "Workload of grid workers";
  const hours = runs.map(weeklyHours);
  const caption =
    `Hours per worker per week in each on-duty activity: means over ${replicationsPhrase(runs.map((r) => r.replications.length))} ` +
    `(off-duty hours left out; each activity's 95% confidence interval is in the table). ` +
    `Below: worker utilisation, overtime and the Gini coefficient of busy hours across workers (0 = equal), with bars for 95% confidence intervals; a single replication gives no interval.`;
  const frame = chartFrame({ kind: "workload", title, caption, width, height: 100, id, document });
  const { svg } = frame;
  let y = TITLE_HEIGHT + 8;
  y += scenarioLegend(svg, runs, { x: 0, y, width }) + 8;
  y += activityKey(svg, y, width) + 12;

  // Stacked bars.
  const bars = svg.append("g").attr("class", "gridgov-bars").attr("transform", `translate(0,${px(y)})`);
  bars.append("text").attr("class", "gridgov-panel-title").attr("y", 12).attr("font-weight", "bold").text("Hours per worker per week, by activity");
  const totals = hours.map((h) => d3.sum(STACKED_ACTIVITIES, (a) => h[a.key].mean ?? 0));
  const x = d3.scaleLinear().domain([0, d3.max(totals) || 1]).nice().range([LABEL_WIDTH + 8, width - 16]);
  runs.forEach((run, k) => {
    const row = bars.append("g").attr("class", "gridgov-bar").attr("data-scenario", run.index).attr("transform", `translate(0,${22 + k * BAR_ROW})`);
    rowLabel(row, run, BAR_ROW / 2);
    let start = 0;
    for (const a of STACKED_ACTIVITIES) {
      const v = hours[k][a.key].mean ?? 0;
      const x0 = x(start);
      const w = x(start + v) - x0;
      const seg = row.append("g").attr("class", "gridgov-segment").attr("data-activity", a.key);
      seg.append("title").text(`${run.name}: ${a.label} ${formatRounded(v)} h per week`);
      seg.append("rect").attr("x", px(x0)).attr("y", 3).attr("width", px(Math.max(0, w))).attr("height", BAR_ROW - 6).attr("fill", a.fill).attr("stroke", "#444").attr("stroke-width", 0.5);
      if (w >= 30) seg.append("text").attr("x", px(x0 + w / 2)).attr("y", BAR_ROW / 2).attr("dy", "0.32em").attr("text-anchor", "middle").attr("font-size", 10).attr("fill", labelColor(a.fill)).text(formatRounded(v, 10));
      start += v;
    }
  });
  const barsBottom = 22 + runs.length * BAR_ROW;
  drawAxis(bars, d3.axisBottom(x).ticks(6), {
    transform: `translate(0,${barsBottom})`,
    label: "Hours per worker per week",
    labelX: (x.range()[0] + x.range()[1]) / 2,
    labelY: 30,
    anchor: "middle",
  });
  y += barsBottom + 52;

  // Utilisation, overtime, Gini.
  const panels: Array<{ title: string; factor: number; pick: (r: ScenarioRun) => ValueSummary; unit: string }> = [
    { title: "Worker utilisation (% of on-duty time busy)", factor: 100, pick: (r) => r.result.metrics.workerUtilization, unit: "%" },
    { title: "Overtime (hours per worker per week)", factor: 1, pick: (r) => r.result.metrics.overtimeHoursPerWeek, unit: " h" },
    { title: "Workload Gini across workers (0 = equal)", factor: 1, pick: (r) => r.result.metrics.workloadGini, unit: "" },
  ];
  const panelRows = panels.map((p) =>
    runs.map((run) => {
      const v = p.pick(run);
      const mean = v.mean === null ? null : v.mean * p.factor;
      const ci95: [number, number] | null = v.ci95 ? [v.ci95[0] * p.factor, v.ci95[1] * p.factor] : null;
      return { label: run.name, color: run.color, index: run.index, value: mean, ci95, note: formatEstimate(mean, ci95, p.unit) };
    }),
  );
  // One note column for all three panels, as wide as their widest note, so their axes line up.
  const noteWidth = Math.max(NOTE_WIDTH, ...panelRows.map(noteWidthOf));
  panels.forEach((p, k) => {
    const g = svg.append("g").attr("class", "gridgov-summary-panel").attr("transform", `translate(0,${px(y)})`);
    y += 12 + intervalPanel(g, panelRows[k], { width, title: p.title, labelWidth: LABEL_WIDTH, noteWidth });
  });
  frame.setHeight(y);

  const rows: Cell[][] = [];
  runs.forEach((run, k) => {
    const add = (measure: string, unit: string, e: Estimate) => rows.push([run.name, measure, unit, e.mean, e.ci95?.[0] ?? null, e.ci95?.[1] ?? null]);
    add("Workers", "", { mean: run.result.workers.count, ci95: null });
    add("Off duty", "h per worker per week", hours[k].offDuty);
    for (const a of STACKED_ACTIVITIES) add(a.label, "h per worker per week", hours[k][a.key]);
    add("Worker utilisation", "share", run.result.metrics.workerUtilization);
    add("Overtime", "h per worker per week", run.result.metrics.overtimeHoursPerWeek);
    add("Workload Gini", "", run.result.metrics.workloadGini);
  });
  appendTable(frame, {
    caption: `Workload per scenario: means over the replications with 95% confidence intervals (none from a single replication).`,
    columns: ["Scenario", "Measure", "Unit", "Mean", "95% CI low", "95% CI high"],
    rows,
  });
  return frame.figure;
}

/** Each activity's hours per worker per week: mean over the replications and its 95 % interval. */
function weeklyHours(run: ScenarioRun): Record<keyof HoursByActivity, Estimate> {
  const reps = run.replications.filter((r) => r.measuredMinutes > 0);
  const keys = Object.keys(reps[0]?.workers.hoursByActivity ?? {}) as Array<keyof HoursByActivity>;
  const out = {} as Record<keyof HoursByActivity, Estimate>;
  for (const a of STACKED_ACTIVITIES.map((s) => s.key).concat(["offDuty"])) out[a] = { mean: null, ci95: null };
  for (const a of keys) {
    const values = reps.map((r) => (r.workers.hoursByActivity[a] * HOURS_PER_WEEK_IN_MINUTES) / r.measuredMinutes);
    const iv = meanInterval(values, 0);
    out[a] = { mean: values.length ? iv.mean : null, ci95: values.length > 1 ? [iv.ci95[0], iv.ci95[1]] : null };
  }
  return out;
}

/** A scenario's row label: its symbol in its colour, then its name. */
function rowLabel(row: G, run: ScenarioRun, cy: number): void {
  row.append("path").attr("d", symbolPath(run.index, 48)).attr("transform", `translate(6,${cy})`).attr("fill", run.color);
  row.append("text").attr("x", LABEL_WIDTH).attr("y", cy).attr("dy", "0.32em").attr("text-anchor", "end").text(fitText(run.name, LABEL_WIDTH - 16));
}

/** The key to the greys of the activities, wrapped in columns of 150 px. Returns its height. */
function activityKey(svg: G | ReturnType<typeof chartFrame>["svg"], top: number, width: number): number {
  const perRow = Math.max(1, Math.floor(width / 150));
  const g = svg.append("g").attr("class", "gridgov-activity-key").attr("transform", `translate(0,${px(top)})`);
  STACKED_ACTIVITIES.forEach((a, k) => {
    const item = g.append("g").attr("transform", `translate(${(k % perRow) * 150},${Math.floor(k / perRow) * LEGEND_LINE})`);
    item.append("rect").attr("y", 3).attr("width", 14).attr("height", 12).attr("fill", a.fill).attr("stroke", "#444").attr("stroke-width", 0.5);
    item.append("text").attr("x", 20).attr("y", 9).attr("dy", "0.32em").text(a.label);
  });
  return Math.ceil(STACKED_ACTIVITIES.length / perRow) * LEGEND_LINE;
}
