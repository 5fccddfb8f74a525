import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../../../sim/scenario/scenarioSchema.js";
import { changedPaths } from "../../../viz/form/changedPaths.js";
import { getPath } from "../../../viz/form/getPath.js";
import { matchesPath } from "../../../viz/form/matchesPath.js";
import { setPath } from "../../../viz/form/setPath.js";

const preset = JSON.parse(readFileSync(new URL("../../../scenarios/teaching-small.json", import.meta.url), "utf8")) as Record<string, unknown>;

describe("getPath", () => {
  const obj = { a: { b: [{ c: 1 }, { c: 2 }] }, n: 0 };
  it("reads dotted and bracketed paths", () => {
    expect(getPath(obj, "a.b.1.c")).toBe(2);
    expect(getPath(obj, "a.b[0].c")).toBe(1);
    expect(getPath(obj, "n")).toBe(0);
    expect(getPath(obj, "")).toBe(obj);
  });
  it("gives undefined for missing steps and prototype keys", () => {
    expect(getPath(obj, "a.x.y")).toBeUndefined();
    expect(getPath(obj, "n.toFixed")).toBeUndefined();
    expect(getPath(obj, "constructor")).toBeUndefined();
    expect(getPath(obj, "__proto__")).toBeUndefined();
  });
});

describe("setPath", () => {
  it("returns a new object and leaves the input alone, sharing untouched branches", () => {
    const obj = { a: { b: 1 }, other: { x: [1, 2] } };
    const next = setPath(obj, "a.b", 5);
    expect(next).toEqual({ a: { b: 5 }, other: { x: [1, 2] } });
    expect(obj.a.b).toBe(1);
    expect(next.other).toBe(obj.other);
  });
  it("creates missing steps, arrays for index segments, and removes a field set to undefined", () => {
    expect(setPath({}, "a.0.b", true)).toEqual({ a: [{ b: true }] });
    expect(setPath({ a: [1, 2, 3] }, "a[1]", 9)).toEqual({ a: [1, 9, 3] });
    const removed = setPath({ g: { columns: 3, rows: 2 } }, "g.columns", undefined);
    expect(removed).toEqual({ g: { rows: 2 } });
    expect(Object.hasOwn(removed.g, "columns")).toBe(false);
  });
  it("refuses prototype keys and never pollutes Object.prototype", () => {
    expect(() => setPath({}, "__proto__.polluted", true)).toThrow(RangeError);
    expect(() => setPath({}, "a.constructor.prototype.polluted", true)).toThrow(RangeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("matchesPath", () => {
  it("matches a field, its section and array elements, not a sibling with the same prefix", () => {
    expect(matchesPath("staffing.skill", "staffing")).toBe(true);
    expect(matchesPath("staffing.skill", "staffing.skill")).toBe(true);
    expect(matchesPath("incidents.categories[0].share", "incidents.categories")).toBe(true);
    expect(matchesPath("staffing.skillful", "staffing.skill")).toBe(false);
  });
});

describe("changedPaths", () => {
  const validated = scenarioSchema.parse(preset);
  it("finds nothing between a preset file and the validated scenario made from it", () => {
    expect(changedPaths(validated, preset)).toEqual([]);
    expect(changedPaths(preset, preset)).toEqual([]);
  });
  it("names the changed leaf, inside distributions too, and arrays as a whole", () => {
    let s: unknown = setPath(validated, "staffing.workersPerGrid", 2);
    s = setPath(s, "intake.delay.mean", 30);
    s = setPath(s, "incidents.hourOfDay.3", 9);
    expect(changedPaths(s, preset).sort()).toEqual(["incidents.hourOfDay", "intake.delay.mean", "staffing.workersPerGrid"]);
  });
  it("counts a field present on one side only, and compares plain objects that are not scenarios", () => {
    expect(changedPaths({ a: 1, b: { c: 2 } }, { a: 1, b: {} })).toEqual(["b.c"]);
    expect(changedPaths({ a: 0 }, { a: -0 })).toEqual([]);
  });
  it("reports exactly the path set, for any scalar field set to a new value (property)", () => {
    const paths = ["staffing.workersPerGrid", "grids.householdsPerGrid", "run.days", "residents.appShare", "admin.dailyTaskHours"];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.integer({ min: 1, max: 999 }), (path, v) => {
        fc.pre(getPath(validated, path) !== v);
        expect(changedPaths(setPath(validated, path, v), validated)).toEqual([path]);
      }),
    );
  });
});
