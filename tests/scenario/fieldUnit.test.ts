import { describe, expect, it } from "vitest";
import { fieldUnit } from "../../sim/scenario/fieldUnit.js";

describe("fieldUnit", () => {
  it("reads a number's unit from the schema's key and description", () => {
    expect(fieldUnit(["shifts", "start"])).toBe("min after midnight");
    expect(fieldUnit(["run", "days"])).toBe("days");
    expect(fieldUnit(["incidents", "categories", 3, "timeLimitHours"])).toBe("h");
    expect(fieldUnit(["district", "widthMeters"])).toBe("m");
    expect(fieldUnit(["cost", "partTimeSalaryPerYear"])).toBe("CNY per year");
  });

  it("finds the unit of a distribution's parameters and of a list's entries", () => {
    expect(fieldUnit(["incidents", "categories", 0, "serviceTime", "mean"])).toBe("min");
    expect(fieldUnit(["intake", "delay", "values", 2])).toBe("min");
    expect(fieldUnit(["intake", "delay", "cv"])).toBeUndefined();
  });

  it("calls a number bounded from 0 to at most 1 a share", () => {
    expect(fieldUnit(["admin", "taskCut"])).toBe("share");
    expect(fieldUnit(["staffing", "vacancyRate"])).toBe("share");
  });

  it("gives none for counts, multipliers and paths the schema does not have", () => {
    expect(fieldUnit(["staffing", "workersPerGrid"])).toBeUndefined();
    expect(fieldUnit(["grids", "columns"])).toBeUndefined();
    expect(fieldUnit(["incidents", "hourOfDay", 5])).toBeUndefined();
    expect(fieldUnit(["staffing", "workersPerGird"])).toBeUndefined();
  });
});
