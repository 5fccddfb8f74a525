import { FOUND_BY } from "../../sim/model/IncidentStore.js";
import type { ScenarioRun } from "../charts/index.js";
import { el } from "./el.js";
import { scrollTable } from "./scrollTable.js";

/** Who found an incident first, as the table's columns say it. */
const FINDERS: ReadonlyArray<readonly [key: Exclude<(typeof FOUND_BY)[number], "nobody">, label: string]> = [
  ["resident", "Residents' reports"],
  ["patrol", "Workers on patrol"],
  ["volunteer", "Volunteers"],
  ["instantly", "At once (discovery off)"],
];

/**
 * Who found the incidents first, per scenario: each finder's share of the incidents found
 * (and how many a replication), those still unfound at the end, and the small things
 * volunteers fixed on the spot — the participation pattern's own figures, which the
 * summary table does not show.
 */
export function findsTable(runs: readonly ScenarioRun[]): HTMLElement {
  const pct = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
  return scrollTable(
    "finds-table",
    "Who found the incidents of the measured window first: share of those found, with the mean number per replication in brackets; then those not yet found at the end, and the small things volunteers fixed on the spot (never registered), per replication.",
    "Who found incidents",
    el(
      "thead",
      {},
      el("tr", {}, el("th", { scope: "col" }, "Scenario"), ...FINDERS.map(([, label]) => el("th", { scope: "col" }, label)), el("th", { scope: "col" }, "Not yet found"), el("th", { scope: "col" }, "Fixed by volunteers")),
    ),
    el(
      "tbody",
      {},
      ...runs.map((r) => {
        const { foundBy, fixedByVolunteers } = r.result.metrics.incidents;
        const reps = Math.max(1, r.replications.length);
        const found = FINDERS.reduce((a, [k]) => a + foundBy[k], 0);
        return el(
          "tr",
          {},
          el("th", { scope: "row" }, el("span", { className: "swatch", style: `background:${r.color}`, "aria-hidden": "true" }), " ", r.name),
          ...FINDERS.map(([k]) => el("td", {}, found > 0 ? `${pct.format((100 * foundBy[k]) / found)} % (${count.format(foundBy[k] / reps)})` : "no data")),
          el("td", {}, count.format(foundBy.nobody / reps)),
          el("td", {}, count.format(fixedByVolunteers / reps)),
        );
      }),
    ),
  );
}
