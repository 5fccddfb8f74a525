import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INCIDENT_REPORTERS } from "../../sim/metrics/incidentReporters.js";
import { ASSIGNED, CLOSED, OCCURRED, ON_SITE, REGISTERED, STAGE_COUNT } from "../../sim/model/IncidentStore.js";
import { ACTIVITIES, ACTIVITY_COUNT, RETURNING } from "../../sim/model/Workforce.js";
import { runObserved, scenarioArb } from "../support/scenarios.js";

const RUNS = { numRuns: 60 };

describe("GridModel properties over random small scenarios", () => {
  it("time never decreases and every incident passes through the stages in order, one at a time, with ordered timestamps", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 5 }), (s, replication) => {
        const problems: string[] = [];
        let last = -Infinity;
        const expectedStage = new Map<number, number>();
        runObserved(s, 1, replication, (m, i, stage, reported) => {
          const now = m.sim.now;
          if (reported !== now) problems.push(`onStage reported time ${reported} at ${now}`);
          if (now < last) problems.push(`time went back from ${last} to ${now}`);
          last = now;
          const want = expectedStage.get(i) ?? OCCURRED;
          if (stage !== want) problems.push(`incident ${i} reached stage ${stage}, expected ${want}`);
          expectedStage.set(i, (stage + 1) % STAGE_COUNT);
          const t = m.incidents.times.subarray(i * STAGE_COUNT, (i + 1) * STAGE_COUNT);
          if (t[stage] !== now) problems.push(`stage ${stage} of ${i} stamped ${t[stage]} at ${now}`);
          for (let k = 1; k <= stage; k++) if (!(t[k - 1] <= t[k])) problems.push(`stage times of ${i} out of order: ${Array.from(t)}`);
          for (let k = stage + 1; k < STAGE_COUNT; k++) if (!Number.isNaN(t[k])) problems.push(`stage ${k} of ${i} set early`);
          if (now > m.end) problems.push(`stage event after the end: ${now}`);
        });
        expect(problems.slice(0, 5)).toEqual([]);
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
        for (let i = 0; i < model.incidents.capacity; i++) liveMeasured += model.incidents.live[i] & model.incidents.measured[i];
        expect(open).toBe(liveMeasured);
      }),
      { seed: 902, ...RUNS },
    );
  });

  it("each worker's activity minutes sum to the measured window (run end − warm-up end)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { model, result } = runObserved(s, 3, 0);
        const window = model.end - model.warmupEnd;
        expect(result.truncated).toBe(false);
        expect(result.measuredMinutes).toBeCloseTo(window, 9);
        const wf = model.workforce;
        for (let w = 0; w < wf.count; w++) {
          let sum = 0;
          for (let a = 0; a < ACTIVITY_COUNT; a++) {
            const v = wf.minutes[w * ACTIVITY_COUNT + a];
            expect(v).toBeGreaterThanOrEqual(-1e-9 * window);
            sum += v;
          }
          expect(Math.abs(sum - window)).toBeLessThanOrEqual(1e-9 * window);
        }
        const hours = ACTIVITIES.reduce((a, name) => a + result.workers.hoursByActivity[name], 0);
        if (wf.count > 0) expect(hours * 60).toBeCloseTo(window, 6);
      }),
      { seed: 903, ...RUNS },
    );
  });

  it("no metric is negative or NaN where n > 0, quantiles are ordered, utilisation is in [0, 1]", () => {
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
        const u = result.workers.utilization;
        expect(u >= 0 && u <= 1).toBe(true);
        for (const name of ACTIVITIES) {
          const h = result.workers.hoursByActivity[name];
          expect(Number.isFinite(h) && h >= 0).toBe(true);
        }
        const { L, Lq, lambda } = result.little;
        for (const v of [L, Lq, lambda]) expect(Number.isFinite(v) && v >= 0).toBe(true);
        expect(Lq).toBeLessThanOrEqual(L * (1 + 1e-12));
      }),
      { seed: 904, ...RUNS },
    );
  });

  it("measurement counts never grow along the closed loop", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result } = runObserved(s, 5, 0);
        const n = (name: keyof typeof result.metrics) => result.metrics[name].n;
        const { arrived, closed } = result.incidents;
        expect(n("discoveryDelay")).toBeLessThanOrEqual(arrived);
        expect(n("queueWait")).toBeLessThanOrEqual(n("discoveryDelay"));
        expect(n("travelTime")).toBeLessThanOrEqual(n("queueWait"));
        expect(n("responseTime")).toBe(n("travelTime"));
        expect(closed).toBeLessThanOrEqual(n("travelTime"));
        expect(n("resolutionTime")).toBe(closed);
        expect(n("totalTime")).toBe(closed);
      }),
      { seed: 905, ...RUNS },
    );
  });

  it("dispatch is work-conserving, serves only from the incident's pool, urgent first (if enabled) and FIFO within a priority", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const problems: string[] = [];
        // Shadow queues: registered, not yet assigned incidents of each pool, in registration order.
        const waiting = new Map<number, { id: number; urgent: boolean }[]>();
        runObserved(s, 6, 0, (m, i, stage) => {
          const pools = m.pools;
          const p = pools.poolOfGrid[m.incidents.grid[i]];
          const q = waiting.get(p) ?? [];
          waiting.set(p, q);
          if (stage === REGISTERED) {
            if (pools.freeCount[p] > 0 && q.length > 0) problems.push(`pool ${p} has a free worker while ${q.length} wait`);
            q.push({ id: i, urgent: s.dispatch.urgentFirst && m.incidents.urgent[i] === 1 });
          } else if (stage === ASSIGNED) {
            const k = q.findIndex((e) => e.urgent);
            const head = q[k >= 0 ? k : 0];
            if (head?.id !== i) problems.push(`pool ${p} assigned ${i} but ${head?.id} was first in line`);
            q.splice(q.findIndex((e) => e.id === i), 1);
            const w = m.incidents.worker[i];
            if (pools.poolOfWorker[w] !== p) problems.push(`incident in pool ${p} served by worker ${w} of pool ${pools.poolOfWorker[w]}`);
          }
        });
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 906, ...RUNS },
    );
  });

  it("handling on site lasts the drawn service time ÷ skill, and reaching the site is instant when travel is off", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const problems: string[] = [];
        runObserved(s, 9, 0, (m, i, stage, now) => {
          const inc = m.incidents;
          if (stage === CLOSED) {
            const expected = inc.service[i] / s.staffing.skill;
            const handled = now - inc.time(i, ON_SITE);
            if (Math.abs(handled - expected) > 1e-9 * (1 + now)) problems.push(`incident ${i} handled for ${handled}, drew ${expected}`);
          } else if (stage === ON_SITE && !s.travel.enabled && now !== inc.time(i, ASSIGNED)) {
            problems.push(`incident ${i} reached ${now - inc.time(i, ASSIGNED)} min after assignment without travel`);
          }
        });
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 908, ...RUNS },
    );
  });

  it("Little's-law averages equal the exact time-integrals of incidents in system (L) and waiting (Lq) over the window", () => {
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
        const { model, result } = runObserved(s, 10, 0, (m, _i, stage, now) => {
          warmupEnd = m.warmupEnd;
          if (stage === REGISTERED) {
            advance(now);
            inSystem++;
            waiting++;
            if (now >= m.warmupEnd) registered++;
          } else if (stage === ASSIGNED) {
            advance(now);
            waiting--;
          } else if (stage === CLOSED) {
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
      }),
      { seed: 909, ...RUNS },
    );
  });

  it("after an incident workers stay, walk back, or walk back before the next job, as afterIncident says", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const problems: string[] = [];
        const after = s.dispatch.afterIncident;
        const { result } = runObserved(s, 11, 0, (m, i, stage) => {
          if (stage !== ASSIGNED) return;
          const wf = m.workforce;
          const w = m.incidents.worker[i];
          if (wf.activity[w] === RETURNING && (after === "stay" || !s.travel.enabled)) problems.push(`worker ${w} walking back under ${after}`);
          const atPost = wf.x[w] === wf.postX[w] && wf.y[w] === wf.postY[w];
          // Before the next job the worker must be back at the post (travel on): never sent from
          // an incident site or from part-way (a walker's position is where the walk began; one
          // who has just arrived is still marked returning when the next job is handed over).
          if (after === "returnToPostBeforeNext" && s.travel.enabled && !atPost) {
            problems.push(`worker ${w} sent to ${i} from (${wf.x[w]}, ${wf.y[w]}), post (${wf.postX[w]}, ${wf.postY[w]})`);
          }
        });
        const hours = result.workers.hoursByActivity;
        if (after === "stay" || !s.travel.enabled) expect(hours.returning).toBe(0);
        if (!s.travel.enabled) expect(hours.travel).toBe(0);
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 910, ...RUNS },
    );
  });

  it("the same seed gives a byte-identical ReplicationResult", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), (s, replication) => {
        const a = JSON.stringify(runObserved(s, "same", replication).result);
        const b = JSON.stringify(runObserved(structuredClone(s), "same", replication).result);
        expect(a).toBe(b);
      }),
      { seed: 907, numRuns: 30 },
    );
  });
});
