import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DISCOVERED, ESCALATED, OCCURRED, ON_SITE, REGISTERED } from "../../sim/model/IncidentStore.js";
import { scenarioSchema, type Scenario } from "../../sim/scenario/scenarioSchema.js";
import { occurrences, real, runObserved, scenarioInputArb, uniform } from "../support/scenarios.js";

/**
 * Another dispatch policy and mode, staffing (level, vacancies, part-time, turnover),
 * after-incident rule, travel switch, urgency rule, and governance: shifts, admin burden,
 * escalation, verification, patrol and residents.
 */
const variantArb = fc.record({
  policy: fc.constantFrom("ownGrid" as const, "communityPool" as const, "nearest" as const),
  mode: fc.constantFrom("automatic" as const, "manual" as const),
  afterIncident: fc.constantFrom("stay" as const, "returnToPost" as const, "returnToPostBeforeNext" as const),
  workersPerGrid: real(0.3, 3),
  vacancyRate: uniform(0, 0.5),
  partTimeShare: uniform(0, 1),
  turnoverPerYear: uniform(0, 1),
  travel: fc.boolean(),
  urgentFirst: fc.boolean(),
  shifts: fc.boolean(),
  nightOnCall: fc.boolean(),
  admin: fc.boolean(),
  dailyTaskHours: uniform(0, 4),
  escalation: fc.boolean(),
  verification: fc.boolean(),
  rigour: uniform(0, 1),
  patrol: fc.boolean(),
  residents: fc.boolean(),
  appShare: uniform(0, 1),
});

describe("random number streams of a replication", () => {
  it("common random numbers: dispatch policy, staffing and governance settings do not change incident occurrences", () => {
    fc.assert(
      fc.property(scenarioInputArb, variantArb, (input, v) => {
        const base = scenarioSchema.parse(input);
        const changed = scenarioSchema.parse({
          ...input,
          staffing: { ...input.staffing, workersPerGrid: v.workersPerGrid, vacancyRate: v.vacancyRate, partTimeShare: v.partTimeShare, turnoverPerYear: v.turnoverPerYear },
          dispatch: { ...input.dispatch, policy: v.policy, mode: v.mode, afterIncident: v.afterIncident, urgentFirst: v.urgentFirst },
          travel: { ...input.travel, enabled: v.travel },
          shifts: { ...input.shifts, enabled: v.shifts, nightOnCall: v.nightOnCall },
          admin: { ...input.admin, enabled: v.admin, dailyTaskHours: v.dailyTaskHours },
          escalation: { ...input.escalation, enabled: v.escalation },
          verification: { ...input.verification, enabled: v.verification, rigour: v.rigour },
          patrol: { ...input.patrol, enabled: v.patrol },
          residents: { ...input.residents, enabled: v.residents, appShare: v.appShare },
        });
        // Times, positions, categories, urgency, service draws and the key of each incident's
        // own decisions, incident by incident.
        expect(occurrences(changed, "crn", 0)).toEqual(occurrences(base, "crn", 0));
      }),
      { seed: 1001, numRuns: 40 },
    );
  });

  it("common random numbers: grid size does not change where and when incidents occur", () => {
    fc.assert(
      fc.property(scenarioInputArb, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (input, columns, rows) => {
        const base = scenarioSchema.parse(input);
        const regridded = scenarioSchema.parse({ ...input, grids: { ...input.grids, householdsPerGrid: undefined, columns, rows } });
        expect(occurrences(regridded, "grid", 0)).toEqual(occurrences(base, "grid", 0));
      }),
      { seed: 1002, numRuns: 30 },
    );
  });

  it("a different replication index draws different incidents", () => {
    fc.assert(
      fc.property(scenarioInputArb, fc.integer({ min: 0, max: 100 }), (input, replication) => {
        const s = scenarioSchema.parse(input);
        // ≥ 0.5 incidents/h for ≥ 1 day: both runs are empty with probability < e^-24.
        const a = occurrences(s, 7, replication);
        const b = occurrences(s, 7, replication + 1);
        expect(a.length + b.length).toBeGreaterThan(0);
        expect(a.map((o) => o.time)).not.toEqual(b.map((o) => o.time));
        // Not just a shift: no occurrence time is shared.
        const times = new Set(a.map((o) => o.time));
        expect(b.filter((o) => times.has(o.time))).toEqual([]);
      }),
      { seed: 1003, numRuns: 30 },
    );
  });

  it("a different root seed draws different incidents", () => {
    fc.assert(
      fc.property(scenarioInputArb, (input) => {
        const s = scenarioSchema.parse(input);
        expect(occurrences(s, "one", 0).map((o) => o.time)).not.toEqual(occurrences(s, "two", 0).map((o) => o.time));
      }),
      { seed: 1004, numRuns: 20 },
    );
  });
});

/** For each incident (by its key), the minutes between two stages it reached in one run. */
function stageGaps(s: Scenario, from: number, to: number): Map<number, number> {
  const at = new Map<number, [number, number]>();
  runObserved(s, "crn-decisions", 0, (model, i, stage, now) => {
    const key = model.incidents.key[i];
    const t = at.get(key) ?? [NaN, NaN];
    if (stage === from && Number.isNaN(t[0])) t[0] = now;
    if (stage === to && Number.isNaN(t[1])) t[1] = now;
    at.set(key, t);
  });
  return new Map([...at].filter(([, [a, b]]) => !Number.isNaN(a) && !Number.isNaN(b)).map(([k, [a, b]]) => [k, b - a]));
}

describe("common random numbers for an incident's own decisions", () => {
  const teaching = scenarioSchema.parse(JSON.parse(readFileSync("scenarios/teaching-small.json", "utf8")));
  // Every worker equally skilled, so an incident's on-site chance is the same whoever comes.
  const base: Scenario = { ...teaching, staffing: { ...teaching.staffing, turnoverPerYear: 0, partTimeShare: 0, vacancyRate: 0, skill: 1 }, run: { ...teaching.run, days: 28 } };

  it("a dispatcher's delay drawn for some scenarios leaves every incident's on-site fix as it was", () => {
    // Escalated or not after the first visit: the gap from on site to escalated is finite only if escalated.
    const escalated = (s: Scenario) => {
      const onSite = stageGaps(s, OCCURRED, ON_SITE);
      const esc = stageGaps(s, ON_SITE, ESCALATED);
      return new Map([...onSite.keys()].map((k) => [k, esc.has(k)]));
    };
    const automatic = escalated({ ...base, dispatch: { ...base.dispatch, mode: "automatic" } });
    const manual = escalated({ ...base, dispatch: { ...base.dispatch, mode: "manual" } });
    const both = [...automatic.keys()].filter((k) => manual.has(k));
    expect(both.length).toBeGreaterThan(500);
    expect([...automatic.values()].some(Boolean) && [...automatic.values()].some((e) => !e)).toBe(true);
    expect(both.filter((k) => automatic.get(k) !== manual.get(k))).toEqual([]);
  });

  it("an incident's intake delay does not depend on who found it or in what order incidents were found", () => {
    const delays = (appShare: number) => stageGaps({ ...base, residents: { ...base.residents, appShare } }, DISCOVERED, REGISTERED);
    const [few, many] = [delays(0.1), delays(0.9)];
    const both = [...few.keys()].filter((k) => many.has(k));
    expect(both.length).toBeGreaterThan(500);
    // Equal up to the rounding of (discovery time + delay) − discovery time, as discovery times differ.
    expect(both.filter((k) => Math.abs(few.get(k)! - many.get(k)!) > 1e-9)).toEqual([]);
  });
});
