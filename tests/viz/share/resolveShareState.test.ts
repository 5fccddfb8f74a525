import { describe, expect, it } from "vitest";
import { loadScenarioData } from "../../../sim/experiments/loadScenario.js";
import { formFields } from "../../../viz/form/formFields.js";
import { compactScenario } from "../../../viz/share/compactScenario.js";
import { lockedPaths } from "../../../viz/share/lockedPaths.js";
import { resolveShareState } from "../../../viz/share/resolveShareState.js";
import type { ShareState } from "../../../viz/share/shareStateSchema.js";
import { PRESETS } from "./presets.js";

const teaching = PRESETS["teaching-small"] as Record<string, unknown>;
const allPaths = formFields().map((f) => f.path);

describe("resolveShareState", () => {
  it("applies a preset's changes and name, takes whole scenarios as they are, and keeps seed and replications", () => {
    const state: ShareState = {
      v: 1,
      scenarios: [
        { preset: "teaching-small" },
        { preset: "teaching-small", name: "更小的网格", changes: { "grids.householdsPerGrid": 200, "intake.delay": { type: "deterministic", value: 5 } } },
        { scenario: { ...teaching, name: "Two workers", staffing: { workersPerGrid: 2 } } },
      ],
      seed: 7,
      replications: 3,
    };
    const r = resolveShareState(state, PRESETS);
    if (!r.ok) throw new Error(r.error);
    expect(r.scenarios).toHaveLength(3);
    const base = loadScenarioData(teaching);
    if (!base.ok) throw new Error("preset invalid");
    expect(r.scenarios[0]).toEqual(base.value);
    expect(r.scenarios[1].name).toBe("更小的网格");
    expect(r.scenarios[1].grids.householdsPerGrid).toBe(200);
    expect(r.scenarios[1].intake.delay).toEqual({ type: "deterministic", value: 5 });
    expect(r.scenarios[2].staffing.workersPerGrid).toBe(2);
    expect(r.presets).toEqual(["teaching-small", "teaching-small", null]);
    expect(r).toMatchObject({ seed: 7, replications: 3, locked: [], lesson: null });
  });

  it("removes an optional field changed to null", () => {
    const withColumns = { ...teaching, grids: { columns: 5, rows: 3 } };
    const r = resolveShareState({ v: 1, scenarios: [{ preset: "p", changes: { "grids.columns": null, "grids.rows": null } }], seed: 1, replications: 2 }, { p: withColumns });
    if (!r.ok) throw new Error(r.error);
    expect("columns" in r.scenarios[0].grids).toBe(false);
  });

  it("expands a lesson's editable list into locked field paths, and refuses unknown lesson paths", () => {
    const lesson = { title: "Grid size", question: "What changes?", editable: ["grids.householdsPerGrid"] };
    const r = resolveShareState({ v: 1, scenarios: [{ preset: "teaching-small" }], seed: 1, replications: 2, lesson }, PRESETS);
    if (!r.ok) throw new Error(r.error);
    expect(r.locked).toContain("staffing.workersPerGrid");
    expect(r.locked).not.toContain("grids.householdsPerGrid");
    // Everything but the one editable field and the two labels (name, description).
    expect(r.locked).toHaveLength(allPaths.length - 3);
    expect(r.lesson).toEqual(lesson);
    const bad = resolveShareState({ v: 1, scenarios: [{ preset: "teaching-small" }], seed: 1, replications: 2, lesson: { ...lesson, locked: ["staffing.nope"] } }, PRESETS);
    expect(bad).toEqual({ ok: false, error: 'lesson.locked: unknown field "staffing.nope"' });
  });

  it("refuses a preset that is itself invalid, and feasibility problems", () => {
    const r = resolveShareState({ v: 1, scenarios: [{ preset: "broken" }], seed: 1, replications: 2 }, { broken: { schemaVersion: 1 } });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^scenario 1: preset "broken" is not valid: name: /) });
    const starved = resolveShareState({ v: 1, scenarios: [{ preset: "teaching-small", changes: { "staffing.workersPerGrid": 0.01 } }], seed: 1, replications: 2 }, PRESETS);
    expect(starved).toMatchObject({ ok: false, error: expect.stringMatching(/staffing\.workersPerGrid: expected at least one grid worker/) });
  });

  it("does not look presets up on the prototype chain", () => {
    const r = resolveShareState({ v: 1, scenarios: [{ preset: "toString" }], seed: 1, replications: 2 }, PRESETS);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/unknown preset "toString"/) });
  });
});

describe("lockedPaths", () => {
  const paths = ["name", "staffing.workersPerGrid", "staffing.skill", "grids.householdsPerGrid", "run.days"];
  it("locks nothing without a lesson, and the named fields or sections with `locked`", () => {
    expect(lockedPaths(undefined, paths)).toEqual([]);
    expect(lockedPaths({}, paths)).toEqual([]);
    expect(lockedPaths({ locked: ["staffing", "run.days"] }, paths)).toEqual(["staffing.workersPerGrid", "staffing.skill", "run.days"]);
  });
  it("locks everything but `editable`, and `locked` wins over it", () => {
    // The name is a label, not a parameter: never locked, so a changed scenario can be renamed.
    expect(lockedPaths({ editable: ["staffing"] }, paths)).toEqual(["grids.householdsPerGrid", "run.days"]);
    expect(lockedPaths({ editable: ["staffing"], locked: ["staffing.skill", "name"] }, paths)).toEqual(["staffing.skill", "grids.householdsPerGrid", "run.days"]);
    expect(lockedPaths({ editable: [] }, paths)).toEqual(paths.filter((p) => p !== "name"));
  });
});

describe("compactScenario", () => {
  it("drops fields at their default yet validates to the same scenario", () => {
    for (const [id, data] of Object.entries(PRESETS)) {
      const full = loadScenarioData(data);
      if (!full.ok) continue;
      const compact = compactScenario(full.value);
      expect(JSON.stringify(compact).length, id).toBeLessThan(JSON.stringify(full.value).length / 2);
      const again = loadScenarioData(compact);
      expect(again.ok && again.value, id).toEqual(full.value);
    }
    expect(compactScenario({ not: "a scenario" })).toEqual({ not: "a scenario" });
  });
});
