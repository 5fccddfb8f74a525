import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioData } from "../../../sim/experiments/loadScenario.js";
import { GridModel } from "../../../sim/model/GridModel.js";
import { checkEntry, entryFileWarnings, entryScenario, entrySize, makeEntry, makeFileEntry } from "../../../viz/app/ScenarioEntry.js";

const teaching = JSON.parse(readFileSync(new URL("../../../scenarios/teaching-small.json", import.meta.url), "utf8")) as Record<string, unknown>;

describe("a scenario entry", () => {
  it("says how many grids and grid workers the engine builds for it, and nothing while it is invalid", () => {
    const half = makeEntry(null, { ...teaching, grids: { ...(teaching.grids as object), householdsPerGrid: 200 }, staffing: { workersPerGrid: 0.54 } });
    // 7 × 4 grids; 28 × 0.54 = 15.1 posts round to 15 workers — as the model itself has them.
    expect(entrySize(half)).toBe("28 grids · 15 grid workers");
    const model = new GridModel(entryScenario(half), { seed: 1, replication: 0 });
    expect([model.layout.grids, model.workforce.count]).toEqual([28, 15]);
    expect(entrySize(makeEntry(null, teaching))).toBe("15 grids · 15 grid workers");
    expect(entrySize(makeEntry(null, { ...teaching, staffing: { workersPerGrid: -1 } }))).toBeNull();
  });

  it("keeps the warnings of loading its scenario, as gridgov run prints them", () => {
    const overloaded = { ...teaching, incidents: { ratePerResidentPerYear: 60 } };
    const checked = loadScenarioData(overloaded);
    expect(checked.ok && checked.warnings.length).toBeGreaterThan(0);
    const entry = makeEntry(null, overloaded);
    expect(entry.issues).toEqual([]);
    expect(entry.warnings).toEqual(checked.ok ? checked.warnings : null);
    expect(entry.warnings[0]).toMatch(/offered load per worker is (at least )?ρ = \d+\.\d+ ≥ 1/);
  });

  it("drops the warnings once the scenario is fixed, and has none while it is invalid", () => {
    const entry = makeEntry("teaching-small", teaching, { ...teaching, incidents: { ratePerResidentPerYear: 60 } });
    expect(entry.warnings).toHaveLength(1);
    entry.data = teaching;
    expect(checkEntry(entry)).toEqual({ issues: [], warnings: [] });
    entry.data = { ...teaching, staffing: { workersPerGrid: -1 } };
    const invalid = checkEntry(entry);
    expect(invalid.issues.map((i) => i.path)).toContain("staffing.workersPerGrid");
    expect(invalid.warnings).toEqual([]);
  });

  it("warns of a field its file gives that another overrides, apart from the warnings its results carry, while that other field is given", () => {
    const both = { ...teaching, grids: { ...(teaching.grids as object), gridsPerCommunity: 4 } };
    const entry = makeFileEntry("both.json", both);
    expect(entryFileWarnings(entry)).toEqual([
      "grids.householdsPerCommunity in both.json is ignored: grids.gridsPerCommunity is also given and fixes the communities; leave out one or the other",
    ]);
    expect(entry.warnings).toEqual([]);
    // Edited (the editor fills in every default), it still gives both; without gridsPerCommunity the warning goes.
    entry.data = entryScenario(entry);
    expect(entryFileWarnings(entry)).toHaveLength(1);
    entry.data = { ...both, grids: teaching.grids };
    expect(entryFileWarnings(entry)).toEqual([]);
    expect(entryFileWarnings(makeFileEntry("teaching.json", teaching))).toEqual([]);
    expect(entryFileWarnings(makeEntry(null, both))).toEqual([]);
  });
});
