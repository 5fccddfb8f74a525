import type { MeasureComparison } from "../../sim/experiments/compareRuns.js";
import { appendTable, chartFrame, LEGEND_LINE, scenarioLegend, TITLE_HEIGHT, type FrameOptions } from "./chartFrame.js";
import { describeDifference } from "./describeDifference.js";
import { capitalise, displayUnit, formatEstimate, px, replicationsPhrase, truncate, withoutSharedLeadIn } from "./format.js";
import { intervalPanel, noteWidthOf, type IntervalRow } from "./intervalPanel.js";
import type { ScenarioRun } from "./ScenarioRun.js";

/** Options of {@link forestPlot}. */
export interface ForestPlotOptions extends FrameOptions {
  /** Measure names to show, in this order (as in `MeasureComparison.measure`). Default: all, in the comparisons' order. */
  measures?: readonly string[];
  /** Total width (px). Default 640. */
  width?: number;
  /** Accessible and visible title. Default "Differences from <baseline>". */
  title?: string;
}

const LABEL_WIDTH = 150;

/** Measures whose per-replication figure is itself a percentile: their differences are of the replications' own percentiles. */
const PERCENTILE = /\.p\d+$/;
const NOTE_WIDTH = 170;

/**
 * Paired differences of each scenario from the baseline (`runs[0]`), one panel per
 * measure with its own x axis shared by all scenarios: point estimate, 95 % interval
 * and a zero line. Differences whose interval excludes zero are drawn with a filled
 * marker, a solid bar and a bold figure; the others hollow, dashed and plain.
 * `comparisons[i]` compares `runs[i + 1]` with the baseline, as `compareRuns` returns.
 */
export function forestPlot(runs: readonly ScenarioRun[], comparisons: readonly MeasureComparison[][], options: ForestPlotOptions = {}): HTMLElement {
  const { width = 640, id, document } = options;
  const base = runs[0];
  const reforms = runs.slice(1, comparisons.length + 1);
  const baseName = base?.name ?? "the baseline";
  const title = options.title ?? `Differences from ${truncate(baseName, 40)}`;
  const names = options.measures ?? (comparisons[0] ?? []).map((c) => c.measure);
  const panels = names.map((measure) => ({ measure, rows: reforms.map((run, k) => ({ run, c: comparisons[k].find((c) => c.measure === measure) })) }));
  const caption =
    `Paired differences from ${baseName} (scenario minus baseline), replication by replication with the same random numbers, ` +
    `${replicationsPhrase(runs.map((r) => r.replications.length))}; bars are 95% confidence intervals. ` +
    `Filled markers, solid bars and bold figures: the interval excludes zero (a clear difference); hollow markers and dashed bars: it includes zero. ` +
    `Differences from a single replication have no interval.` +
    (names.some((m) => PERCENTILE.test(m))
      ? ` A percentile here is each replication's own, averaged over the replications (the summary table pools every incident of every replication, so its percentile differs a little).`
      : "");

  const legendTop = TITLE_HEIGHT + 8;
  const keyTop = legendTop + reforms.length * LEGEND_LINE + 6;
  const panelTop = keyTop + 2 * LEGEND_LINE + 12;
  const frame = chartFrame({ kind: "forest", title, caption, width, height: panelTop + 40, id, document });
  const { svg } = frame;
  scenarioLegend(svg, reforms, { x: 0, y: legendTop, width });
  drawKey(frame.svg, keyTop);

  if (reforms.length === 0 || panels.length === 0) {
    svg.append("text").attr("y", panelTop + 20).text("Nothing to compare: needs a baseline and at least one other scenario.");
  }
  // Row labels without the lead-in all the compared names share ("Reform: "): the legend above has the full names.
  const short = withoutSharedLeadIn(reforms.map((r) => r.name));
  const rowLabel = new Map(reforms.map((r, k) => [r.index, short[k]]));
  const panelRows = panels.map(({ rows }) => {
    const u = displayUnit(rows.find((r) => r.c)?.c?.unit ?? "");
    return rows.map(({ run, c }): IntervalRow => {
      const d = c?.difference;
      const value = d?.mean != null ? d.mean * u.factor : null;
      const ci95: [number, number] | null = d?.ci95 ? [d.ci95[0] * u.factor, d.ci95[1] * u.factor] : null;
      return { label: rowLabel.get(run.index) ?? run.name, color: run.color, index: run.index, value, ci95, strong: d?.significant ?? false, note: formatEstimate(value, ci95) };
    });
  });
  // One note column for every measure, as wide as the widest note, so the panels line up.
  const noteWidth = Math.max(NOTE_WIDTH, ...panelRows.map(noteWidthOf));
  let y = panelTop;
  panels.forEach(({ measure, rows }, k) => {
    const first = rows.find((r) => r.c)?.c;
    const u = displayUnit(first?.unit ?? "");
    const g = svg.append("g").attr("class", "gridgov-measure").attr("data-measure", measure).attr("transform", `translate(0,${px(y)})`);
    y += 14 + intervalPanel(g, panelRows[k], {
      width,
      title: `${capitalise(first?.label ?? measure)}${PERCENTILE.test(measure) ? ", mean over replications" : ""} (${u.axis})${betterWay(measure, first?.unit ?? "")}`,
      labelWidth: LABEL_WIDTH,
      noteWidth,
      zero: true,
      // The chart's title names the baseline.
      axisLabel: `Difference from the baseline (${u.axis})`,
    });
  });

  frame.setHeight(Math.max(y, panelTop + 40));
  appendTable(frame, {
    caption: `Paired differences from ${baseName}, in each measure's own unit (shares from 0 to 1).`,
    columns: ["Measure", "Scenario", "Unit", "Baseline", "Scenario value", "Difference", "95% CI low", "95% CI high", "Paired replications", "Clear difference", "In words"],
    rows: panels.flatMap(({ measure, rows }) =>
      rows.map(({ run, c }) =>
        c
          ? [c.label, run.name, c.unit, c.baseline, c.value, c.difference.mean, c.difference.ci95?.[0] ?? null, c.difference.ci95?.[1] ?? null, c.difference.n, c.difference.significant ? "yes" : "no", describeDifference(baseName, run.name, c)]
          : [measure, run.name, "", null, null, null, null, null, 0, "no", "not compared"],
      ),
    ),
  });
  return frame.figure;
}

/**
 * Which way a difference is an improvement, for the panel's title: less time, overtime
 * and cost for the same incidents; more incidents closed in time. Utilisation has no
 * better side (idle workers patrol; busy ones keep incidents waiting).
 */
export function betterWay(measure: string, unit: string): string {
  if (measure === "timeLimitHitRate") return " · higher is better";
  if (unit === "min" || unit === "h/week" || unit === "CNY") return " · lower is better";
  return "";
}

/** The key to filled and hollow markers. */
function drawKey(svg: ReturnType<typeof chartFrame>["svg"], top: number): void {
  const g = svg.append("g").attr("class", "gridgov-key").attr("transform", `translate(0,${px(top)})`);
  const items: Array<[boolean, string]> = [
    [true, "95% CI excludes 0: clear difference"],
    [false, "95% CI includes 0: no clear difference"],
  ];
  items.forEach(([strong, text], k) => {
    const row = g.append("g").attr("transform", `translate(0,${k * LEGEND_LINE + LEGEND_LINE / 2})`);
    row.append("line").attr("x1", 0).attr("x2", 28).attr("stroke", "#444").attr("stroke-width", strong ? 2.5 : 1.5).attr("stroke-dasharray", strong ? null : "4 2");
    row.append("circle").attr("cx", 14).attr("r", 4).attr("fill", strong ? "#444" : "white").attr("stroke", "#444").attr("stroke-width", 1.5);
    row.append("text").attr("x", 36).attr("dy", "0.32em").attr("font-weight", strong ? "bold" : null).text(text);
  });
}
