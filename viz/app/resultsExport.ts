import { COMPARED_MEASURES } from "../../sim/experiments/compareRuns.js";
import type { ComparisonResult } from "../engine/runComparison.js";

/**
 * Quotes a CSV field when it needs it (RFC 4180). Text that a spreadsheet would take for a
 * formula (a scenario named `=HYPERLINK(…)`) gets a leading apostrophe, so it stays text.
 */
function field(v: unknown): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The comparison as tidy CSV: one row per (scenario, replication), one column per
 * compared measure (units in docs/user-guide.md). The run manifest comes first as
 * `#` comment lines (read with e.g. `pandas.read_csv(f, comment="#")`).
 */
export function comparisonCsv(c: ComparisonResult): string {
  const lines = JSON.stringify(c.manifest, null, 1)
    .split("\n")
    .map((l) => `# ${l}`);
  const header = ["scenario", "scenarioHash", "seed", "replication", ...COMPARED_MEASURES.map((m) => m.name)];
  lines.push(header.join(","));
  for (const o of c.outcomes) {
    for (const p of o.result.perReplication) {
      lines.push([o.result.scenario.name, o.result.scenario.hash, c.manifest.seed, p.replication, ...COMPARED_MEASURES.map((m) => m.value(p))].map(field).join(","));
    }
  }
  return lines.join("\n") + "\n";
}

/**
 * The comparison as JSON: the manifest, each scenario's run result (the same object
 * `gridgov run --json` prints for that scenario and seed) and the paired comparisons.
 */
export function comparisonJson(c: ComparisonResult): string {
  return (
    JSON.stringify(
      {
        manifest: c.manifest,
        runs: c.outcomes.map((o) => o.result),
        comparisons: c.comparisons.map((list, k) => ({ scenario: c.outcomes[k + 1].result.scenario.name, against: c.outcomes[0].result.scenario.name, measures: list })),
      },
      null,
      2,
    ) + "\n"
  );
}
