import { INCIDENT_METRIC_LABELS, INCIDENT_REPORTERS } from "../sim/metrics/incidentReporters.js";
import type { RunResult } from "../sim/experiments/runScenario.js";
import type { ValueSummary } from "../sim/metrics/summarize.js";

const num = (v: number | null, digits = 1) => (v === null ? "–" : v.toFixed(digits));
const ci = (c: [number, number] | null, digits = 1) => (c ? `${c[0].toFixed(digits)} – ${c[1].toFixed(digits)}` : "–");

/** The human-readable summary of a run: one row per metric with units, quantiles and the 95 % CI. */
export function formatRunTable(r: RunResult): string {
  const rows: string[][] = [["metric", "unit", "mean", "95% CI", "p50", "p90", "p95"]];
  for (const rep of INCIDENT_REPORTERS) {
    const m = r.metrics[rep.name];
    rows.push([INCIDENT_METRIC_LABELS[rep.name], "min", num(m.mean), ci(m.ci95), num(m.p50), num(m.p90), num(m.p95)]);
  }
  const value = (label: string, unit: string, v: ValueSummary, scale = 1, digits = 1) =>
    rows.push([label, unit, num(v.mean === null ? null : v.mean * scale, digits), ci(v.ci95 && [v.ci95[0] * scale, v.ci95[1] * scale], digits), "", "", ""]);
  const m = r.metrics;
  value("worker utilisation", "%", m.workerUtilization, 100);
  value("within time limit", "%", m.timeLimitHitRate, 100);
  value("escalated", "%", m.escalatedShare, 100);
  value("residents satisfied", "%", m.satisfiedShare, 100);
  value("found by residents", "%", m.residentReportShare, 100);
  value("overtime", "h/week", m.overtimeHoursPerWeek);
  value("workload inequality", "Gini", m.workloadGini, 1, 2);
  value("staff cost", "M CNY/yr", m.costPerYear, 1e-6, 2);
  value("cost per closed case", "CNY", m.costPerClosedIncident, 1, 0);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const table = rows.map((row) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
  table.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const i = r.metrics.incidents;
  const fmt = (n: number) => n.toLocaleString("en-US");
  const header = [
    `${r.scenario.name} — ${r.replications} replication${r.replications > 1 ? "s" : ""} × ${r.scenario.days} days (first ${r.scenario.warmupDays} days warm-up, not measured), seed ${r.seed}`,
    `${r.workers.count} grid workers · scenario ${r.scenario.hash.slice(0, 12)} · engine ${r.engineVersion}`,
    "",
  ];
  const footer = [
    "",
    `incidents in measured windows (all replications): ${fmt(i.arrived)} occurred, ${fmt(i.closed)} closed, ${fmt(i.open)} still open`,
    `hours per worker: ${Object.entries(r.workers.hoursByActivity)
      .filter(([k, v]) => k !== "available" && v > 0)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(", ")}`,
    "mean = mean of replication means; 95% CI = t-interval over replications (never below 0, nor above 100 % for shares); p50/p90/p95 pooled over all incidents of all replications",
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  return [...header, ...table, ...footer].join("\n") + "\n";
}
