import { INCIDENT_REPORTERS } from "../../sim/metrics/incidentReporters.js";
import { el } from "./el.js";

/** Terms of the results, in plain words, for readers who are not statisticians. */
const TERMS: ReadonlyArray<readonly [term: string, meaning: string]> = [
  ["Replication", "one simulated run of the scenario with its own random incidents. Several replications show how much the figures move by chance."],
  ["Seed", "the number that fixes the random incidents: the same scenarios, seed and number of replications give the same figures every time, here and with gridgov run."],
  ["95 % interval (CI)", "the range that holds the true long-run value with 95 % confidence, given the replications run. More replications make it narrower."],
  ["Paired (common random numbers)", "replication k of every scenario faces the same incidents, so a difference between scenarios comes from their rules, not from luck; this narrows the interval of a difference."],
  ["Clear difference / no clear difference", "clear when the interval of the difference excludes zero; otherwise the runs cannot tell the difference from chance (it may still exist)."],
  ["p90 (90th percentile)", "nine incidents in ten take at most this long; the slowest tenth take longer."],
  ...INCIDENT_REPORTERS.map((r) => [r.label.charAt(0).toUpperCase() + r.label.slice(1), `${r.description}.`] as const),
  ["Worker utilisation", "share of on-duty time workers were not free: on incidents (travelling, handling, checking fixes, walking back) or at ordered tasks and data entry. The rest is free time, partly spent on patrol."],
  ["Workload Gini", "how unevenly busy hours fall on workers: 0 when all are equally busy, near 1 when a few do everything."],
  ["Offered load ρ (in warnings)", "the work that arrives per worker-hour on duty; at 1 or above the workers cannot keep up and the backlog grows without bound."],
];

/** "How to read these results": the terms of the results panel, folded away until opened. */
export function glossary(): HTMLElement {
  return el(
    "details",
    { id: "glossary", className: "glossary" },
    el("summary", {}, "How to read these results"),
    el("dl", {}, ...TERMS.flatMap(([term, meaning]) => [el("dt", {}, term), el("dd", {}, meaning)])),
  );
}
