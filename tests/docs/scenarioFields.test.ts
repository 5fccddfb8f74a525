import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioFieldsMarkdown } from "../../scripts/scenarioFieldsMarkdown.js";

describe("docs/scenario-fields.md", () => {
  it("is the table generated from the current schema (run scripts/scenario-fields.ts after changing it)", () => {
    expect(readFileSync("docs/scenario-fields.md", "utf8")).toBe(scenarioFieldsMarkdown());
  });

  it("documents every field with a description", () => {
    const rows = scenarioFieldsMarkdown().split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect(row.trim().endsWith("|  |"), row).toBe(false);
  });
});
