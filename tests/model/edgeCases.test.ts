import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioData } from "../../sim/experiments/loadScenario.js";
import { runReplication } from "../../sim/experiments/runReplication.js";
import { rngStream } from "../../sim/kernel/rngStream.js";
import { hotspotBlocks } from "../../sim/model/hotspotBlocks.js";
import { REGISTERED } from "../../sim/model/IncidentStore.js";
import { ACTIVITIES, ACTIVITY_COUNT } from "../../sim/model/Workforce.js";
import { scenarioSchema, type Scenario } from "../../sim/scenario/scenarioSchema.js";
import { runObserved, scenario } from "../support/scenarios.js";

/** Minutes booked to each worker, summed over activities. */
function bookedMinutes(model: ReturnType<typeof runObserved>["model"]): number[] {
  const wf = model.workforce;
  return Array.from({ length: wf.count }, (_, w) => {
    let s = 0;
    for (let a = 0; a < ACTIVITY_COUNT; a++) s += wf.minutes[w * ACTIVITY_COUNT + a];
    return s;
  });
}

/**
 * A heavily overloaded one-grid district: 20 incidents an hour, one worker, hour-long jobs
 * (≈ 19 more open each hour), with the governance stages left at their defaults (shifts,
 * admin, escalation, verification) and discovery and intake off.
 */
function overloaded(maxOpenIncidents: number, warmupDays: number): Scenario {
  return scenario({
    district: { households: 4000 },
    grids: { columns: 1, rows: 1 },
    staffing: { workersPerGrid: 1 },
    incidents: {
      ratePerHour: 20,
      categories: [{ id: "job", name: "Job", share: 1, serviceTime: { type: "deterministic", value: 60 } }],
    },
    discovery: { enabled: false },
    intake: { enabled: false },
    run: { days: 3, warmupDays, maxOpenIncidents },
  });
}

describe("edge cases of a replication", () => {
  it("runReplication gives exactly the result of GridModel + ReplicationCollector run by hand", () => {
    const s = scenario({ grids: { columns: 3, rows: 2 }, incidents: { ratePerHour: 3 }, run: { days: 3, warmupDays: 1 } });
    expect(JSON.stringify(runReplication(s, 5, 2))).toBe(JSON.stringify(runObserved(s, 5, 2).result));
  });

  // With no worker, every pool is empty (ownGrid keeps one empty pool): registered incidents
  // wait for a worker who never comes, whatever the policy, dispatch mode, shifts or night
  // on-call. Only volunteers can close anything (minor issues fixed on the spot).
  for (const enabled of [true, false]) {
    it(`with no worker in the district (1 grid × 0.3 workers, or every post vacant) incidents wait under every policy, travel ${enabled ? "on" : "off"}`, () => {
      const cases = [
        { workersPerGrid: 0.3, vacancyRate: 0 },
        { workersPerGrid: 1, vacancyRate: 0.95 },
      ];
      for (const staffing of cases) {
        for (const policy of ["nearest", "communityPool", "ownGrid"] as const) {
          for (const mode of ["automatic", "manual"] as const) {
            const label = `${policy}, ${mode}, ${JSON.stringify(staffing)}`;
            const s = scenario({
              district: { widthMeters: 2000, heightMeters: 2000, households: 4000 },
              grids: { columns: 1, rows: 1 },
              staffing,
              incidents: { ratePerHour: 2 },
              residents: { volunteerShare: 0.01 },
              dispatch: { policy, mode },
              travel: { enabled },
              run: { days: 2, warmupDays: 1 },
            });
            let run: ReturnType<typeof runObserved> | undefined;
            expect(() => (run = runObserved(s, 1, 0)), label).not.toThrow();
            const { model, result } = run!;
            const r = result.incidents;
            expect(model.workforce.count, label).toBe(0);
            expect(r.arrived, label).toBeGreaterThan(0);
            expect(r.closed, label).toBe(r.fixedByVolunteers);
            expect(result.metrics.queueWait.n, label).toBe(0);
            expect(result.metrics.responseTime.n, label).toBe(0);
            expect(r.escalated, label).toBe(0);
            expect(r.open, label).toBe(r.arrived - r.fixedByVolunteers);
            // Everything registered is still on the platform, waiting in the (empty) pool's queue.
            const registered = model.incidents.live.reduce((a, live, i) => a + (live && model.incidents.time(i, REGISTERED) >= 0 ? 1 : 0), 0);
            if (mode === "automatic") expect(model.pools.queued.reduce((a, b) => a + b, 0), label).toBe(registered);
            expect(result.workers.count, label).toBe(0);
            expect(result.workers.utilization, label).toBe(0);
            expect(result.cost.totalPerYear, label).toBe(0);
          }
        }
      }
    });
  }

  it("a run truncated after the warm-up reports it and still books every worker minute of the window", () => {
    const { model, result } = runObserved(overloaded(500, 0.5), 1, 0);
    expect(result.truncated).toBe(true);
    expect(model.truncatedAt).toBeGreaterThan(model.warmupEnd);
    expect(model.truncatedAt).toBeLessThan(model.end);
    expect(result.measuredMinutes).toBeCloseTo(model.truncatedAt - model.warmupEnd, 9);
    for (const m of bookedMinutes(model)) expect(m).toBeCloseTo(result.measuredMinutes, 6);
    expect(result.incidents.arrived).toBe(result.incidents.closed + result.incidents.open);
    // The cap counts every open incident, measured or not.
    expect(model.incidents.open).toBe(501);
  });

  it("a run truncated during the warm-up reports an empty measured window, never a negative one", () => {
    const { model, result } = runObserved(overloaded(30, 2), 1, 0);
    expect(result.truncated).toBe(true);
    expect(model.truncatedAt).toBeLessThan(model.warmupEnd);
    expect(result.incidents).toMatchObject({
      arrived: 0,
      closed: 0,
      open: 0,
      escalated: 0,
      misrouted: 0,
      reopened: 0,
      foundBy: { nobody: 0, resident: 0, patrol: 0, volunteer: 0, instantly: 0 },
      fixedByVolunteers: 0,
      satisfied: 0,
    });
    for (const c of result.categories) expect(c).toMatchObject({ arrived: 0, closed: 0, withinLimit: 0, late: 0 });
    for (const m of Object.values(result.metrics)) expect(m.n).toBe(0);
    // Ratios over an empty window are not measured: NaN here, null in JSON — never a 0 that reads as "idle".
    expect(result.workers.utilization).toBeNaN();
    expect(result.workers.overtimeHoursPerWeek).toBeNaN();
    expect(result.workers.workloadGini).toBeNaN();
    expect(result.cost.overtimePerYear).toBeNaN();
    expect(result.cost.totalPerYear).toBeNaN();
    expect(result.cost.perClosedIncident).toBeNull();
    expect(JSON.parse(JSON.stringify(result.workers)).utilization).toBeNull();
    expect(result.measuredMinutes).toBeGreaterThanOrEqual(0);
    // Nothing of the warm-up may be booked as measured worker time.
    const hours = ACTIVITIES.reduce((a, name) => a + result.workers.hoursByActivity[name], 0);
    expect(hours * 60).toBeCloseTo(result.measuredMinutes, 6);
  });
});

describe("cost per closed incident", () => {
  it("divides the year's staff cost by the incidents workers closed, leaving out volunteers' fixes on the spot", () => {
    const s = scenarioSchema.parse(JSON.parse(readFileSync("scenarios/teaching-small.json", "utf8")));
    const r = runReplication({ ...s, residents: { ...s.residents, volunteerShare: 0.01 } }, 3, 0);
    expect(r.incidents.fixedByVolunteers).toBeGreaterThan(0);
    const perYear = (365 * 1440) / r.measuredMinutes;
    const byWorkers = r.incidents.closed - r.incidents.fixedByVolunteers;
    expect(r.cost.perClosedIncident).toBeCloseTo(r.cost.totalPerYear / (byWorkers * perYear), 6);
  });
});

describe("cost of rostered duty", () => {
  const s = scenarioSchema.parse(JSON.parse(readFileSync("scenarios/teaching-small.json", "utf8")));
  const short = { ...s, run: { ...s.run, days: 8 } };

  it("the standard roster costs salaries and overtime only", () => {
    const c = runReplication(short, 1, 0).cost;
    expect(c.extraDutyPerYear).toBe(0);
    expect(c.totalPerYear).toBe(c.salariesPerYear + c.overtimePerYear);
  });

  it("a shift 2 hours longer pays every worker 11.2 more hours a week as overtime", () => {
    const longer = runReplication({ ...short, shifts: { ...short.shifts, end: short.shifts.end + 120 } }, 1, 0);
    const c = longer.cost;
    const hourly = s.cost.fullTimeSalaryPerYear / s.cost.hoursPerYear;
    expect(c.extraDutyPerYear).toBeCloseTo(longer.workers.count * 11.2 * (365 / 7) * hourly * s.cost.overtimeMultiplier, 6);
    expect(c.totalPerYear).toBeCloseTo(c.salariesPerYear + c.overtimePerYear + c.extraDutyPerYear, 6);
  });
});

describe("extreme settings the schema accepts still run to the end", () => {
  const small = (input: Parameters<typeof scenario>[0]) => scenario({ grids: { columns: 2, rows: 2 }, run: { days: 3, warmupDays: 1 }, ...input });

  it("an incident rate so low that the next arrival is ages away: no incident, and the run ends at once", () => {
    const r = runReplication(small({ incidents: { ratePerHour: 1e-11 } }), 1, 0);
    expect(r.incidents.arrived).toBe(0);
    expect(r.measuredMinutes).toBe(2 * 1440);
  });

  it("hotspot blocks larger than the district: the district is one block and incidents fall inside it", () => {
    const s = small({ incidents: { ratePerHour: 5, hotspotBlockMeters: 1e13 } });
    const blocks = hotspotBlocks(s, rngStream(1, "hotspots", 0));
    expect(blocks.count).toBe(1);
    expect([blocks.x0[0], blocks.y0[0], blocks.w[0], blocks.h[0]]).toEqual([0, 0, s.district.widthMeters, s.district.heightMeters]);
    expect(runReplication(s, 1, 0).incidents.arrived).toBeGreaterThan(0);
  });

  it("office hours whose week of working minutes does not divide evenly: time limits still fall due", () => {
    // This run once looped for ever on a deadline that rounding put a hair past a whole week.
    const teaching = JSON.parse(readFileSync(new URL("../../scenarios/teaching-small.json", import.meta.url), "utf8"));
    const checked = loadScenarioData(teaching, ["run.days=7", "incidents.officeHours.start=0", "incidents.officeHours.end=3.9669421487603307", "incidents.categories.0.timeLimitHours=40"]);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const r = runReplication(checked.value, 1, 0);
    expect(r.incidents.arrived).toBeGreaterThan(0);
    expect(r.categories[0].closed).toBeGreaterThan(0);
  });

  it("an admin block shorter than a minute is refused by the schema", () => {
    const base = { schemaVersion: 1, name: "x" };
    expect(scenarioSchema.safeParse({ ...base, admin: { blockMinutes: 0.5 } }).success).toBe(false);
    expect(scenarioSchema.safeParse({ ...base, admin: { blockMinutes: 1 } }).success).toBe(true);
  });

  it("utilisation and workload inequality stay in [0, 1] when nothing happens on fractional shifts", () => {
    const s = small({ incidents: { ratePerHour: 0 }, shifts: { enabled: true, end: 1189.327, workdays: [false, false, false, false, false, false, false] } });
    for (const seed of [1, 404]) {
      const w = runReplication(s, seed, 0).workers;
      expect(w.utilization).toBeGreaterThanOrEqual(0);
      expect(w.utilization).toBeLessThanOrEqual(1);
      expect(w.workloadGini).toBeGreaterThanOrEqual(0);
    }
  });
});
