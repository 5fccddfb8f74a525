import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/experiments/loadScenario.js";

const text = readFileSync(new URL("../../scenarios/teaching-small.json", import.meta.url), "utf8");

describe("loading a scenario too large to build", () => {
  it("is refused on the field behind it, with the default limit, and never throws even without a limit", () => {
    const huge = loadScenario(text, ["staffing.workersPerGrid=1e12"]);
    expect(!huge.ok && huge.issues.map((i) => i.path)).toEqual(["staffing.workersPerGrid"]);
    for (const limit of [undefined, Infinity]) {
      for (const override of ["grids.householdsPerGrid=1e-320", "staffing.workersPerGrid=1e12"]) {
        const r = loadScenario(text, [override], limit);
        expect(r.ok).toBe(false);
        expect(!r.ok && r.issues[0].message).toMatch(/^expected a (scenario that fits in the memory available|district the engine can lay out)/);
      }
    }
  });

  it("names counts too large for a number in words, not as Infinity", () => {
    const r = loadScenario(text, ["staffing.workersPerGrid=1e308"]);
    expect(!r.ok && r.issues[0].message).toContain("more than any machine has (more than 1e+308 grid workers)");
    expect(!r.ok && r.issues[0].message).not.toContain("Infinity");
  });
});
