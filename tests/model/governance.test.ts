/**
 * The governance side of the engine: shifts and overtime, night on-call, escalation to
 * departments, verification and rework, time limits in working hours, discovery by
 * residents / patrol / volunteers, the admin burden. Small seeded runs, each named after
 * the behaviour it checks; tolerances come from sampling error or are exact.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MINUTES_PER_DAY } from "../../sim/kernel/PoissonProcess.js";
import { GridModel } from "../../sim/model/GridModel.js";
import {
  ASSIGNED,
  BY_PATROL,
  BY_RESIDENT,
  BY_VOLUNTEER,
  CLOSED,
  DISCOVERED,
  ESCALATED,
  OCCURRED,
  ON_SITE,
  REGISTERED,
  VERIFIED,
} from "../../sim/model/IncidentStore.js";
import { ACTIVITIES, ACTIVITY_COUNT, ADMIN, AVAILABLE, HANDLING, OFF_DUTY, RETURNING, TRAVEL, VERIFYING } from "../../sim/model/Workforce.js";
import type { Scenario, ScenarioInput } from "../../sim/scenario/scenarioSchema.js";
import { distance, PLAIN, runObserved, scenario, scenarioArb } from "../support/scenarios.js";

type Input = Omit<ScenarioInput, "schemaVersion" | "name">;

/** Night hours only (00:00–05:00): hour-of-day multipliers. */
const NIGHT = [1, 1, 1, 1, 1, ...new Array(19).fill(0)];
const EVERY_DAY = new Array(7).fill(true);
const FLAT_WEEK = new Array(7).fill(1);

/** The random scenarios with shifts switched on (at least one working day). */
const shiftScenarioArb: fc.Arbitrary<Scenario> = scenarioArb.map((s) => {
  const workdays = s.shifts.workdays.some(Boolean) ? s.shifts.workdays : EVERY_DAY;
  return { ...s, shifts: { ...s.shifts, enabled: true, workdays } };
});

/** Is time `t` strictly inside / strictly outside worker `w`'s rostered shift of that day? */
function rostered(m: GridModel, w: number, t: number): "in" | "out" | "edge" {
  const day = Math.floor(t / MINUTES_PER_DAY);
  const shift = m.roster.shift(w, day);
  if (!shift) return t === day * MINUTES_PER_DAY ? "edge" : "out";
  if (t > shift[0] && t < shift[1]) return "in";
  if (t < shift[0] || t > shift[1]) return "out";
  return "edge";
}

/** Minutes of [a, b) that lie outside every rostered shift of worker `w` (shifts starting before `end`). */
function offShiftMinutes(m: GridModel, w: number, a: number, b: number): number {
  let inside = 0;
  for (let day = Math.floor(a / MINUTES_PER_DAY); day * MINUTES_PER_DAY < b; day++) {
    const shift = m.roster.shift(w, day);
    if (!shift || shift[0] >= m.end) continue;
    inside += Math.max(0, Math.min(b, shift[1]) - Math.max(a, shift[0]));
  }
  return b - a - inside;
}

describe("shifts", () => {
  it("with shifts on, no worker is available or busy outside their shift except overtime: finishing a job, the day's admin, or an urgent on-call job; overtime is exactly the working time off shift", () => {
    let offShiftWork = 0;
    fc.assert(
      fc.property(shiftScenarioArb, (s) => {
        const problems: string[] = [];
        const onCall = s.shifts.nightOnCall;
        // Start of each worker's current stretch away from home (NaN while off duty).
        let awaySince: Float64Array | undefined;
        const overtime: number[] = [];
        const book = (m: GridModel, w: number, a: number, b: number) => {
          const from = Math.max(a, m.warmupEnd);
          if (b > from) overtime[w] = (overtime[w] ?? 0) + offShiftMinutes(m, w, from, b);
        };
        const { model } = runObserved(s, 21, 0, {
          setup: (m) => {
            awaySince = new Float64Array(m.workforce.count).fill(NaN);
          },
          activity: (m, w, from, to, now) => {
            const wf = m.workforce;
            if (from === OFF_DUTY) awaySince![w] = now;
            if (to === OFF_DUTY) {
              book(m, w, awaySince![w], now);
              awaySince![w] = NaN;
            }
            const where = rostered(m, w, now);
            if (where === "in" && !wf.onShift[w]) problems.push(`worker ${w} off shift at ${now}, inside the rostered shift`);
            if (where === "out" && wf.onShift[w]) problems.push(`worker ${w} on shift at ${now}, outside the rostered shift`);
            if (wf.onShift[w]) {
              if (to === OFF_DUTY) problems.push(`worker ${w} went home during the shift at ${now}`);
              return;
            }
            if (to !== OFF_DUTY) offShiftWork++;
            const job = wf.job[w];
            const why = `worker ${w} off shift at ${now}: ${ACTIVITIES[from]} → ${ACTIVITIES[to]} (job ${job}, admin due ${wf.adminDue[w]})`;
            switch (to) {
              case AVAILABLE:
              case RETURNING:
                problems.push(why);
                break;
              case TRAVEL:
                // Only an urgent on-call job: called in from home, or taken while still out after another job.
                if (!(onCall && job >= 0 && m.incidents.urgent[job] === 1)) problems.push(why);
                break;
              case HANDLING:
              case VERIFYING:
                // Only carrying on with the job in hand.
                if (!(job >= 0 && (from === TRAVEL || from === HANDLING || from === VERIFYING))) problems.push(why);
                break;
              case ADMIN:
                // Data entry for the job in hand, or what is left of the day's admin tasks.
                if (!(job >= 0 || wf.adminDue[w] > 0)) problems.push(why);
                break;
            }
          },
          afterEvent: (m) => {
            const wf = m.workforce;
            for (let w = 0; w < wf.count; w++) {
              if (wf.activity[w] === AVAILABLE && !wf.onShift[w]) problems.push(`worker ${w} available off shift at ${m.sim.now}`);
              const where = rostered(m, w, m.sim.now);
              if ((where === "in") !== (wf.onShift[w] === 1) && where !== "edge") problems.push(`worker ${w} shift flag ${wf.onShift[w]} at ${m.sim.now} (${where})`);
            }
          },
        });
        const wf = model.workforce;
        for (let w = 0; w < wf.count; w++) {
          if (!Number.isNaN(awaySince![w])) book(model, w, awaySince![w], model.sim.now);
          const expected = overtime[w] ?? 0;
          if (Math.abs(wf.overtime[w] - expected) > 1e-6 * (1 + expected)) problems.push(`worker ${w}: overtime ${wf.overtime[w]}, worked ${expected} min off shift`);
        }
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 1201, numRuns: 80 },
    );
    // Overtime happened in the scenarios, so the rules above were exercised.
    expect(offShiftWork).toBeGreaterThan(0);
  });

  it("on working days every worker works the day shift (part-timers its first hours); on other days a rotating weekendDutyShare of them does", () => {
    const s = scenario({
      grids: { columns: 5, rows: 4 },
      staffing: { workersPerGrid: 1, partTimeShare: 0.25, partTimeHoursPerDay: 4 },
      shifts: { start: 480, end: 1020, weekendDutyShare: 0.3 },
    });
    const m = new GridModel(s, { seed: 1, replication: 0 });
    const W = m.workforce.count;
    for (let day = 0; day < 14; day++) {
      const working = day % 7 < 5;
      let onDuty = 0;
      for (let w = 0; w < W; w++) {
        const shift = m.roster.shift(w, day);
        if (!shift) continue;
        onDuty++;
        const length = m.workforce.partTime[w] ? 240 : 540;
        expect(shift).toEqual([day * 1440 + 480, day * 1440 + 480 + length]);
      }
      expect(onDuty).toBe(working ? W : Math.round(0.3 * 10) * (W / 10));
    }
    // Over ten rest days the rota is fair: everyone does the same number of duties.
    const duties = Array.from({ length: W }, (_, w) => Array.from({ length: 70 }, (_, d) => d).filter((d) => d % 7 >= 5 && m.roster.shift(w, d)).length);
    expect(new Set(duties).size).toBe(1);
  });
});

/**
 * Three one-worker grids side by side pooled under `nearest`, a day shift 08:30–17:30
 * every day, and only urgent incidents, all at night (00:00–05:00). No discovery, intake or
 * governance stage other than shifts; travel at 12 km/h; 30-minute jobs.
 */
function nightScenario(nightOnCall: boolean, input: Input = {}): Scenario {
  return scenario({
    ...PLAIN,
    district: { widthMeters: 3000, heightMeters: 1000, households: 3000 },
    grids: { columns: 3, rows: 1 },
    staffing: { workersPerGrid: 1 },
    incidents: {
      ratePerHour: 3 / 24, // three a night
      hourOfDay: NIGHT,
      dayOfWeek: FLAT_WEEK,
      hotspotCv: 0,
      categories: [{ id: "urgent", name: "Urgent", share: 1, urgentShare: 1, serviceTime: { type: "deterministic", value: 30 } }],
    },
    dispatch: { policy: "nearest" },
    travel: { speedKmh: 12 },
    shifts: { enabled: true, start: 510, end: 1050, workdays: EVERY_DAY, nightOnCall },
    run: { days: 5, warmupDays: 0 },
    ...input,
  });
}

interface NightJob {
  id: number;
  registered: number;
  assigned: number;
  worker: number;
  calledFromHome: boolean;
  distance: number;
}

function nightJobs(s: Scenario, seed: number) {
  const jobs = new Map<number, NightJob>();
  const all: NightJob[] = [];
  const run = runObserved(s, seed, 0, {
    stage: (m, i, stage, now) => {
      if (stage === REGISTERED) {
        const j = { id: i, registered: now, assigned: NaN, worker: -1, calledFromHome: false, distance: NaN };
        jobs.set(i, j);
        all.push(j);
      } else if (stage === CLOSED) jobs.delete(i);
    },
    activity: (m, w, from, to, now) => {
      if (to !== TRAVEL) return;
      const wf = m.workforce;
      const j = jobs.get(wf.job[w])!;
      j.assigned = now;
      j.worker = w;
      j.calledFromHome = from === OFF_DUTY && !wf.onShift[w];
      j.distance = distance(m.s, wf.postX[w], wf.postY[w], m.incidents.x[j.id], m.incidents.y[j.id]);
    },
  });
  return { ...run, jobs: all };
}

describe("night on-call", () => {
  it("with nightOnCall on, an urgent incident at night is handled at once by an off-duty worker called from home, all of it paid as overtime", () => {
    const s = nightScenario(true);
    const { model, result, jobs } = nightJobs(s, 31);
    expect(jobs.length).toBeGreaterThanOrEqual(8);
    const wf = model.workforce;
    for (const j of jobs) {
      expect(j.assigned, `incident registered at ${j.registered}`).toBe(j.registered);
      expect(j.calledFromHome).toBe(true);
    }
    // Each job is travel from the post plus 30 minutes on site, then home: all overtime.
    const expected = jobs.filter((j) => j.assigned < model.end).reduce((a, j) => a + j.distance / 200 + 30, 0);
    const overtime = wf.overtime.reduce((a, b) => a + b, 0);
    expect(overtime).toBeCloseTo(expected, 6);
    expect(result.workers.hoursByActivity.returning).toBe(0);
    expect(result.metrics.queueWait.max).toBe(0);
  });

  it("with nightOnCall on, the off-duty worker called is the one whose post is nearest the incident", () => {
    const s = nightScenario(true, { run: { days: 7, warmupDays: 0 } });
    const problems: string[] = [];
    let calls = 0;
    let notOwnGrid = 0;
    runObserved(s, 32, 0, {
      activity: (m, w, from, to) => {
        if (to !== TRAVEL || from !== OFF_DUTY) return;
        calls++;
        const wf = m.workforce;
        const i = wf.job[w];
        const d = (v: number) => distance(s, wf.postX[v], wf.postY[v], m.incidents.x[i], m.incidents.y[i]);
        for (let v = 0; v < wf.count; v++) if (v !== w && wf.activity[v] === OFF_DUTY && d(v) < d(w)) problems.push(`incident ${i} at x ${m.incidents.x[i]}: called worker ${w}, ${v} lives nearer`);
        // Posts are the grid centres, 1 km apart: the nearest is the incident's own grid's worker, unless busy.
        if (w !== m.incidents.grid[i]) notOwnGrid++;
      },
    });
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(notOwnGrid).toBeLessThan(calls);
    expect(problems).toEqual([]);
  });

  it("with nightOnCall off, urgent incidents at night wait until the morning shift, and nobody works overtime", () => {
    const s = nightScenario(false);
    const { model, result, jobs } = nightJobs(s, 31);
    expect(jobs.length).toBeGreaterThanOrEqual(8);
    for (const j of jobs) {
      const morning = Math.floor(j.registered / MINUTES_PER_DAY) * MINUTES_PER_DAY + 510;
      if (!(j.assigned >= 0)) {
        expect(morning).toBeGreaterThanOrEqual(model.end);
        continue;
      }
      expect(j.assigned).toBeGreaterThanOrEqual(morning);
      expect(j.calledFromHome).toBe(false);
    }
    // Three workers, at most a handful a night: the first three of each night go at 08:30 sharp.
    const byNight = new Map<number, NightJob[]>();
    for (const j of jobs) byNight.set(Math.floor(j.registered / MINUTES_PER_DAY), [...(byNight.get(Math.floor(j.registered / MINUTES_PER_DAY)) ?? []), j]);
    for (const [day, js] of byNight) for (const j of js.slice(0, 3)) expect(j.assigned).toBe(day * MINUTES_PER_DAY + 510);
    expect(model.workforce.overtime.reduce((a, b) => a + b, 0)).toBe(0);
    expect(result.workers.overtimeHoursPerWeek).toBe(0);
  });

  // FAILS on the current engine. Crew.request tries night on-call only when an incident is
  // requested; Crew.release sends a worker whose shift is over home without looking at the
  // queue. So an urgent incident reported while the only worker is out on a night call waits
  // until 08:30, and an urgent incident reported after the worker got home is served first.
  it("with nightOnCall on, an urgent incident that must wait at night is taken as soon as the on-call worker is free, in arrival order", () => {
    const s = nightScenario(true, {
      district: { widthMeters: 1000, heightMeters: 1000, households: 1000 },
      grids: { columns: 1, rows: 1 },
      incidents: {
        ratePerHour: 6 / 24, // six a night, in five hours: 30-minute jobs overlap
        hourOfDay: NIGHT,
        dayOfWeek: FLAT_WEEK,
        hotspotCv: 0,
        categories: [{ id: "urgent", name: "Urgent", share: 1, urgentShare: 1, serviceTime: { type: "deterministic", value: 30 } }],
      },
      travel: { enabled: false },
    });
    const { jobs } = nightJobs(s, 3);
    const waited = jobs.filter((j) => j.assigned > j.registered);
    expect(waited.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const j of waited) {
      const morning = Math.floor(j.registered / MINUTES_PER_DAY) * MINUTES_PER_DAY + 510;
      if (!(j.assigned < morning)) problems.push(`urgent incident registered at ${j.registered.toFixed(1)} waited until ${j.assigned.toFixed(1)}`);
    }
    const byAssignment = [...jobs].filter((j) => j.assigned >= 0).sort((a, b) => a.assigned - b.assigned);
    byAssignment.forEach((j, k) => {
      if (k > 0 && j.registered < byAssignment[k - 1].registered) problems.push(`urgent incident registered at ${j.registered.toFixed(1)} overtaken by one registered at ${byAssignment[k - 1].registered.toFixed(1)}`);
    });
    expect(problems.slice(0, 4)).toEqual([]);
  });
});

describe("admin work and urgent incidents", () => {
  // FAILS on the current engine. Crew.release starts the day's remaining admin tasks before
  // looking at the queue once they fill the rest of the shift ("they come before waiting
  // (non-urgent) incidents"), but does so even when an urgent incident waits; the worker is then
  // in an interruptible admin block, which any newly reported urgent incident would interrupt.
  it("a worker who starts the day's admin tasks near the end of the shift first takes an urgent incident already waiting", () => {
    // One worker, shift 08:30–17:30 with 4 h of admin, urgent and normal 60-minute jobs all
    // day: late in the shift the admin left fills the rest of the shift while incidents wait.
    const s = scenario({
      ...PLAIN,
      grids: { columns: 1, rows: 1 },
      staffing: { workersPerGrid: 1 },
      incidents: {
        ratePerHour: 1.5,
        hourOfDay: new Array(24).fill(1),
        dayOfWeek: FLAT_WEEK,
        hotspotCv: 0,
        categories: [{ id: "job", name: "Job", share: 1, urgentShare: 0.3, serviceTime: { type: "deterministic", value: 60 } }],
      },
      travel: { enabled: false },
      admin: { enabled: true, dailyTaskHours: 4, dataEntryMinutesPerIncident: 0, dataEntryMinutesPerStage: 0, blockMinutes: 30 },
      shifts: { enabled: true, workdays: EVERY_DAY, nightOnCall: false },
      run: { days: 3, warmupDays: 0 },
    });
    const problems: string[] = [];
    let adminWithQueue = 0;
    runObserved(s, 5, 0, {
      activity: (m, w, _from, to, now) => {
        if (to !== ADMIN || m.workforce.job[w] >= 0 || !m.workforce.onShift[w]) return;
        const p = m.pools.poolOfWorker[w];
        if (m.pools.queued[p] === 0) return;
        adminWithQueue++;
        const waiting: number[] = [];
        for (let q = 0; q < 2; q++) for (let i = m.pools.head[p * 2 + q]; i >= 0; i = m.incidents.next[i]) waiting.push(i);
        const urgent = waiting.filter((i) => m.incidents.urgent[i] === 1);
        if (urgent.length > 0) problems.push(`at ${now.toFixed(1)} worker ${w} starts admin while urgent ${urgent} wait`);
      },
    });
    // The rule "admin due before the shift ends comes first" was exercised.
    expect(adminWithQueue).toBeGreaterThan(0);
    expect(problems.slice(0, 4)).toEqual([]);
  });
});

/**
 * 4 × 2 grids in two communities, one street each; 2 workers per grid; 20-minute jobs never
 * solved on site, of a street-level and a district-level category; one department team per
 * street and one for the district (30 minutes a case); verification on, fixes always right.
 */
function escalationScenario(input: Input): Scenario {
  return scenario({
    ...PLAIN,
    district: { widthMeters: 2000, heightMeters: 1000, households: 2000 },
    grids: { columns: 4, rows: 2, gridsPerCommunity: 4, communitiesPerStreet: 1 },
    staffing: { workersPerGrid: 2 },
    incidents: {
      ratePerHour: 2,
      hotspotCv: 0,
      categories: [
        { id: "streetLevel", name: "Street level", share: 1, serviceTime: { type: "deterministic", value: 20 }, onSiteResolution: 0, escalateTo: "street", departmentServiceTime: { type: "deterministic", value: 30 } },
        { id: "districtLevel", name: "District level", share: 1, serviceTime: { type: "deterministic", value: 20 }, onSiteResolution: 0, escalateTo: "district", departmentServiceTime: { type: "deterministic", value: 30 } },
      ],
    },
    escalation: { enabled: true, streetTeams: 1, districtTeams: 1, acceptanceDelay: { type: "exponential", mean: 60 }, misrouteProbability: 0 },
    verification: { enabled: true, faultShare: 0, minutes: { type: "deterministic", value: 10 } },
    run: { days: 4, warmupDays: 0 },
    ...input,
  });
}

interface Trace {
  stages: number[];
  times: number[];
  departments: { at: number; unit: number }[];
}

/** Every stage and every department request of every incident, keyed by occurrence order. */
function trace(s: Scenario, seed: number) {
  const live = new Map<number, Trace>();
  const all: Trace[] = [];
  const run = runObserved(s, seed, 0, {
    stage: (m, i, stage, now) => {
      if (stage === OCCURRED) {
        const t = { stages: [], times: [], departments: [] };
        live.set(i, t);
        all.push(t);
      }
      const t = live.get(i)!;
      t.stages.push(stage);
      t.times.push(now);
      if (stage === CLOSED) live.delete(i);
    },
    setup: (m) => {
      m.departments.forEach((d, unit) => {
        const request = d.request.bind(d);
        d.request = (i) => {
          live.get(i)!.departments.push({ at: m.sim.now, unit });
          return request(i);
        };
      });
    },
  });
  return { ...run, traces: all };
}

describe("escalation", () => {
  it("with escalation on and nothing solvable on site, every visited incident is escalated once, goes to its street's or the district's department, and is verified by a worker after the department's fix before it closes", () => {
    const s = escalationScenario({});
    const { model, result, traces } = trace(s, 41);
    const closed = traces.filter((t) => t.stages.includes(CLOSED));
    expect(closed.length).toBeGreaterThanOrEqual(20);
    // Every incident handled is escalated, once; every one escalated goes to a department.
    for (const t of traces) {
      expect(t.stages.filter((k) => k === ESCALATED).length).toBeLessThanOrEqual(1);
      if (t.departments.length > 0) expect(t.stages).toContain(ESCALATED);
    }
    for (const t of closed) {
      const at = (k: number) => t.times[t.stages.indexOf(k)];
      expect(t.stages.slice(0, 5)).toEqual([OCCURRED, DISCOVERED, REGISTERED, ASSIGNED, ON_SITE]);
      expect(t.stages.slice(5)).toEqual([ESCALATED, VERIFIED, CLOSED]);
      expect(t.departments.length).toBeGreaterThanOrEqual(1);
      // The department takes it after the escalation and before the verifying visit.
      expect(t.departments[0].at).toBeGreaterThanOrEqual(at(ESCALATED));
      expect(t.departments.at(-1)!.at).toBeLessThanOrEqual(at(VERIFIED));
    }
    // The department units used: the two streets' and the district's (index = number of streets).
    expect(model.layout.streets).toBe(2);
    const units = new Set(traces.flatMap((t) => t.departments.map((d) => d.unit)));
    expect([...units].every((u) => u >= 0 && u <= model.layout.streets)).toBe(true);
    expect(units.has(model.layout.streets)).toBe(true);
    expect(result.incidents.escalated).toBe(traces.filter((t) => t.stages.includes(ESCALATED)).length);
    expect(result.incidents.misrouted).toBe(0);
  });

  it("each escalated incident goes to the department of its category's level: its grid's street, or the district", () => {
    const s = escalationScenario({});
    const problems: string[] = [];
    let escalations = 0;
    runObserved(s, 42, 0, {
      setup: (m) => {
        m.departments.forEach((d, unit) => {
          const request = d.request.bind(d);
          d.request = (i) => {
            escalations++;
            const level = m.s.incidents.categories[m.incidents.category[i]].escalateTo;
            const expected = level === "street" ? m.layout.streetOfGrid[m.incidents.grid[i]] : m.layout.streets;
            if (unit !== expected) problems.push(`incident ${i} (${level}, grid ${m.incidents.grid[i]}) sent to unit ${unit}, expected ${expected}`);
            return request(i);
          };
        });
      },
    });
    expect(escalations).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it("with the whistle on and no misrouting, a department accepts an escalated case within whistleHours; with misrouting certain, every escalated case is misrouted", () => {
    const whistle = escalationScenario({
      escalation: { enabled: true, streetTeams: 1, districtTeams: 1, acceptanceDelay: { type: "exponential", mean: 600 }, whistle: true, whistleHours: 0.5, misrouteProbability: 0 },
    });
    const { traces } = trace(whistle, 43);
    const escalated = traces.filter((t) => t.departments.length > 0);
    expect(escalated.length).toBeGreaterThan(10);
    for (const t of escalated) expect(t.departments[0].at - t.times[t.stages.indexOf(ESCALATED)]).toBeLessThanOrEqual(30 + 1e-9);
    const misrouted = escalationScenario({
      escalation: { enabled: true, streetTeams: 1, districtTeams: 1, acceptanceDelay: { type: "exponential", mean: 30 }, misrouteProbability: 1, misrouteDelay: { type: "deterministic", value: 120 } },
    });
    const run = trace(misrouted, 43);
    expect(run.result.incidents.escalated).toBeGreaterThan(10);
    expect(run.result.incidents.misrouted).toBe(run.result.incidents.escalated);
    // A misrouted case bounces back after misrouteDelay before it is routed again.
    for (const t of run.traces.filter((t) => t.departments.length > 0)) expect(t.departments[0].at - t.times[t.stages.indexOf(ESCALATED)]).toBeGreaterThanOrEqual(120);
  });

  it("with escalation off nothing is escalated and no department is ever asked", () => {
    const s = escalationScenario({ escalation: { enabled: false } });
    const { result, traces } = trace(s, 44);
    expect(result.incidents.closed).toBeGreaterThan(20);
    expect(result.incidents.escalated).toBe(0);
    expect(traces.every((t) => t.departments.length === 0 && !t.stages.includes(ESCALATED))).toBe(true);
  });

  it("with onSiteResolution 1 nothing is escalated, whatever the worker's skill", () => {
    for (const skill of [0.3, 1, 2.5]) {
      const s = escalationScenario({});
      const all = {
        ...s,
        staffing: { ...s.staffing, skill },
        incidents: { ...s.incidents, categories: s.incidents.categories.map((c) => ({ ...c, onSiteResolution: 1 })) },
      };
      const { result, traces } = trace(all, 45);
      expect(result.incidents.closed).toBeGreaterThan(20);
      expect(result.incidents.escalated).toBe(0);
      expect(traces.every((t) => t.departments.length === 0)).toBe(true);
    }
  });

  it("the share resolved on site is 1 − (1 − onSiteResolution)^skill, within binomial sampling error", () => {
    const s = escalationScenario({});
    const skill = 1.5;
    const p = 0.4;
    const scen = {
      ...s,
      staffing: { ...s.staffing, skill },
      incidents: { ...s.incidents, ratePerHour: 6, categories: s.incidents.categories.map((c) => ({ ...c, onSiteResolution: p })) },
      escalation: { ...s.escalation, acceptanceDelay: { type: "deterministic" as const, value: 0 } },
      run: { ...s.run, days: 6 },
    };
    let handled = 0;
    let escalated = 0;
    runObserved(scen, 46, 0, {
      activity: (_m, _w, from) => {
        // Fixes are never faulty here, so each incident is handled once, at its first visit.
        if (from === HANDLING) handled++;
      },
      stage: (_m, _i, stage) => {
        if (stage === ESCALATED) escalated++;
      },
    });
    expect(handled).toBeGreaterThan(300);
    const q = Math.pow(1 - p, skill); // escalated share
    // Without data entry, an escalation is stamped the moment handling ends.
    expect(Math.abs(escalated - handled * q)).toBeLessThan(3.2905 * Math.sqrt(handled * q * (1 - q)));
  });
});

/** One grid, two workers, 30-minute jobs, no travel, verification on. */
function reworkScenario(faultShare: number, rigour: number, input: Input = {}): Scenario {
  return scenario({
    ...PLAIN,
    grids: { columns: 1, rows: 1 },
    staffing: { workersPerGrid: 2 },
    incidents: {
      ratePerHour: 1,
      hotspotCv: 0,
      categories: [{ id: "job", name: "Job", share: 1, serviceTime: { type: "deterministic", value: 30 } }],
    },
    travel: { enabled: false },
    verification: { enabled: true, faultShare, rigour, minutes: { type: "deterministic", value: 10 } },
    run: { days: 3, warmupDays: 0 },
    ...input,
  });
}

describe("verification and rework", () => {
  it("with rigour 1 and faultShare 1 every fix is caught and redone until maxReopenings, then closes unsatisfied", () => {
    const s = reworkScenario(1, 1);
    const problems: string[] = [];
    const { result } = runObserved(s, 51, 0, {
      close: (m, i) => {
        if (m.incidents.reopened[i] !== s.verification.maxReopenings) problems.push(`incident ${i} closed after ${m.incidents.reopened[i]} reopenings`);
      },
    });
    expect(result.incidents.closed).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(result.incidents.satisfied).toBe(0);
  });

  // With faultShare = rigour = 1 every fix is faulty and caught; with zero handling and
  // verification times a rework loop would never advance the clock. The test stops the kernel
  // after 200 000 events at one instant, so a livelock fails instead of hanging.
  it("a run with faultShare = rigour = 1 and zero handling and verification times still ends", () => {
    const s = reworkScenario(1, 1, {
      incidents: { ratePerHour: 1, hotspotCv: 0, categories: [{ id: "job", name: "Job", share: 1, serviceTime: { type: "deterministic", value: 0 } }] },
      verification: { enabled: true, faultShare: 1, rigour: 1, minutes: { type: "deterministic", value: 0 } },
      run: { days: 1, warmupDays: 0 },
    });
    let instant = -1;
    let atInstant = 0;
    let stuck = "";
    const { model } = runObserved(s, 52, 0, {
      afterEvent: (m) => {
        if (m.sim.now !== instant) [instant, atInstant] = [m.sim.now, 0];
        if (++atInstant > 200_000) {
          stuck = `livelock at t = ${m.sim.now}: more than 200000 events without the clock moving`;
          m.sim.stop();
        }
      },
    });
    expect(stuck).toBe("");
    expect(model.sim.now).toBe(model.end);
  });

  it("with rigour 0 or faultShare 0 nothing is reopened; uncaught faults close with unsatisfied residents", () => {
    for (const [faultShare, rigour] of [
      [0, 1],
      [1, 0],
    ]) {
      const s = reworkScenario(faultShare, rigour);
      let satisfied = 0;
      const { result } = runObserved(s, 53, 0, { close: (_m, _i, ok) => void (satisfied += ok ? 1 : 0) });
      expect(result.incidents.closed).toBeGreaterThan(20);
      expect(result.incidents.reopened).toBe(0);
      // Every fix faulty and none caught: nobody is satisfied; no fault: all in time are.
      if (faultShare === 1) expect(satisfied).toBe(0);
      else expect(result.incidents.satisfied).toBe(result.categories[0].withinLimit);
    }
  });

  it("the share of first on-site fixes reopened is faultShare × rigour, within binomial sampling error", () => {
    const faultShare = 0.4;
    const rigour = 0.5;
    const s = reworkScenario(faultShare, rigour, { staffing: { workersPerGrid: 6 }, incidents: { ratePerHour: 6, hotspotCv: 0, categories: [{ id: "job", name: "Job", share: 1, serviceTime: { type: "deterministic", value: 30 } }] }, run: { days: 5, warmupDays: 0 } });
    let first = 0;
    let reopened = 0;
    runObserved(s, 54, 0, {
      activity: (m, w, from, to) => {
        if (from !== VERIFYING) return;
        const i = m.workforce.job[w];
        const n = m.incidents.reopened[i];
        // The first verification of an incident: reopened (0 → 1, back to handling) or not.
        if (to === HANDLING && n === 1) [first, reopened] = [first + 1, reopened + 1];
        else if (to !== HANDLING && n === 0) first++;
      },
    });
    expect(first).toBeGreaterThan(500);
    const p = faultShare * rigour;
    expect(Math.abs(reopened - first * p)).toBeLessThan(3.2905 * Math.sqrt(first * p * (1 - p)));
  });
});

describe("time limits", () => {
  it("a time limit counted in working hours falls due inside office hours, after exactly timeLimitHours of working time; otherwise after timeLimitHours of clock time", () => {
    let inWorkingHours = 0;
    fc.assert(
      fc.property(shiftScenarioArb, (s) => {
        const problems: string[] = [];
        runObserved(s, 61, 0, (m, i, stage, now) => {
          if (stage !== REGISTERED) return;
          const c = m.s.incidents.categories[m.incidents.category[i]];
          const limit = c.timeLimitHours * 60;
          const due = m.incidents.deadline[i];
          if (!c.timeLimitInWorkingHours) {
            if (due !== now + limit) problems.push(`incident ${i}: due ${due}, registered ${now} + ${limit}`);
            return;
          }
          inWorkingHours++;
          const cal = m.calendar;
          const day = Math.floor(due / MINUTES_PER_DAY);
          const minute = due - day * MINUTES_PER_DAY;
          const office = s.incidents.officeHours;
          if (!office.workdays[day % 7]) problems.push(`incident ${i}: due ${due} on a day off`);
          if (minute < office.start - 1e-6 || minute > office.end + 1e-6) problems.push(`incident ${i}: due at minute ${minute} of the day, office hours ${office.start}–${office.end}`);
          const worked = cal.workingMinutesBetween(now, due);
          if (Math.abs(worked - limit) > 1e-6 * (1 + limit)) problems.push(`incident ${i}: ${worked} working minutes until due, limit ${limit}`);
          if (due < now + limit - 1e-6) problems.push(`incident ${i}: due ${due} before ${limit} minutes of clock time`);
        });
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 1301, numRuns: 60 },
    );
    expect(inWorkingHours).toBeGreaterThan(100);
  });

  it("the first missed time limit is the earliest deadline of a measured incident closed late or still open past it at the end", () => {
    let withLate = 0;
    fc.assert(
      fc.property(shiftScenarioArb, (s) => {
        let expected = Infinity;
        const { model, result } = runObserved(s, 63, 0, {
          close: (m, i) => {
            const inc = m.incidents;
            const registered = inc.time(i, REGISTERED) >= 0;
            if (inc.measured[i] && registered && m.sim.now > inc.deadline[i]) expected = Math.min(expected, inc.deadline[i]);
          },
        });
        const inc = model.incidents;
        for (let i = 0; i < inc.capacity; i++) {
          if (inc.live[i] && inc.measured[i] && model.sim.now > inc.deadline[i]) expected = Math.min(expected, inc.deadline[i]);
        }
        const late = result.categories.reduce((n, c) => n + c.late, 0);
        expect(result.firstMissedLimit).toBe(late > 0 ? expected : null);
        if (late > 0) {
          withLate++;
          expect(result.firstMissedLimit).toBeGreaterThanOrEqual(model.warmupEnd);
        }
      }),
      { seed: 1302, numRuns: 40 },
    );
    expect(withLate).toBeGreaterThan(5);
  });

  it("a time limit in working hours runs on the platform's office hours, whatever the workers' shifts", () => {
    const s = escalationScenario({ escalation: { enabled: false } });
    const base = { ...s, incidents: { ...s.incidents, categories: s.incidents.categories.map((c) => ({ ...c, timeLimitHours: 5, timeLimitInWorkingHours: true })) } };
    const deadlines = (shifts: Scenario["shifts"]) => {
      const due = new Map<number, number>();
      runObserved({ ...base, shifts }, 62, 0, (m, i, stage, now) => {
        if (stage === REGISTERED) due.set(m.incidents.key[i], m.incidents.deadline[i] - now);
      });
      return due;
    };
    // Minutes from registration until due, by incident (its key).
    const dayShifts = deadlines({ ...base.shifts, enabled: true });
    const longer = deadlines({ ...base.shifts, enabled: true, end: base.shifts.end + 120, workdays: [true, true, true, true, true, true, false] });
    const roundTheClock = deadlines({ ...base.shifts, enabled: false });
    const keys = [...dayShifts.keys()].filter((k) => longer.has(k) && roundTheClock.has(k));
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) {
      expect(longer.get(k)).toBe(dayShifts.get(k));
      expect(roundTheClock.get(k)).toBe(dayShifts.get(k));
    }
    // And they are working hours, not clock hours: some fall due more than 5 h after registration.
    expect(keys.some((k) => dayShifts.get(k)! > 300 + 1e-6)).toBe(true);
  });
});

describe("discovery", () => {
  function discoveryScenario(input: Input): Scenario {
    return scenario({
      district: { widthMeters: 2000, heightMeters: 2000, households: 4000 },
      grids: { columns: 2, rows: 2 },
      staffing: { workersPerGrid: 1 },
      incidents: {
        ratePerHour: 3,
        categories: [
          { id: "hazard", name: "Hidden hazard", share: 1, serviceTime: { type: "deterministic", value: 20 }, residentsReport: false },
          { id: "litter", name: "Litter", share: 1, serviceTime: { type: "deterministic", value: 20 } },
        ],
      },
      residents: { reportsPerHour: 2, volunteerShare: 0.005 },
      patrol: { share: 1, sweepMeters: 60 },
      escalation: { enabled: false },
      verification: { enabled: false },
      admin: { enabled: false },
      shifts: { enabled: false },
      run: { days: 3, warmupDays: 0 },
      ...input,
    });
  }

  it("a category with residentsReport false is never reported by residents (patrols and volunteers still find it)", () => {
    const found = { hazard: [0, 0, 0, 0, 0], litter: [0, 0, 0, 0, 0] };
    runObserved(discoveryScenario({}), 71, 0, (m, i, stage) => {
      if (stage !== DISCOVERED) return;
      const id = m.s.incidents.categories[m.incidents.category[i]].id as "hazard" | "litter";
      found[id][m.incidents.foundBy[i]]++;
    });
    expect(found.hazard[BY_RESIDENT]).toBe(0);
    expect(found.hazard[BY_PATROL]).toBeGreaterThan(0);
    // The reporting category is reported by residents, so the contrast means something.
    expect(found.litter[BY_RESIDENT]).toBeGreaterThan(10);
    expect(found.hazard[BY_VOLUNTEER] + found.litter[BY_VOLUNTEER]).toBeGreaterThan(0);
  });

  it("app users report appSpeedup times faster: with everyone on the app, residents find every incident in exactly 1/appSpeedup of the time", () => {
    const only = (appShare: number) =>
      runObserved(discoveryScenario({ residents: { reportsPerHour: 2, volunteerShare: 0, appShare, appSpeedup: 3 }, patrol: { enabled: false } }), 74, 0).result;
    const without = only(0);
    const everyone = only(1);
    const some = only(0.5);
    expect(without.incidents.foundBy.resident).toBeGreaterThan(100);
    // Same incidents and the same residents (the app draw uses one uniform either way): each delay is divided by 3 exactly, up to rounding.
    expect(everyone.metrics.discoveryDelay.mean / without.metrics.discoveryDelay.mean).toBeCloseTo(1 / 3, 9);
    expect(some.metrics.discoveryDelay.mean).toBeLessThan(without.metrics.discoveryDelay.mean);
    expect(some.metrics.discoveryDelay.mean).toBeGreaterThan(everyone.metrics.discoveryDelay.mean);
  });

  it("discovery off means every incident is known the moment it occurs, whoever could have found it", () => {
    for (const input of [
      { discovery: { enabled: false }, residents: { enabled: false }, patrol: { enabled: false } },
      { discovery: { enabled: false } },
    ]) {
      let n = 0;
      const { result } = runObserved(discoveryScenario(input), 72, 0, (m, i, stage, now) => {
        if (stage !== DISCOVERED) return;
        n++;
        expect(now).toBe(m.incidents.time(i, OCCURRED));
      });
      expect(n).toBe(result.incidents.arrived);
      expect(result.incidents.foundBy.instantly).toBe(result.incidents.arrived);
      expect(result.metrics.discoveryDelay.max).toBe(0);
    }
  });

  it("with discovery on but residents, volunteers and patrol off, nothing is ever found", () => {
    const { result } = runObserved(discoveryScenario({ residents: { enabled: false }, patrol: { enabled: false } }), 73, 0);
    expect(result.incidents.arrived).toBeGreaterThan(100);
    expect(result.metrics.discoveryDelay.n).toBe(0);
    expect(result.incidents.open).toBe(result.incidents.arrived);
  });

  it("duplicates count resident reports of the measured window only, like every other incident tally", () => {
    // FAILS on the current engine: GridModel.duplicates counts from t = 0 and the collector
    // reports it as is, so the warm-up's duplicates are added to the measured window's.
    const s = discoveryScenario({ intake: { duplicateShare: 1 }, run: { days: 3, warmupDays: 1 } });
    const { result } = runObserved(s, 74, 0);
    expect(result.incidents.foundBy.resident).toBeGreaterThan(10);
    // duplicateShare 1: every incident found by a resident is reported twice.
    expect(result.incidents.duplicates).toBe(result.incidents.foundBy.resident);
  });
});

describe("admin burden", () => {
  /** Four one-worker grids, a week from Monday, light incident load, no data entry. */
  function adminScenario(input: Input): Scenario {
    return scenario({
      ...PLAIN,
      district: { widthMeters: 2000, heightMeters: 2000, households: 4000 },
      grids: { columns: 2, rows: 2 },
      staffing: { workersPerGrid: 1 },
      incidents: {
        ratePerHour: 1,
        categories: [{ id: "job", name: "Job", share: 1, urgentShare: 0.2, serviceTime: { type: "deterministic", value: 30 } }],
      },
      admin: { enabled: true, dailyTaskHours: 3, taskCut: 0, dataEntryMinutesPerIncident: 0, dataEntryMinutesPerStage: 0, blockMinutes: 60 },
      run: { days: 7, warmupDays: 0 },
      ...input,
    });
  }

  /** Admin minutes booked per worker, and what the engine still owes (due, minus a block in progress). */
  function adminBooked(s: Scenario, seed: number) {
    const { model, result } = runObserved(s, seed, 0);
    const wf = model.workforce;
    return {
      model,
      result,
      booked: Array.from({ length: wf.count }, (_, w) => wf.minutes[w * ACTIVITY_COUNT + ADMIN]),
      left: Array.from({ length: wf.count }, (_, w) => wf.adminDue[w] - (wf.activity[w] === ADMIN && wf.job[w] < 0 ? model.sim.now - wf.adminStart[w] : 0)),
    };
  }

  for (const shifts of [false, true]) {
    it(`with shifts ${shifts ? "on (weekdays only)" : "off"}, each worker books dailyTaskHours × (1 − taskCut) of admin per working day`, () => {
      for (const taskCut of [0, 0.25]) {
        const s = adminScenario({
          admin: { enabled: true, dailyTaskHours: 3, taskCut, dataEntryMinutesPerIncident: 0, dataEntryMinutesPerStage: 0, blockMinutes: 60 },
          shifts: { enabled: shifts, weekendDutyShare: 0, nightOnCall: false },
        });
        const { booked, left } = adminBooked(s, 81);
        const perDay = 3 * 60 * (1 - taskCut);
        for (let w = 0; w < booked.length; w++) {
          // Ordered: five working days; booked is what was ordered less what is left, and by
          // Sunday night Friday's tasks are long done, so nothing is left.
          expect(booked[w] + left[w]).toBeCloseTo(5 * perDay, 6);
          expect(left[w]).toBeCloseTo(0, 9);
        }
      }
    });
  }

  it("part-time workers get the daily tasks in proportion to their hours", () => {
    const s = adminScenario({
      staffing: { workersPerGrid: 1, partTimeShare: 0.5, partTimeHoursPerDay: 3 },
      shifts: { enabled: true, start: 510, end: 1050, weekendDutyShare: 0, nightOnCall: false },
    });
    const { model, booked, left } = adminBooked(s, 82);
    const wf = model.workforce;
    expect(wf.partTime.reduce((a, b) => a + b, 0)).toBe(2);
    for (let w = 0; w < wf.count; w++) {
      const perDay = 180 * (wf.partTime[w] ? 180 / 540 : 1);
      expect(booked[w] + left[w]).toBeCloseTo(5 * perDay, 6);
    }
  });

  it("cutting the daily tasks (taskCut) cuts the admin hours booked in proportion, and data entry adds its minutes per closed incident", () => {
    const full = adminBooked(adminScenario({}), 83);
    const cut = adminBooked(adminScenario({ admin: { enabled: true, dailyTaskHours: 3, taskCut: 0.5, dataEntryMinutesPerIncident: 0, dataEntryMinutesPerStage: 0, blockMinutes: 60 } }), 83);
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(cut.booked) + total(cut.left)).toBeCloseTo(0.5 * (total(full.booked) + total(full.left)), 6);
    expect(cut.result.workers.hoursByActivity.admin).toBeLessThan(full.result.workers.hoursByActivity.admin);
    // Data entry only: 10 minutes per incident closed (escalation and verification off), plus
    // at most one entry per worker still under way at the end.
    const entry = adminBooked(adminScenario({ admin: { enabled: true, dailyTaskHours: 0, dataEntryMinutesPerIncident: 10, dataEntryMinutesPerStage: 0 } }), 84);
    const closed = entry.result.incidents.closed;
    expect(closed).toBeGreaterThan(50);
    expect(total(entry.booked)).toBeGreaterThanOrEqual(10 * closed - 1e-6);
    expect(total(entry.booked)).toBeLessThanOrEqual(10 * (closed + entry.booked.length) + 1e-6);
  });
});
