import { describe, expect, it } from "vitest";
import { ignoredFields, ignoredFieldWarning } from "../../sim/scenario/ignoredFields.js";
import { scenarioSchema } from "../../sim/scenario/scenarioSchema.js";

const base = { schemaVersion: 1, name: "x" };

describe("ignoredFields", () => {
  it("finds a field the scenario gives together with one that overrides it", () => {
    const both = { ...base, grids: { householdsPerGrid: 300, columns: 5, rows: 3, householdsPerCommunity: 1600, gridsPerCommunity: 4 } };
    expect(ignoredFields(both).map((f) => f.path)).toEqual(["grids.householdsPerGrid", "grids.householdsPerCommunity"]);
  });

  it("finds nothing when only one of the two is given, or neither", () => {
    expect(ignoredFields({ ...base, grids: { columns: 5, rows: 3, gridsPerCommunity: 4 } })).toEqual([]);
    expect(ignoredFields({ ...base, grids: { householdsPerGrid: 300, householdsPerCommunity: 1600 } })).toEqual([]);
    expect(ignoredFields(base)).toEqual([]);
    expect(ignoredFields(null)).toEqual([]);
  });

  it("must see the scenario as written: validation fills in the ignored fields' defaults", () => {
    const written = { ...base, grids: { columns: 5, rows: 3 } };
    expect(ignoredFields(written)).toEqual([]);
    expect(ignoredFields(scenarioSchema.parse(written)).map((f) => f.path)).toEqual(["grids.householdsPerGrid"]);
  });

  it("warns naming the file, the ignored field and the fields that override it", () => {
    const [grid, community] = ignoredFields({ ...base, grids: { householdsPerGrid: 300, columns: 5, rows: 3, householdsPerCommunity: 1600, gridsPerCommunity: 4 } });
    expect(ignoredFieldWarning(community, "x.json")).toBe(
      "grids.householdsPerCommunity in x.json is ignored: grids.gridsPerCommunity is also given and fixes the communities; leave out one or the other",
    );
    expect(ignoredFieldWarning(grid)).toBe("grids.householdsPerGrid is ignored: grids.columns and grids.rows are also given and fix the grids; leave out one or the other");
  });
});
