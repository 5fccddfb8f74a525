import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VALIDATION_CASES } from "../../scripts/validation/cases.js";
import { loadValidationScenario, VALIDATION_SCENARIO_DIR } from "../../scripts/validation/runCase.js";

const files = readdirSync(VALIDATION_SCENARIO_DIR).filter((f) => f.endsWith(".json"));

describe("validation scenario files", () => {
  it("are all used by a validation case", () => {
    expect(new Set(VALIDATION_CASES.map((c) => c.scenario))).toEqual(new Set(files));
  });

  for (const file of files) {
    it(`${file} reduces the district to a single textbook queue`, () => {
      const s = loadValidationScenario(file);
      expect(s.description.length).toBeGreaterThan(0);
      expect([s.grids.columns, s.grids.rows]).toEqual([1, 1]);
      expect(s.incidents.categories).toHaveLength(1);
      expect(s.incidents.hotspotCv).toBe(0);
      expect(s.incidents.hourOfDay).toEqual(Array(24).fill(1));
      expect(s.incidents.dayOfWeek).toEqual(Array(7).fill(1));
      expect(s.incidents.ratePerHour).toBeGreaterThan(0);
      expect(s.discovery.enabled).toBe(false);
      expect(s.intake.enabled).toBe(false);
      for (const stage of [s.escalation, s.verification, s.admin, s.shifts]) expect(stage.enabled).toBe(false);
      expect(s.staffing.turnoverPerYear).toBe(0);
      expect(s.staffing.vacancyRate).toBe(0);
      expect(s.dispatch.policy).toBe("ownGrid");
      expect(s.staffing.skill).toBe(1);
      if (s.travel.enabled) expect(s.travel.metric).toBe("rectilinear");
    });
  }
});
