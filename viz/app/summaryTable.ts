import type { ValueSummary } from "../../sim/metrics/summarize.js";
import { formatEstimate } from "../charts/format.js";
import type { ScenarioRun } from "../charts/index.js";
import { el } from "./el.js";
import { scrollTable } from "./scrollTable.js";

interface Column {
  label: string;
  unit: string;
  value: (r: ScenarioRun) => { mean: number | null; ci95: readonly [number, number] | null };
  scale?: number;
}

const scaled = (v: ValueSummary, k: number) => ({ mean: v.mean === null ? null : v.mean * k, ci95: v.ci95 ? ([v.ci95[0] * k, v.ci95[1] * k] as const) : null });

const COLUMNS: Column[] = [
  { label: "Mean response", unit: "min", value: (r) => r.result.metrics.responseTime },
  { label: "p90 response, all incidents pooled", unit: "min", value: (r) => ({ mean: r.result.metrics.responseTime.p90, ci95: null }) },
  { label: "Mean resolution", unit: "min", value: (r) => r.result.metrics.resolutionTime },
  { label: "Closed within limit", unit: "%", value: (r) => scaled(r.result.metrics.timeLimitHitRate, 100) },
  { label: "Utilisation", unit: "%", value: (r) => scaled(r.result.metrics.workerUtilization, 100) },
  { label: "Overtime", unit: "h/week", value: (r) => r.result.metrics.overtimeHoursPerWeek },
  { label: "Staff cost", unit: "million CNY/year", value: (r) => scaled(r.result.metrics.costPerYear, 1e-6) },
];

/** Each scenario's headline figures with their 95 % intervals, as a table (the baseline first). */
export function summaryTable(runs: readonly ScenarioRun[]): HTMLElement {
  const reps = runs[0]?.result.replications ?? 0;
  return scrollTable(
    "summary-table",
    `Mean over ${reps} replications per scenario, with 95 % interval in brackets; p90 pools every incident of every replication (the differences from the baseline use the mean of each replication's own p90, which differs a little).`,
    "Summary table",
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Scenario"), ...COLUMNS.map((c) => el("th", { scope: "col" }, `${c.label} (${c.unit})`)))),
    el(
      "tbody",
      {},
      ...runs.map((r) =>
        el(
          "tr",
          {},
          el("th", { scope: "row" }, el("span", { className: "swatch", style: `background:${r.color}`, "aria-hidden": "true" }), " ", r.name, r.index === 0 && !/\bbaseline\b/i.test(r.name) ? " (baseline)" : ""),
          ...COLUMNS.map((c) => {
            const v = c.value(r);
            return el("td", {}, formatEstimate(v.mean, v.ci95));
          }),
        ),
      ),
    ),
  );
}
