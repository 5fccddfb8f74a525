import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DispatchPools } from "../../sim/model/DispatchPools.js";
import { buildLayout } from "../../sim/model/Layout.js";
import { dutyOffsets, Roster } from "../../sim/model/Roster.js";
import { Workforce } from "../../sim/model/Workforce.js";
import { scenario } from "../support/scenarios.js";

const WEEKEND = [true, true, true, true, true, false, false];

/** Pools, workforce and roster of a District J-sized scenario with the given staffing and dispatch. */
function setUp(workersPerGrid: number, vacancyRate: number, policy: "ownGrid" | "communityPool" | "nearest", weekendDutyShare: number) {
  const s = scenario({
    staffing: { workersPerGrid, vacancyRate },
    dispatch: { policy },
    shifts: { enabled: true, workdays: WEEKEND, weekendDutyShare },
  });
  const layout = buildLayout(s);
  const workforce = new Workforce(s, layout, { next: () => 0.5 });
  const pools = new DispatchPools(s, layout, workforce);
  return { pools, roster: new Roster(s, workforce.partTime, dutyOffsets(pools, workforce.count)) };
}

describe("Roster", () => {
  it("on non-working days every pool with enough workers for the duty share has someone on duty", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.5, 1, 1.5, 2, 3),
        fc.constantFrom(0, 0.02, 0.1, 0.2),
        fc.constantFrom("ownGrid" as const, "communityPool" as const, "nearest" as const),
        fc.constantFrom(0.1, 0.3, 0.5),
        (workersPerGrid, vacancyRate, policy, share) => {
          const { pools, roster } = setUp(workersPerGrid, vacancyRate, policy, share);
          const slots = Math.round(share * 10);
          for (let p = 0; p < pools.count; p++) {
            const n = pools.size[p];
            const members = Array.from(pools.members.subarray(pools.start[p], pools.start[p] + n));
            for (let day = 5; day < 5 + 70; day += 7) {
              for (const d of [day, day + 1]) {
                const onDuty = members.filter((w) => roster.shift(w, d) !== null).length;
                // The pool's share on duty is as even as whole workers allow …
                expect(onDuty).toBeGreaterThanOrEqual(Math.floor((n * slots) / 10));
                expect(onDuty).toBeLessThanOrEqual(Math.ceil((n * slots) / 10));
                // … so a pool is never empty once its workers can cover the rotation.
                if (slots >= Math.ceil(10 / n)) expect(onDuty).toBeGreaterThan(0);
              }
            }
          }
        },
      ),
      { seed: 604, numRuns: 40 },
    );
  });

  it("every worker does the same weekend share over the 10-week rotation", () => {
    const { roster, pools } = setUp(1.5, 0.1, "communityPool", 0.3);
    const hours = new Set(Array.from({ length: pools.members.length }, (_, w) => roster.weeklyHours(w).toFixed(9)));
    expect(hours.size).toBe(1);
    expect(Number([...hours][0])).toBeCloseTo(5 * 9 + 2 * 0.3 * 9, 9);
  });
});

describe("duty rostered beyond the standard roster", () => {
  /** Extra weekly hours of each worker of a small district under `shifts` (and part-time staff). */
  function extra(shifts: Record<string, unknown>, partTimeShare = 0): number[] {
    const s = scenario({ grids: { columns: 3, rows: 2 }, staffing: { workersPerGrid: 2, partTimeShare, partTimeHoursPerDay: 4 }, shifts });
    const layout = buildLayout(s);
    const workforce = new Workforce(s, layout, { next: () => 0.25 });
    const pools = new DispatchPools(s, layout, workforce);
    const roster = new Roster(s, workforce.partTime, dutyOffsets(pools, workforce.count));
    return Array.from({ length: workforce.count }, (_, w) => roster.extraWeeklyHours(w));
  }

  it("is none under the default shifts, or shorter ones", () => {
    expect(new Set(extra({}))).toEqual(new Set([0]));
    expect(new Set(extra({ end: 990 }))).toEqual(new Set([0]));
    expect(new Set(extra({ weekendDutyShare: 0 }))).toEqual(new Set([0]));
  });

  it("is the longer day on every duty day: 2 h more a day on 5 working days and 3 in 10 weekend days is 11.2 h a week", () => {
    for (const h of extra({ end: 1050 + 120 })) expect(h).toBeCloseTo(2 * (5 + 2 * 0.3), 9);
  });

  it("is the weekend days added: everyone on duty at weekends adds 7 in 10 weekend days of 9 h", () => {
    for (const h of extra({ weekendDutyShare: 1 })) expect(h).toBeCloseTo(9 * 2 * 0.7, 9);
  });

  it("is the rest of the week when shifts are off (on duty around the clock)", () => {
    for (const h of extra({ enabled: false })) expect(h).toBeCloseTo(168 - 50.4, 9);
  });

  it("keeps part-time workers to their own hours: a longer day shift adds nothing to a 4-hour shift", () => {
    const hours = extra({ end: 1050 + 120 }, 0.5);
    expect(hours.filter((h) => h === 0).length).toBeGreaterThan(0);
    expect(hours.filter((h) => Math.abs(h - 11.2) < 1e-9).length).toBeGreaterThan(0);
    expect(hours.every((h) => h === 0 || Math.abs(h - 11.2) < 1e-9)).toBe(true);
  });
});
