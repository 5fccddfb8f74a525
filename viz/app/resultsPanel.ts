import { buildLayout } from "../../sim/model/Layout.js";
import {
  describeDifference,
  distributionChart,
  districtMap,
  forestPlot,
  gridValues,
  scenarioColor,
  timeSeriesChart,
  workloadChart,
  type ScenarioRun,
} from "../charts/index.js";
import type { ComparisonResult } from "../engine/runComparison.js";
import { chartCard } from "./chartCard.js";
import { download, el, nextFrame, replace } from "./el.js";
import { playbackPanel } from "./playbackPanel.js";
import { comparisonCsv, comparisonJson } from "./resultsExport.js";
import { findsTable } from "./findsTable.js";
import { glossary } from "./glossary.js";
import { summaryTable } from "./summaryTable.js";

/** The measures the plain-words summary speaks of, in order. */
const SUMMARY_MEASURES = ["responseTime.mean", "responseTime.p90", "timeLimitHitRate", "workerUtilization", "costPerYear"];

/** What the map can colour grids by; `scale` turns the engine's figure into the unit shown (a share into %, as elsewhere on the page). */
const MAP_METRICS = [
  { key: "meanResponse", label: "Mean response time", unit: "min", scale: 1 },
  { key: "occurred", label: "Incidents", unit: "per run", scale: 1 },
  { key: "utilization", label: "Worker utilisation", unit: "%", scale: 100 },
] as const;

/** The charts of one scenario set, as the charts want them. */
function scenarioRunsOf(c: ComparisonResult): ScenarioRun[] {
  return c.outcomes.map((o, index) => ({ name: o.result.scenario.name, color: scenarioColor(index), index, result: o.result, replications: o.replications }));
}

/**
 * The results of a comparison: plain-words summary and table, exports, then the
 * charts (distributions, differences, workload, time series, map, playback). Charts
 * are added one per animation frame so the page never freezes while they draw.
 */
export function resultsPanel() {
  const savedNote = el("p", { className: "status", role: "status", id: "saved-note" });
  const staleNote = el(
    "p",
    { className: "stale hidden", role: "status", id: "stale-note" },
    "Out of date: these results are for the set-up before your last change. Run the comparison again to update them.",
  );
  const body = el("div", { id: "results-body" }, el("p", { className: "status" }, "Run a comparison to see results here."));
  const element = el("section", { id: "results", "aria-labelledby": "results-title", tabindex: -1 }, el("h2", { id: "results-title" }, "Results"), staleNote, savedNote, body);
  const playback = playbackPanel();
  let generation = 0;
  let shown = false;

  async function show(c: ComparisonResult, prediction: string | null = null) {
    const mine = ++generation;
    shown = true;
    staleNote.classList.add("hidden");
    element.removeAttribute("data-ready");
    const runs = scenarioRunsOf(c);
    const reps = c.request.replications;
    const base = runs[0];
    const summarised = c.comparisons.map((list) => SUMMARY_MEASURES.map((m) => list.find((x) => x.measure === m)).filter((x) => x !== undefined));
    const sentences = summarised.flatMap((list, k) => list.map((x) => describeDifference(base.name, runs[k + 1].name, x)));
    // "No clear difference" is not "no difference": say what more replications can do.
    const unclear = summarised.flat().some((x) => x.difference.ci95 !== null && !x.difference.significant && (x.difference.ci95[0] !== 0 || x.difference.ci95[1] !== 0));
    const unclearNote = el(
      "p",
      { id: "unclear-note", className: "status" },
      `“No clear difference” means that the 95 % interval still includes zero after ${reps} replications: the difference may be too small to matter, or more replications may show it (the interval narrows roughly with the square root of their number: four times as many halve it).`,
    );
    const jsonButton = el("button", { id: "export-json", type: "button", onclick: () => download("gridgov-comparison.json", comparisonJson(c), "application/json") }, "Download JSON");
    const csvButton = el("button", { id: "export-csv", type: "button", onclick: () => download("gridgov-comparison.csv", comparisonCsv(c), "text/csv") }, "Download CSV");
    const charts = el("div", { className: "charts", id: "charts" });
    replace(
      body,
      prediction ? el("p", { className: "panel lesson", id: "your-prediction" }, el("strong", {}, "Your prediction: "), prediction) : null,
      glossary(),
      el("p", {}, `${runs.length} scenario${runs.length === 1 ? "" : "s"} × ${reps} replications, seed ${String(c.request.seed)}; intervals are 95 % t-intervals over replications; differences are paired (common random numbers).`),
      runs.length > 1
        ? el("ul", { id: "summary-sentences", className: "summary-sentences" }, ...sentences.map((s) => el("li", {}, s)))
        : el("p", { id: "summary-sentences" }, "Add a second scenario to compare it with this baseline."),
      unclear ? unclearNote : null,
      ...c.outcomes.flatMap((o) => o.result.warnings.map((w) => el("p", { className: "error" }, `${o.result.scenario.name}: ${w}`))),
      summaryTable(runs),
      findsTable(runs),
      el("div", { className: "row" }, jsonButton, csvButton, el("span", { className: "status" }, "Exports include the run manifest (engine version, scenario hashes, seed).")),
      charts,
    );
    await nextFrame();
    const add = async (id: string, make: () => HTMLElement) => {
      if (mine !== generation) return;
      charts.append(chartCard(`card-${id}`, make(), id));
      await nextFrame();
    };
    await add("distribution-responseTime", () => distributionChart(runs, { metric: "responseTime", id: "chart-response" }));
    await add("distribution-resolutionTime", () => distributionChart(runs, { metric: "resolutionTime", id: "chart-resolution" }));
    if (runs.length > 1) await add("forest", () => forestPlot(runs, c.comparisons, { id: "chart-forest" }));
    await add("workload", () => workloadChart(runs, { id: "chart-workload" }));
    await add("series-backlogHourly", () => timeSeriesChart(runs, { series: "backlogHourly", id: "chart-backlog" }));
    if (runs.some((r) => r.result.metrics.satisfaction.mean !== null)) await add("series-satisfactionDaily", () => timeSeriesChart(runs, { series: "satisfactionDaily", id: "chart-satisfaction" }));
    if (mine !== generation) return;
    charts.append(mapCard(c, runs));
    await nextFrame();
    if (mine !== generation) return;
    charts.append(playback.attach(c, runs));
    element.setAttribute("data-ready", String(mine));
  }

  return {
    element,
    show,
    /** Marks the results on show (if any) as out of date: the set-up changed since they were run. */
    markStale() {
      if (shown) staleNote.classList.remove("hidden");
    },
    /** Says whether (and where) the run was saved. */
    markSaved(text: string) {
      savedNote.textContent = text;
    },
  };
}

/** The district map with its metric and scenario choosers; all scenarios' maps share one colour range. */
function mapCard(c: ComparisonResult, runs: ScenarioRun[]): HTMLElement {
  const metric = el("select", { id: "map-metric", "aria-label": "Map metric" }, ...MAP_METRICS.map((m) => el("option", { value: m.key }, m.label)));
  const which = el("select", { id: "map-scenario", "aria-label": "Map scenario" }, ...runs.map((r, i) => el("option", { value: i }, r.name)));
  const holder = el("div", {});
  const draw = () => {
    const m = MAP_METRICS.find((x) => x.key === metric.value)!;
    const all = runs.map((r) => gridValues(r, m.key).map((v) => (v === null ? null : v * m.scale)));
    const finite = all.flat().filter((v): v is number => v !== null && Number.isFinite(v));
    const domain: [number, number] = finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 1];
    const i = Number(which.value);
    const run = runs[i];
    const layout = buildLayout(c.outcomes[i].scenario);
    replace(
      holder,
      chartCard(
        "card-map-inner",
        districtMap(layout, all[i], {
          label: m.label,
          unit: m.unit,
          replications: c.request.replications,
          domain,
          scenario: { name: run.name, color: run.color, index: i },
          id: "chart-map",
        }),
        "map",
      ),
    );
  };
  metric.addEventListener("change", draw);
  which.addEventListener("change", draw);
  draw();
  return el(
    "div",
    { className: "chart-card", "data-chart-group": "map" },
    el("div", { className: "row" }, el("label", { for: "map-metric" }, "Colour grids by"), metric, el("label", { for: "map-scenario" }, "Scenario"), which),
    holder,
  );
}
