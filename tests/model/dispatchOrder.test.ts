import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GridModel } from "../../sim/model/GridModel.js";
import { ASSIGNED, CLOSED, OCCURRED, REGISTERED } from "../../sim/model/IncidentStore.js";
import { ACTIVITIES, ADMIN, AVAILABLE, OFF_DUTY, RETURNING, TRAVEL } from "../../sim/model/Workforce.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { distance, PLAIN, runObserved, scenario, scenarioArb, workerPosition } from "../support/scenarios.js";

/**
 * One grid, one worker, no discovery, intake, travel or governance stage, and a
 * 60-minute deterministic service. Incidents occur only between 00:00 and 01:00 (about
 * ten of them), so all but the first are still waiting when the worker finishes the
 * first one at t₁ + 60: from then on the worker takes the queue in dispatch order, one
 * every 60 minutes.
 */
function burstScenario(urgentFirst: boolean): Scenario {
  return scenario({
    ...PLAIN,
    grids: { columns: 1, rows: 1 },
    staffing: { workersPerGrid: 1 },
    incidents: {
      ratePerHour: 10 / 24, // the whole day's rate falls in hour 0: 10 per hour there
      hourOfDay: [1, ...new Array(23).fill(0)],
      dayOfWeek: new Array(7).fill(1),
      hotspotCv: 0,
      categories: [{ id: "mixed", name: "Mixed", share: 1, urgentShare: 0.4, serviceTime: { type: "deterministic", value: 60 } }],
    },
    travel: { enabled: false },
    dispatch: { policy: "ownGrid", urgentFirst },
    run: { days: 1, warmupDays: 0 },
  });
}

interface Seen {
  order: number; // occurrence rank
  urgent: boolean;
  occurred: number;
  assigned: number;
}

function burst(urgentFirst: boolean): Seen[] {
  const seen: Seen[] = [];
  const byId = new Map<number, Seen>();
  runObserved(burstScenario(urgentFirst), 2024, 0, (m, i, stage) => {
    if (stage === OCCURRED) {
      const e = { order: seen.length, urgent: m.incidents.urgent[i] === 1, occurred: m.sim.now, assigned: NaN };
      seen.push(e);
      byId.set(i, e);
    } else if (stage === ASSIGNED) {
      byId.get(i)!.assigned = m.sim.now;
    } else if (stage === CLOSED) {
      byId.delete(i);
    }
  });
  return seen;
}

interface DispatchCheck {
  /** Breaches of work conservation, pool locality, queue order, nearest choice, travel time. */
  problems: string[];
  /** Moments an urgent incident waited while a worker of its pool was free in a block of admin work (which a new urgent incident would interrupt). */
  urgentBlocked: string[];
  /** On-call dispatches that overtook an older urgent incident waiting in the same pool. */
  overtaken: string[];
  /** Moments an urgent incident waited while an off-duty worker of its pool, who could be called, stayed home. */
  stranded: string[];
  /** Dispatch requests seen, how many were served by an on-call worker, how many interrupted an admin block. */
  requests: number;
  onCall: number;
  adminInterrupts: number;
}

/**
 * Runs a scenario watching every dispatch request, every assignment and the state between
 * events, against the dispatch rules of the engine:
 * - an incident waits in its pool's queue only while no eligible worker of the pool is free:
 *   off-duty workers are not free; workers in a block of ordered admin work are free for
 *   urgent incidents only, and only when nobody else is free (so normal incidents may wait
 *   while a worker does admin work, e.g. the day's tasks due before the shift ends); manual
 *   dispatch merely delays the request;
 * - the dispatcher sends the nearest eligible free worker of the pool (a walker judged where
 *   they are now; ties, and every choice without travel, go to the one free longest);
 * - with shifts and night on-call, an urgent incident finding nobody free calls in the
 *   off-duty worker of the pool whose post is nearest;
 * - a worker taking the next incident from the queue takes the first urgent one (with
 *   urgentFirst), else the first one, in request order;
 * - travel takes distance ÷ speed.
 */
function checkDispatch(s: Scenario, seed: number): DispatchCheck {
  const out: DispatchCheck = { problems: [], urgentBlocked: [], overtaken: [], stranded: [], requests: 0, onCall: 0, adminInterrupts: 0 };
  const { problems } = out;
  const onCallOn = s.shifts.enabled && s.shifts.nightOnCall;
  const metresPerMinute = (s.travel.speedKmh * 1000) / 60;
  const near = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * (1 + scale);
  /** Shadow queues: incidents waiting in each pool, in request order, with their queue priority. */
  const waiting = new Map<number, { id: number; priority: number; urgent: boolean }[]>();
  const queueOf = (p: number) => waiting.get(p) ?? (waiting.set(p, []), waiting.get(p)!);
  let requesting = -1;
  let wasAdmin = false;
  let expected: { worker: number; onCall: boolean; from: [number, number] } | null = null;
  const travelling = new Map<number, { at: number; minutes: number; i: number }>();

  const freeOf = (m: GridModel, p: number) => Array.from(m.pools.free.subarray(m.pools.start[p], m.pools.start[p] + m.pools.freeCount[p]));
  const membersOf = (m: GridModel, p: number) => Array.from(m.pools.members.subarray(m.pools.start[p], m.pools.start[p] + m.pools.size[p]));

  runObserved(s, seed, 0, {
    requestBefore: (m, i) => {
      out.requests++;
      requesting = i;
      const inc = m.incidents;
      const wf = m.workforce;
      const now = m.sim.now;
      const p = m.pools.poolOfGrid[inc.grid[i]];
      const urgent = inc.urgent[i] === 1;
      if (inc.worker[i] !== -1) problems.push(`incident ${i} requested while worker ${inc.worker[i]} holds it`);
      // The first request comes at registration, or a dispatcher's delay later with manual dispatch;
      // later ones (verifying a department's fix) when the department is done.
      if (!(inc.time(i, ASSIGNED) >= 0) && inc.escalations[i] === 0) {
        const registered = inc.time(i, REGISTERED);
        const d = s.dispatch.manualDelay;
        if (s.dispatch.mode === "automatic" && now !== registered) problems.push(`incident ${i} registered at ${registered}, requested at ${now}`);
        if (s.dispatch.mode === "manual" && !(now >= registered)) problems.push(`incident ${i} requested at ${now}, before its registration at ${registered}`);
        if (s.dispatch.mode === "manual" && d.type === "deterministic" && !near(now, registered + d.value, now)) problems.push(`incident ${i} registered at ${registered}, requested at ${now}, not after ${d.value} min`);
      }
      const free = freeOf(m, p);
      let candidates = free.filter((w) => wf.activity[w] !== ADMIN);
      if (candidates.length === 0 && urgent) candidates = free;
      const pick = (ws: number[], where: (w: number) => [number, number]) => {
        let best = ws[0];
        let bestDistance = Infinity;
        for (const w of ws) {
          const d = distance(s, ...where(w), inc.x[i], inc.y[i]);
          if (d < bestDistance) [best, bestDistance] = [w, d];
        }
        return best;
      };
      for (const w of free) {
        if (wf.activity[w] !== RETURNING) continue;
        // A walker is on a shortest path to the post, as far from it as the time left to walk.
        const [x, y] = workerPosition(m, w, now);
        const left = distance(s, x, y, wf.postX[w], wf.postY[w]);
        if (!near(left, Math.max(0, wf.moveEnd[w] - now) * metresPerMinute, left)) problems.push(`walker ${w}: ${left} m left at ${now}, until ${wf.moveEnd[w]}`);
        if (!near(distance(s, wf.x[w], wf.y[w], x, y) + left, distance(s, wf.x[w], wf.y[w], wf.postX[w], wf.postY[w]), left)) problems.push(`walker ${w} off the path`);
      }
      wasAdmin = candidates.length > 0 && candidates.every((w) => wf.activity[w] === ADMIN);
      if (candidates.length > 0) {
        const w = s.travel.enabled ? pick(candidates, (w) => workerPosition(m, w, now)) : candidates[0];
        expected = { worker: w, onCall: false, from: workerPosition(m, w, now) };
      } else if (urgent && onCallOn && membersOf(m, p).some((w) => wf.activity[w] === OFF_DUTY)) {
        const home = membersOf(m, p).filter((w) => wf.activity[w] === OFF_DUTY);
        const w = pick(home, (w) => [wf.postX[w], wf.postY[w]]);
        expected = { worker: w, onCall: true, from: [wf.postX[w], wf.postY[w]] };
      } else {
        expected = { worker: -1, onCall: false, from: [NaN, NaN] };
      }
    },
    requestAfter: (m, i) => {
      requesting = -1;
      const inc = m.incidents;
      const p = m.pools.poolOfGrid[inc.grid[i]];
      const w = inc.worker[i];
      if (w !== expected!.worker) {
        problems.push(`incident ${i} (urgent ${inc.urgent[i]}) at ${m.sim.now}: sent worker ${w}, expected ${expected!.worker}`);
      }
      if (w >= 0 && !expected!.onCall && m.workforce.activity[w] !== ADMIN && expected!.worker === w && wasAdmin) out.adminInterrupts++;
      if (w < 0) {
        queueOf(p).push({ id: i, priority: s.dispatch.urgentFirst && inc.urgent[i] === 1 ? 0 : 1, urgent: inc.urgent[i] === 1 });
      } else if (expected!.onCall) {
        out.onCall++;
        const older = queueOf(p).filter((e) => e.urgent);
        if (older.length > 0) out.overtaken.push(`pool ${p} at ${m.sim.now}: on-call worker ${w} sent to new urgent incident ${i} while urgent ${older.map((e) => e.id)} wait`);
      }
      expected = null;
    },
    activity: (m, w, from, to, now) => {
      const wf = m.workforce;
      const inc = m.incidents;
      if (from === TRAVEL) {
        const t = travelling.get(w);
        travelling.delete(w);
        if (t && !near(now - t.at, t.minutes, t.minutes)) problems.push(`worker ${w} travelled ${now - t.at} min to ${t.i}, expected ${t.minutes}`);
      }
      if (to !== TRAVEL) return;
      const i = wf.job[w];
      const p = m.pools.poolOfGrid[inc.grid[i]];
      if (m.pools.poolOfWorker[w] !== p) problems.push(`incident ${i} of pool ${p} served by worker ${w} of pool ${m.pools.poolOfWorker[w]}`);
      // Off shift, a worker works only on call: called in from home for the requesting urgent
      // incident, or — still out after a job — taking the oldest urgent incident waiting.
      if (!wf.onShift[w] && !(inc.urgent[i] === 1 && onCallOn && (from === OFF_DUTY ? i === requesting : true))) {
        problems.push(`worker ${w} off shift (was ${ACTIVITIES[from]}) sent to ${i} (urgent ${inc.urgent[i]})`);
      }
      if (i !== requesting) {
        // Taken from the queue when the worker became free: the head in dispatch order — or,
        // for a worker off shift on call, the oldest urgent incident waiting.
        const q = queueOf(p);
        const k = wf.onShift[w] ? q.findIndex((e) => e.priority === 0) : q.findIndex((e) => e.urgent);
        const head = q[k >= 0 ? k : 0];
        if (head?.id !== i) problems.push(`pool ${p} at ${now}: worker ${w} took ${i}, but ${head?.id} was first in line`);
        const at = q.findIndex((e) => e.id === i);
        if (at >= 0) q.splice(at, 1);
        else problems.push(`incident ${i} assigned from the queue without having waited`);
      }
      // Where the worker sets out from: the post if called from home, else where they are now
      // (the engine has just moved a walker to the point reached).
      const [x, y] = [wf.x[w], wf.y[w]];
      if (i === requesting && expected && s.travel.enabled) {
        const [ex, ey] = expected.from;
        if (!near(x, ex, Math.abs(ex)) || !near(y, ey, Math.abs(ey))) problems.push(`worker ${w} sets out from (${x}, ${y}), expected (${ex}, ${ey})`);
      }
      const d = distance(s, x, y, inc.x[i], inc.y[i]);
      travelling.set(w, { at: now, minutes: s.travel.enabled ? d / metresPerMinute : 0, i });
    },
    afterEvent: (m) => {
      const pools = m.pools;
      const wf = m.workforce;
      const inc = m.incidents;
      const now = m.sim.now;
      for (let w = 0; w < wf.count; w++) {
        const free = pools.isFree[w] === 1;
        // The free lists hold exactly the workers who may be sent: available ones, walkers
        // under returnToPost, and on-shift workers in an interruptible block of admin work.
        if (wf.activity[w] === AVAILABLE && !free) problems.push(`worker ${w} available but not on the free list at ${now}`);
        if (free && !wf.onShift[w]) problems.push(`worker ${w} free while off shift at ${now}`);
        if (free && wf.activity[w] !== AVAILABLE && wf.activity[w] !== ADMIN && !(wf.activity[w] === RETURNING && s.dispatch.afterIncident === "returnToPost")) {
          problems.push(`worker ${w} on the free list while ${ACTIVITIES[wf.activity[w]]} at ${now}`);
        }
        if (free && wf.job[w] >= 0) problems.push(`worker ${w} on the free list while busy with incident ${wf.job[w]}`);
      }
      for (let p = 0; p < pools.count; p++) {
        const shadow = queueOf(p);
        if (pools.queued[p] !== shadow.length) problems.push(`pool ${p} queues ${pools.queued[p]}, expected ${shadow.length}`);
        if (shadow.length === 0) continue;
        const urgentWaits = shadow.some((e) => e.urgent);
        for (const w of freeOf(m, p)) {
          if (wf.activity[w] !== ADMIN) problems.push(`pool ${p} at ${now}: worker ${w} free (${ACTIVITIES[wf.activity[w]]}) while ${shadow.length} wait`);
          else if (urgentWaits) out.urgentBlocked.push(`pool ${p} at ${now}: worker ${w} in an interruptible admin block while urgent ${shadow.filter((e) => e.urgent).map((e) => e.id)} wait`);
        }
        if (urgentWaits && onCallOn) {
          const home = membersOf(m, p).filter((w) => wf.activity[w] === OFF_DUTY);
          if (home.length > 0) out.stranded.push(`pool ${p} at ${now}: urgent ${shadow.filter((e) => e.urgent).map((e) => e.id)} wait while workers ${home} are off duty`);
        }
      }
    },
  });
  return out;
}

describe("dispatch order", () => {
  it("a single worker facing a burst takes urgent incidents first, then normal ones, each in arrival order", () => {
    const seen = burst(true);
    // The scenario must exercise the rule: several waiting incidents of both kinds.
    expect(seen.length).toBeGreaterThanOrEqual(5);
    const [first, ...waiting] = seen;
    expect(waiting.some((e) => e.urgent) && waiting.some((e) => !e.urgent)).toBe(true);
    expect(seen.every((e) => e.occurred < 60)).toBe(true);
    expect(first.assigned).toBe(first.occurred);
    const expected = [...waiting.filter((e) => e.urgent), ...waiting.filter((e) => !e.urgent)];
    const actual = [...waiting].sort((a, b) => a.assigned - b.assigned);
    expect(actual.map((e) => e.order)).toEqual(expected.map((e) => e.order));
    // One every 60 minutes after the first.
    actual.forEach((e, k) => expect(e.assigned).toBeCloseTo(first.occurred + 60 * (k + 1), 9));
  });

  it("with urgentFirst off the same burst is served in pure arrival order", () => {
    const seen = burst(false);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    const byAssignment = [...seen].sort((a, b) => a.assigned - b.assigned);
    expect(byAssignment.map((e) => e.order)).toEqual(seen.map((e) => e.order));
  });

  it("dispatch is requested at registration (manual: a dispatcher's delay later), is work-conserving, serves only from the incident's pool, sends the nearest eligible free worker (ties: free longest; admin blocks only for urgent incidents; night on-call from the nearest post), takes the queue urgent first (if enabled) and FIFO within a priority, and travel takes distance ÷ speed", () => {
    let requests = 0;
    let onCall = 0;
    let adminInterrupts = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const c = checkDispatch(s, 6);
        requests += c.requests;
        onCall += c.onCall;
        adminInterrupts += c.adminInterrupts;
        expect(c.problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 906, numRuns: 100 },
    );
    // The scenarios exercised the rules, night calls and urgent incidents interrupting admin included.
    expect(requests).toBeGreaterThan(1000);
    expect(onCall).toBeGreaterThan(0);
    expect(adminInterrupts).toBeGreaterThan(0);
  });

  // Fails on the current engine (see governance.test.ts for minimal reproductions): an urgent
  // incident that had to wait is offered neither to a worker who then starts a block of the
  // day's admin work (Crew.release puts admin due before the shift's end ahead of the whole
  // queue) nor to an off-duty worker (night on-call is tried only when an incident is
  // requested), so later urgent incidents, which do interrupt admin and call workers in,
  // overtake it.
  it("an urgent incident never waits while a worker of its pool could be sent to it (one in an interruptible admin block, or one at home under night on-call), and no later urgent incident overtakes it", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const c = checkDispatch(s, 6);
        expect([...c.urgentBlocked.slice(0, 3), ...c.overtaken.slice(0, 3), ...c.stranded.slice(0, 3)]).toEqual([]);
      }),
      { seed: 906, numRuns: 100 },
    );
  });
});
