import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareRuns, COMPARED_MEASURES } from "../../../sim/experiments/compareRuns.js";
import { combineReplications } from "../../../sim/experiments/runScenario.js";
import { runReplication } from "../../../sim/experiments/runReplication.js";
import { parseScenario } from "../../../sim/scenario/parseScenario.js";
import type { Scenario } from "../../../sim/scenario/scenarioSchema.js";
import { comparisonCsv, comparisonJson } from "../../../viz/app/resultsExport.js";
import type { ComparisonResult } from "../../../viz/engine/runComparison.js";

function teaching(name: string, workersPerGrid: number): Scenario {
  const data = JSON.parse(readFileSync(new URL("../../../scenarios/teaching-small.json", import.meta.url), "utf8"));
  const parsed = parseScenario({ ...data, name, staffing: { workersPerGrid }, run: { days: 3, warmupDays: 0 } });
  if (!parsed.ok) throw new Error("invalid");
  return parsed.value;
}

/** A real two-scenario comparison, assembled as the page assembles it. */
function comparison(): ComparisonResult {
  const scenarios = [teaching('Base, "quoted"', 1), teaching("Two, per grid", 2)];
  const outcomes = scenarios.map((scenario) => {
    const replications = [0, 1].map((k) => runReplication(scenario, 9, k));
    return { scenario, replications, result: combineReplications(scenario, 9, replications) };
  });
  return {
    request: { scenarios, seed: 9, replications: 2 },
    outcomes,
    comparisons: compareRuns(outcomes.map((o) => o.result)),
    manifest: {
      engineVersion: "0.1.0",
      schemaVersion: 1,
      seed: 9,
      seedDerivation: "x",
      replications: 2,
      scenarios: [],
      platform: { userAgent: "test", workers: 1 },
      startedAt: "2026-01-01T00:00:00.000Z",
      finishedAt: "2026-01-01T00:00:01.000Z",
    },
  };
}

describe("result exports", () => {
  const c = comparison();

  it("the CSV has the manifest as # lines, then one row per scenario and replication with every compared measure", () => {
    const lines = comparisonCsv(c).trimEnd().split("\n");
    const comments = lines.filter((l) => l.startsWith("#"));
    expect(JSON.parse(comments.map((l) => l.slice(2)).join("\n"))).toEqual(c.manifest);
    const [header, ...rows] = lines.filter((l) => !l.startsWith("#"));
    expect(header.split(",")).toEqual(["scenario", "scenarioHash", "seed", "replication", ...COMPARED_MEASURES.map((m) => m.name)]);
    expect(rows).toHaveLength(4);
    // Names with quotes and commas are quoted (RFC 4180), so every row has the header's column count.
    expect(rows[0].startsWith('"Base, ""quoted""",')).toBe(true);
    expect(rows[2].startsWith('"Two, per grid",')).toBe(true);
    const meanResponse = 4 + COMPARED_MEASURES.findIndex((m) => m.name === "responseTime.mean");
    const second = rows[3].slice(rows[3].indexOf('",') + 2).split(",");
    expect(Number(second[meanResponse - 1])).toBe(c.outcomes[1].result.perReplication[1].metrics.responseTime.mean);
  });

  it("a name a spreadsheet would read as a formula stays text in the CSV; negative numbers stay numbers", () => {
    const named = comparison();
    for (const o of named.outcomes) o.result = { ...o.result, scenario: { ...o.result.scenario, name: '=HYPERLINK("http://x","y")' } };
    const rows = comparisonCsv(named).split("\n").filter((l) => l && !l.startsWith("#")).slice(1);
    for (const row of rows) expect(row.startsWith(`"'=HYPERLINK(""http://x"",""y"")",`)).toBe(true);
    expect(comparisonCsv(c)).not.toContain(",'-");
  });

  it("the JSON carries the manifest, each run result as the CLI prints it, and the paired comparisons", () => {
    const out = JSON.parse(comparisonJson(c));
    expect(out.manifest).toEqual(c.manifest);
    expect(JSON.stringify(out.runs)).toBe(JSON.stringify(c.outcomes.map((o) => o.result)));
    expect(out.comparisons).toHaveLength(1);
    expect(out.comparisons[0].scenario).toBe("Two, per grid");
    expect(out.comparisons[0].measures.map((m: { measure: string }) => m.measure)).toEqual(COMPARED_MEASURES.map((m) => m.name));
  });
});
