import { FIELD_SOURCES, ownFieldSource, sectionSource } from "../../../viz/form/fieldSources.js";
import { matchesPath } from "../../../viz/form/matchesPath.js";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../../../sim/scenario/scenarioSchema.js";
import { formFields, formSections } from "../../../viz/form/formFields.js";

type Def = { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> };

/** Leaf paths of the zod schema, found by walking zod itself (not the JSON Schema the form uses). */
function zodLeaves(node: z.core.$ZodType, path: string, out: Array<{ path: string; type: string }>): void {
  let def = node._zod.def as unknown as Def;
  while (["default", "prefault", "optional", "nullable", "readonly", "pipe"].includes(def.type)) {
    def = ((def.innerType ?? def.in) as z.core.$ZodType)._zod.def as unknown as Def;
  }
  if (def.type === "object" && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) zodLeaves(child, path ? `${path}.${key}` : key, out);
    return;
  }
  out.push({ path, type: def.type });
}

const SCALARS = new Set(["number", "boolean", "enum", "string", "literal"]);

describe("formFields", () => {
  const fields = formFields();
  const byPath = new Map(fields.map((f) => [f.path, f]));

  it("lists every leaf of the schema once, each with a label and the schema's description", () => {
    const leaves: Array<{ path: string; type: string }> = [];
    zodLeaves(scenarioSchema, "", leaves);
    expect(leaves.length).toBeGreaterThan(60);
    for (const leaf of leaves) {
      const f = byPath.get(leaf.path);
      expect(f, leaf.path).toBeDefined();
      expect(f!.label.length, leaf.path).toBeGreaterThan(0);
      expect(f!.description.length, leaf.path).toBeGreaterThan(0);
      if (SCALARS.has(leaf.type)) expect(f!.kind, leaf.path).not.toBe("json");
    }
    expect(new Set(fields.map((f) => f.path)).size).toBe(fields.length);
    expect(fields.length).toBe(leaves.length);
  });

  it("derives labels and units from the keys and descriptions", () => {
    expect(byPath.get("grids.householdsPerGrid")!.label).toBe("Households per grid");
    expect(byPath.get("district.widthMeters")).toMatchObject({ label: "Width", unit: "m" });
    expect(byPath.get("travel.speedKmh")).toMatchObject({ label: "Speed", unit: "km/h" });
    expect(byPath.get("incidents.hotspotCv")!.label).toBe("Hotspot CV");
    expect(byPath.get("escalation.whistleHours")!.unit).toBe("h");
    expect(byPath.get("shifts.start")!.unit).toBe("min after midnight");
    expect(byPath.get("cost.fullTimeSalaryPerYear")!.unit).toBe("CNY per year");
    expect(byPath.get("intake.delay")!.unit).toBe("min");
  });

  it("takes bounds from the schema: a rate ≥ 0, a positive number, a bounded share, integers", () => {
    expect(byPath.get("incidents.ratePerResidentPerYear")).toMatchObject({ kind: "number", min: 0, step: "any" });
    expect(byPath.get("incidents.ratePerResidentPerYear")!.minExclusive).toBeUndefined();
    expect(byPath.get("staffing.workersPerGrid")).toMatchObject({ min: 0, minExclusive: true });
    expect(byPath.get("staffing.vacancyRate")).toMatchObject({ min: 0, max: 0.95 });
    expect(byPath.get("grids.gridsPerCommunity")).toMatchObject({ kind: "integer", min: 1, step: 1 });
    expect(byPath.get("grids.gridsPerCommunity")!.max).toBeUndefined();
    expect(byPath.get("verification.maxReopenings")).toMatchObject({ kind: "integer", min: 0, max: 20 });
  });

  it("gives defaults, enum options, optional fields and complex fields as JSON", () => {
    expect(byPath.get("grids.householdsPerGrid")!.default).toBe(400);
    expect(byPath.get("dispatch.policy")).toMatchObject({ kind: "enum", options: ["ownGrid", "communityPool", "nearest"], default: "ownGrid" });
    expect(byPath.get("residents.feedback")).toMatchObject({ kind: "boolean", default: false });
    expect(byPath.get("grids.columns")).toMatchObject({ optional: true });
    expect(byPath.get("grids.householdsPerGrid")!.optional).toBe(false);
    expect(byPath.get("name")).toMatchObject({ kind: "string", optional: false, maxLength: 200 });
    expect(byPath.get("schemaVersion")).toMatchObject({ kind: "const", options: [1] });
    for (const p of ["incidents.categories", "incidents.hourOfDay", "shifts.workdays", "intake.delay"]) expect(byPath.get(p)!.kind).toBe("json");
  });

  it("groups fields by section in schema order", () => {
    const sections = formSections().map((s) => s.key);
    expect(sections.slice(0, 3)).toEqual(["district", "grids", "staffing"]);
    expect(sections).toContain("run");
    expect(formSections().find((s) => s.key === "staffing")!.description).toBe("grid workers");
    expect(byPath.get("admin.taskCut")!.section).toBe("admin");
    expect(byPath.get("name")!.section).toBe("");
  });
});

describe("sources of the baseline's values", () => {
  it("every source entry names a real field or section, and the headline levers have a specific public source", () => {
    const paths = formFields().map((f) => f.path);
    for (const [entry] of FIELD_SOURCES) expect(paths.some((p) => matchesPath(p, entry)), entry).toBe(true);
    expect(ownFieldSource("grids.householdsPerGrid")).toMatch(/grid norms/);
    expect(ownFieldSource("incidents.ratePerResidentPerYear")).toMatch(/Tianjin 2021/);
    expect(ownFieldSource("incidents.categories.0.share")).toMatch(/Daxing/);
    // A whole section's source belongs to the section, said once, not to each of its fields.
    expect(ownFieldSource("staffing.vacancyRate")).toBeUndefined();
    expect(sectionSource("staffing")).toMatch(/assumption/);
    expect(ownFieldSource("run.days")).toBeUndefined();
    expect(sectionSource("run")).toBeUndefined();
  });
});
