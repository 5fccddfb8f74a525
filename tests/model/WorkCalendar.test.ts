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

  it("returns when rounding leaves the minutes a hair beyond a whole number of weeks", () => {
    // 2,400 working minutes of days 3.9669… minutes long: 121 weeks exactly, which the
    // division lands on as 120 weeks and a week plus 2.5e-14 minutes.
    const short = new WorkCalendar([true, true, true, true, true, false, false], 0, 3.9669421487603307);
    const due = short.addWorkingMinutes(0, 2400);
    expect(due).toBeCloseTo(120 * 7 * DAY + 4 * DAY + 3.9669421487603307, 6);
    expect(short.workingMinutesBetween(0, due)).toBeCloseTo(2400, 6);
  });

  it("adding working minutes is the inverse of counting them, for any office hours", () => {
    const days = fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }).filter((d) => d.includes(true));
    // Times of day to a thousandth of a minute (a window of at least 0.06 s), as anyone would write them.
    const minute = fc.integer({ min: 0, max: DAY * 1000 }).map((k) => k / 1000);
    const window = fc.tuple(minute, minute).filter(([a, b]) => b > a);
    fc.assert(
      fc.property(days, window, fc.double({ min: 0, max: 60 * DAY, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), (d, [start, end], t, m) => {
        const c = new WorkCalendar(d, start, end);
        const due = c.addWorkingMinutes(t, m);
        expect(due).toBeGreaterThanOrEqual(t);
        // Far-off deadlines (a long limit in a short office day) carry the rounding of their own size.
        expect(Math.abs(c.workingMinutesBetween(t, due) - m)).toBeLessThanOrEqual(1e-12 * Math.max(1, due));
      }),
      { numRuns: 2000 },
    );
  });
});
