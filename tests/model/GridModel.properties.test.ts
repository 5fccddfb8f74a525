import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INCIDENT_REPORTERS } from "../../sim/metrics/incidentReporters.js";
import type { GridModel } from "../../sim/model/GridModel.js";
import {
  ASSIGNED,
  BY_VOLUNTEER,
  CLOSED,
  DISCOVERED,
  ESCALATED,
  FOUND_BY,
  OCCURRED,
  ON_SITE,
  REGISTERED,
  STAGE_COUNT,
  VERIFIED,
} from "../../sim/model/IncidentStore.js";
import { ACTIVITIES, ACTIVITY_COUNT, AVAILABLE, HANDLING, OFF_DUTY, RETURNING, TRAVEL } from "../../sim/model/Workforce.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { runObserved, scenarioArb } from "../support/scenarios.js";

const RUNS = { numRuns: 80 };

/** Stage times of incident `i` as a plain array. */
const stamps = (m: GridModel, i: number) => Array.from(m.incidents.times.subarray(i * STAGE_COUNT, (i + 1) * STAGE_COUNT));

/**
 * Checks the closed loop of every incident, stage event by stage event. The paths the
 * engine may take:
 * - occurred → discovered → closed: fixed on the spot by a volunteer (minor category, never registered);
 * - occurred → discovered → registered → assigned → onSite, then any number of verifications and
 *   at most one (first) escalation, then closed. `assigned`/`onSite` are stamped at the first
 *   visit only, `escalated` at the first escalation only, `verified` at every verification (so
 *   it holds the last one).
 * At closing, the stamps that are set are in stage order: occurred ≤ discovered ≤ registered ≤
 * assigned ≤ onSite ≤ escalated ≤ verified ≤ closed.
 */
function checkStagePaths(s: Scenario, seed: number, replication: number): string[] {
  const problems: string[] = [];
  let last = -Infinity;
  const paths = new Map<number, number[]>();
  runObserved(s, seed, replication, (m, i, stage, reported) => {
    const now = m.sim.now;
    const inc = m.incidents;
    const t = stamps(m, i);
    const problem = (what: string) => problems.push(`incident ${i} at ${now}, stage ${stage}: ${what}; path ${paths.get(i)}, stamps ${t}`);
    if (reported !== now) problem(`observer told of time ${reported}`);
    if (now < last) problem(`time went back from ${last}`);
    last = now;
    if (now > m.end) problem("stage event after the end");
    if (t[stage] !== now) problem(`stamped ${t[stage]}`);
    let path = paths.get(i);
    if (stage === OCCURRED) {
      if (path && path.at(-1) !== CLOSED) problem("id reused while its incident is open");
      path = [];
      paths.set(i, path);
    } else if (!path || path.at(-1) === CLOSED) {
      problem("stage of an incident that is not open");
      return;
    }
    const prev = path.at(-1);
    const has = (k: number) => path.includes(k);
    switch (stage) {
      case DISCOVERED:
        if (prev !== OCCURRED) problem("discovered, not right after occurring");
        if (!s.discovery.enabled && now !== t[OCCURRED]) problem("discovery off, yet not found at once");
        break;
      case REGISTERED:
        if (prev !== DISCOVERED) problem("registered, not right after discovery");
        if (!s.intake.enabled && now !== t[DISCOVERED]) problem("intake off, yet not registered at once");
        break;
      case ASSIGNED:
        if (prev !== REGISTERED) problem("assigned, not right after registration");
        if (s.dispatch.mode === "automatic" && m.workforce.count === 0) problem("assigned without workers");
        break;
      case ON_SITE:
        if (prev !== ASSIGNED) problem("on site, not right after assignment");
        break;
      case ESCALATED:
        if (!s.escalation.enabled) problem("escalated with escalation off");
        if (has(ESCALATED)) problem("escalated stamped twice");
        if (!has(ON_SITE)) problem("escalated before any visit");
        break;
      case VERIFIED:
        if (!s.verification.enabled) problem("verified with verification off");
        if (!has(ON_SITE)) problem("verified before any visit");
        break;
      case CLOSED:
        if (has(REGISTERED)) {
          if (!has(ON_SITE)) problem("closed without a visit");
          if (s.verification.enabled && !has(VERIFIED)) problem("closed unverified with verification on");
          if (s.verification.enabled && has(ESCALATED) && path.lastIndexOf(VERIFIED) < path.indexOf(ESCALATED)) problem("department fix closed unverified");
        } else {
          const cat = s.incidents.categories[inc.category[i]];
          if (prev !== DISCOVERED || inc.foundBy[i] !== BY_VOLUNTEER || !cat.minor || !s.residents.enabled) problem("closed unregistered, but not a volunteer's fix of a minor issue");
        }
        // The stamps that are set are in stage order.
        for (let a = 0, b = 1; b < STAGE_COUNT; b++) {
          if (Number.isNaN(t[b])) continue;
          if (!(t[a] <= t[b])) problem(`stamps out of order (${a} > ${b})`);
          a = b;
        }
        break;
    }
    // Stages never reached are unset; stages reached once keep their first time.
    for (let k = 0; k < STAGE_COUNT; k++) {
      if (k === stage) continue;
      if (!has(k) && !Number.isNaN(t[k])) problem(`stage ${k} set early`);
    }
    path.push(stage);
  });
  return problems;
}

describe("GridModel properties over random small scenarios", () => {
  it("time never decreases and every incident follows its closed loop with ordered timestamps (volunteer fixes skip registration)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 5 }), (s, replication) => {
        expect(checkStagePaths(s, 1, replication).slice(0, 5)).toEqual([]);
      }),
      { seed: 901, ...RUNS },
    );
  });

  it("incidents that arrived in the measured window are either closed or still open", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let occurred = 0;
        let closed = 0;
        let misflagged = 0;
        const { model, result } = runObserved(s, 2, 0, (m, i, stage, now) => {
          // Measured means: occurred at or after the end of the warm-up.
          if (stage === OCCURRED && m.incidents.measured[i] !== (now >= m.warmupEnd ? 1 : 0)) misflagged++;
          if (!m.incidents.measured[i]) return;
          if (stage === OCCURRED) occurred++;
          if (stage === CLOSED) closed++;
        });
        const { arrived, open } = result.incidents;
        expect(misflagged).toBe(0);
        expect(arrived).toBe(result.incidents.closed + open);
        expect([arrived, result.incidents.closed]).toEqual([occurred, closed]);
        // Incidents occurring before the warm-up ends are neither counted nor left open in the window.
        let liveMeasured = 0;
        let liveRegistered = 0;
        for (let i = 0; i < model.incidents.capacity; i++) {
          liveMeasured += model.incidents.live[i] & model.incidents.measured[i];
          if (model.incidents.live[i] && model.incidents.time(i, REGISTERED) >= 0) liveRegistered++;
        }
        expect(open).toBe(liveMeasured);
        // The platform's count (behind the hourly backlog) is the open incidents registered.
        expect(model.onPlatform).toBe(liveRegistered);
        // Per category and per grid the counts add up to the same totals.
        expect(result.categories.reduce((a, c) => a + c.arrived, 0)).toBe(arrived);
        expect(result.categories.reduce((a, c) => a + c.closed, 0)).toBe(result.incidents.closed);
        expect(result.grids.occurred.reduce((a, b) => a + b, 0)).toBe(arrived);
      }),
      { seed: 902, ...RUNS },
    );
  });

  it("each worker's minutes over all seven activities sum to the measured window; overtime fits in the time not off duty", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { model, result } = runObserved(s, 3, 0);
        const window = model.end - model.warmupEnd;
        expect(result.truncated).toBe(false);
        expect(result.measuredMinutes).toBeCloseTo(window, 9);
        const wf = model.workforce;
        const tol = 1e-9 * window;
        for (let w = 0; w < wf.count; w++) {
          let sum = 0;
          for (let a = 0; a < ACTIVITY_COUNT; a++) {
            const v = wf.minutes[w * ACTIVITY_COUNT + a];
            expect(v).toBeGreaterThanOrEqual(-tol);
            sum += v;
          }
          expect(Math.abs(sum - window)).toBeLessThanOrEqual(tol);
          const working = sum - wf.minutes[w * ACTIVITY_COUNT + OFF_DUTY];
          expect(wf.overtime[w]).toBeGreaterThanOrEqual(0);
          expect(wf.overtime[w]).toBeLessThanOrEqual(working + tol);
          if (!s.shifts.enabled) {
            // Always on duty: never off duty, never overtime.
            expect(wf.minutes[w * ACTIVITY_COUNT + OFF_DUTY]).toBe(0);
            expect(wf.overtime[w]).toBe(0);
          }
        }
        const hours = ACTIVITIES.reduce((a, name) => a + result.workers.hoursByActivity[name], 0);
        if (wf.count > 0) expect(hours * 60).toBeCloseTo(window, 6);
        const { available, patrol, idle } = result.workers.hoursByActivity;
        expect(patrol + idle).toBeCloseTo(available, 9);
        if (!s.patrol.enabled) expect(patrol).toBe(0);
      }),
      { seed: 903, ...RUNS },
    );
  });

  it("no metric is negative or NaN where n > 0, quantiles are ordered, shares and utilisation are in [0, 1]", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 3 }), (s, replication) => {
        const { result } = runObserved(s, 4, replication);
        for (const { name } of INCIDENT_REPORTERS) {
          const m = result.metrics[name];
          expect(m.histogram.n).toBe(m.n);
          if (m.n === 0) continue;
          for (const v of [m.mean, m.p50, m.p90, m.p95, m.max]) {
            expect(Number.isFinite(v), name).toBe(true);
            expect(v, name).toBeGreaterThanOrEqual(0);
          }
          expect(m.p50).toBeLessThanOrEqual(m.p90);
          expect(m.p90).toBeLessThanOrEqual(m.p95);
          expect(m.p95).toBeLessThanOrEqual(m.max);
          expect(m.mean).toBeLessThanOrEqual(m.max * (1 + 1e-12));
        }
        const inRange = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;
        // Worker ratios need a measured window; a run truncated in its warm-up has none and reports NaN.
        const measured = result.measuredMinutes > 0;
        const ratio = (v: number) => (measured ? inRange(v) : Number.isNaN(v));
        expect(ratio(result.workers.utilization)).toBe(true);
        for (const u of result.grids.utilization) expect(inRange(u)).toBe(true);
        expect(ratio(result.workers.workloadGini)).toBe(true);
        for (const name of [...ACTIVITIES, "patrol", "idle"] as const) {
          const h = result.workers.hoursByActivity[name];
          expect(Number.isFinite(h) && h >= -1e-9, name).toBe(true);
        }
        const nonNegative = (v: number) => (measured ? Number.isFinite(v) && v >= 0 : Number.isNaN(v));
        expect(nonNegative(result.workers.overtimeHoursPerWeek)).toBe(true);
        const { salariesPerYear, overtimePerYear, extraDutyPerYear, totalPerYear, perClosedIncident } = result.cost;
        expect(Number.isFinite(salariesPerYear) && salariesPerYear >= 0).toBe(true);
        expect(Number.isFinite(extraDutyPerYear) && extraDutyPerYear >= 0).toBe(true);
        for (const v of [overtimePerYear, totalPerYear]) expect(nonNegative(v)).toBe(true);
        if (measured) expect(totalPerYear).toBeCloseTo(salariesPerYear + overtimePerYear + extraDutyPerYear, 6);
        if (perClosedIncident !== null) expect(Number.isFinite(perClosedIncident) && perClosedIncident >= 0).toBe(true);
        if (s.residents.enabled) expect(inRange(result.satisfaction!)).toBe(true);
        else expect(result.satisfaction).toBeNull();
        for (const r of result.grids.meanResponse) if (r !== null) expect(Number.isFinite(r) && r >= 0).toBe(true);
        for (const v of result.series.backlogHourly) expect(Number.isInteger(v) && v >= 0).toBe(true);
        for (const v of result.series.satisfactionDaily) if (s.residents.enabled) expect(inRange(v)).toBe(true);
        for (const v of result.series.residentShareDaily) if (!Number.isNaN(v)) expect(inRange(v)).toBe(true);
        expect(result.series.backlogHourly).toHaveLength(s.run.days * 24);
        expect(result.series.satisfactionDaily).toHaveLength(s.run.days);
        const { L, Lq, lambda } = result.little;
        for (const v of [L, Lq, lambda]) expect(Number.isFinite(v) && v >= 0).toBe(true);
        expect(Lq).toBeLessThanOrEqual(L * (1 + 1e-12));
      }),
      { seed: 904, ...RUNS },
    );
  });

  it("measurement counts never grow along the closed loop, and the incident tallies are consistent", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let openPastLimit = 0;
        const { model, result } = runObserved(s, 5, 0);
        const inc = model.incidents;
        for (let i = 0; i < inc.capacity; i++) if (inc.live[i] && inc.measured[i] && model.sim.now > inc.deadline[i]) openPastLimit++;
        const n = (name: keyof typeof result.metrics) => result.metrics[name].n;
        const r = result.incidents;
        const found = FOUND_BY.reduce((a, k) => a + (k === "nobody" ? 0 : r.foundBy[k]), 0);
        // Every incident is found by someone or, still unfound at the end, by nobody.
        expect(found + r.foundBy.nobody).toBe(r.arrived);
        expect(n("discoveryDelay")).toBe(found);
        if (!s.discovery.enabled) expect(r.foundBy.instantly).toBe(r.arrived);
        else expect(r.foundBy.instantly).toBe(0);
        if (!s.residents.enabled) expect(r.foundBy.resident + r.foundBy.volunteer).toBe(0);
        if (!s.patrol.enabled || !s.discovery.enabled) expect(r.foundBy.patrol).toBe(0);
        // Volunteers fix only what they found; everything else closed was registered first.
        expect(r.fixedByVolunteers).toBeLessThanOrEqual(r.foundBy.volunteer);
        expect(n("queueWait")).toBeLessThanOrEqual(found - r.fixedByVolunteers);
        expect(n("travelTime")).toBeLessThanOrEqual(n("queueWait"));
        expect(n("responseTime")).toBe(n("travelTime"));
        expect(n("resolutionTime")).toBe(r.closed - r.fixedByVolunteers);
        expect(n("resolutionTime")).toBeLessThanOrEqual(n("travelTime"));
        expect(n("totalTime")).toBe(r.closed);
        // Escalation, misrouting and rework happen only to incidents a worker has visited.
        expect(r.escalated).toBeLessThanOrEqual(n("travelTime"));
        expect(r.misrouted).toBeLessThanOrEqual(r.escalated);
        expect(r.reopened).toBeLessThanOrEqual(n("travelTime"));
        if (!s.escalation.enabled) expect(r.escalated).toBe(0);
        if (!s.verification.enabled) expect(r.reopened).toBe(0);
        expect(r.satisfied).toBeLessThanOrEqual(r.closed);
        // Every registered incident closed is within its limit or late; open ones past it are late too.
        const within = result.categories.reduce((a, c) => a + c.withinLimit, 0);
        const late = result.categories.reduce((a, c) => a + c.late, 0);
        expect(within + late).toBe(r.closed - r.fixedByVolunteers + openPastLimit);
        if (!s.residents.enabled || s.intake.duplicateShare === 0) expect(r.duplicates).toBe(0);
      }),
      { seed: 905, ...RUNS },
    );
  });

  it("residents are satisfied with a closed incident exactly when it closed within its time limit and the fix was right", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const problems: string[] = [];
        let satisfied = 0;
        const { result } = runObserved(s, 12, 0, {
          close: (m, i, verdict) => {
            const inc = m.incidents;
            const expected = m.sim.now <= inc.deadline[i] && inc.faulty[i] === 0;
            if (verdict !== expected) problems.push(`incident ${i}: verdict ${verdict}, closed ${m.sim.now}, deadline ${inc.deadline[i]}, faulty ${inc.faulty[i]}`);
            if (inc.measured[i] && verdict) satisfied++;
          },
        });
        expect(problems.slice(0, 5)).toEqual([]);
        expect(result.incidents.satisfied).toBe(satisfied);
      }),
      { seed: 911, ...RUNS },
    );
  });

  it("first handling on site lasts the incident's drawn service time ÷ the worker's skill, and reaching a site is instant when travel is off", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const problems: string[] = [];
        const started = new Map<number, { at: number; i: number; first: boolean }>();
        runObserved(s, 9, 0, {
          activity: (m, w, from, to, now) => {
            const wf = m.workforce;
            const inc = m.incidents;
            if (to === HANDLING) {
              const i = wf.job[w];
              started.set(w, { at: now, i, first: inc.reopened[i] === 0 });
            } else if (from === HANDLING) {
              const h = started.get(w)!;
              started.delete(w);
              const handled = now - h.at;
              if (handled < 0) problems.push(`worker ${w} handled ${h.i} for ${handled}`);
              const expected = inc.service[h.i] / wf.skill[w];
              if (h.first && Math.abs(handled - expected) > 1e-9 * (1 + now)) problems.push(`incident ${h.i} handled for ${handled}, drew ${expected}`);
            }
            if (from === TRAVEL && !s.travel.enabled && now !== wf.since[w]) problems.push(`worker ${w} travelled ${now - wf.since[w]} min with travel off`);
          },
          stage: (m, i, stage, now) => {
            if (stage === ON_SITE && !s.travel.enabled && now !== m.incidents.time(i, ASSIGNED)) {
              problems.push(`incident ${i} reached ${now - m.incidents.time(i, ASSIGNED)} min after assignment without travel`);
            }
          },
        });
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 908, ...RUNS },
    );
  });

  it("Little's-law averages equal the exact time-integrals of registered incidents in system (L) and not yet assigned (Lq) over the window", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let inSystem = 0;
        let waiting = 0;
        let last = 0;
        let areaL = 0;
        let areaLq = 0;
        let registered = 0;
        let warmupEnd = 0;
        const advance = (now: number) => {
          const from = Math.max(last, warmupEnd);
          const to = Math.max(now, warmupEnd);
          areaL += inSystem * (to - from);
          areaLq += waiting * (to - from);
          last = now;
        };
        const { model, result } = runObserved(s, 10, 0, (m, i, stage, now) => {
          warmupEnd = m.warmupEnd;
          // The system is the platform: an incident is in it from registration to closure,
          // and waits from registration to its first assignment. Volunteer fixes never enter.
          if (stage === REGISTERED) {
            advance(now);
            inSystem++;
            waiting++;
            if (now >= m.warmupEnd) registered++;
          } else if (stage === ASSIGNED) {
            advance(now);
            waiting--;
          } else if (stage === CLOSED && m.incidents.time(i, REGISTERED) >= 0) {
            advance(now);
            inSystem--;
          }
        });
        warmupEnd = model.warmupEnd;
        advance(model.sim.now);
        const window = model.sim.now - model.warmupEnd;
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
        expect(close(result.little.L, areaL / window), `L ${result.little.L} vs ${areaL / window}`).toBe(true);
        expect(close(result.little.Lq, areaLq / window), `Lq ${result.little.Lq} vs ${areaLq / window}`).toBe(true);
        expect(result.little.lambda).toBeCloseTo(registered / window, 12);
        // The hourly backlog samples the same count of incidents in the system.
        expect(result.series.backlogHourly.every((v) => v >= 0)).toBe(true);
      }),
      { seed: 909, ...RUNS },
    );
  });

  it("after an incident workers stay, walk back, or walk back before the next job, as afterIncident says", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const problems: string[] = [];
        const after = s.dispatch.afterIncident;
        const { result } = runObserved(s, 11, 0, {
          activity: (m, w, from, to) => {
            const wf = m.workforce;
            if (to === RETURNING && (after === "stay" || !s.travel.enabled)) problems.push(`worker ${w} walking back under ${after}, travel ${s.travel.enabled}`);
            if (to !== TRAVEL) return;
            // Sent to a job: under returnToPostBeforeNext (travel on) only from the post, never
            // from an incident site or part-way back. (A walker who has just arrived is still
            // marked returning when the next job is handed over, at the post.)
            const atPost = wf.x[w] === wf.postX[w] && wf.y[w] === wf.postY[w];
            if (after === "returnToPostBeforeNext" && s.travel.enabled && !atPost) {
              problems.push(`worker ${w} (was ${ACTIVITIES[from]}) sent from (${wf.x[w]}, ${wf.y[w]}), post (${wf.postX[w]}, ${wf.postY[w]})`);
            }
          },
        });
        const hours = result.workers.hoursByActivity;
        if (after === "stay" || !s.travel.enabled) expect(hours.returning).toBe(0);
        if (!s.travel.enabled) expect(hours.travel).toBe(0);
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 910, ...RUNS },
    );
  });

  it("the patrol effort of every grid is the number of its workers available now (a worker covering k grids counts 1/k)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const problems: string[] = [];
        runObserved(s, 13, 0, {
          afterEvent: (m) => {
            const patrol = (m.crew as unknown as { patrol: { effort: Float64Array } | null }).patrol;
            if (!(s.discovery.enabled && s.patrol.enabled)) {
              if (patrol !== null) problems.push("patrol coverage without patrol discovery");
              return;
            }
            const wf = m.workforce;
            for (let g = 0; g < m.layout.grids; g++) {
              let effort = 0;
              const place = wf.gridInOrder.indexOf(g);
              for (let w = 0; w < wf.count; w++) if (wf.coverFirst[w] <= place && place <= wf.coverLast[w] && wf.activity[w] === AVAILABLE) effort += 1 / (wf.coverLast[w] - wf.coverFirst[w] + 1);
              if (Math.abs(patrol!.effort[g] - effort) > 1e-9) problems.push(`grid ${g} at ${m.sim.now}: effort ${patrol!.effort[g]}, ${effort} workers available`);
            }
          },
        });
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 912, numRuns: 40 },
    );
  });

  it("the same seed gives a byte-identical ReplicationResult", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), (s, replication) => {
        const a = JSON.stringify(runObserved(s, "same", replication).result);
        const b = JSON.stringify(runObserved(structuredClone(s), "same", replication).result);
        expect(a).toBe(b);
      }),
      { seed: 907, numRuns: 40 },
    );
  });
});

