import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WorkCalendar } from "../../sim/model/WorkCalendar.js";

const weekdays = [true, true, true, true, true, false, false];
const DAY = 1440;

describe("WorkCalendar", () => {
  const cal = new WorkCalendar(weekdays, 510, 1050); // 08:30–17:30, Monday–Friday

  it("counts 45 working hours in a week", () => {
    expect(cal.minutesPerWeek).toBe(45 * 60);
    expect(cal.workingMinutesBetween(0, 7 * DAY)).toBe(45 * 60);
  });

  it("counts nothing at night or over the weekend", () => {
    expect(cal.workingMinutesBetween(1050, DAY + 510)).toBe(0);
    expect(cal.workingMinutesBetween(4 * DAY + 1050, 7 * DAY + 510)).toBe(0);
  });

  it("a 4-working-hour limit set at 16:00 on Friday falls due on Monday at 11:00 (90 min on Friday, 150 on Monday)", () => {
    const friday1600 = 4 * DAY + 960;
    expect(cal.addWorkingMinutes(friday1600, 240)).toBe(7 * DAY + 660);
  });

  it("adding working minutes is the inverse of counting them", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 60 * DAY, noNaN: true }), fc.double({ min: 1, max: 100 * 60, noNaN: true }), (t, m) => {
        const due = cal.addWorkingMinutes(t, m);
        expect(due).toBeGreaterThanOrEqual(t);
        expect(cal.workingMinutesBetween(t, due)).toBeCloseTo(m, 6);
      }),
    );
  });
});
