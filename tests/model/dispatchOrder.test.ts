import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASSIGNED, CLOSED, OCCURRED, ON_SITE, REGISTERED } from "../../sim/model/IncidentStore.js";
import { RETURNING, type Workforce } from "../../sim/model/Workforce.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { runObserved, scenario, scenarioArb } from "../support/scenarios.js";

/**
 * One grid, one worker, no discovery, intake or travel delay, and a 60-minute
 * deterministic service. Incidents occur only between 00:00 and 01:00 (about ten of
 * them), so all but the first are still waiting when the worker finishes the first
 * one at t₁ + 60: from then on the worker takes the queue in dispatch order, one
 * every 60 minutes.
 */
function burstScenario(urgentFirst: boolean): Scenario {
  return scenario({
    grids: { columns: 1, rows: 1 },
    staffing: { workersPerGrid: 1 },
    incidents: {
      ratePerHour: 10 / 24, // the whole day's rate falls in hour 0: 10 per hour there
      hourOfDay: [1, ...new Array(23).fill(0)],
      dayOfWeek: new Array(7).fill(1),
      hotspotCv: 0,
      categories: [{ id: "mixed", name: "Mixed", share: 1, urgentShare: 0.4, serviceTime: { type: "deterministic", value: 60 } }],
    },
    discovery: { enabled: false },
    intake: { enabled: false },
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

  it("an incident goes to the nearest free worker of its pool (walkers where they are now; on ties or without travel, the one idle longest) and travel takes distance ÷ speed", () => {
    fc.assert(
      fc.property(scenarioArb, (s: Scenario) => {
        const problems: string[] = [];
        const metresPerMinute = (s.travel.speedKmh * 1000) / 60;
        const euclidean = s.travel.metric === "euclidean";
        const dist = (ax: number, ay: number, bx: number, by: number) => {
          const dx = ax - bx;
          const dy = ay - by;
          return euclidean ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx) + Math.abs(dy);
        };
        const near = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * (1 + scale);
        /**
         * Where worker w is at `now`. A worker walking back to the post keeps the walk's
         * starting point in x, y until the engine moves it; the walk runs at travel speed from
         * moveStart to moveEnd along a straight line (euclidean) or east–west leg first.
         */
        const position = (wf: Workforce, w: number, now: number): [number, number] => {
          const x = wf.x[w];
          const y = wf.y[w];
          if (wf.activity[w] !== RETURNING) return [x, y];
          const total = wf.moveEnd[w] - wf.moveStart[w];
          const f = total > 0 ? Math.min(1, (now - wf.moveStart[w]) / total) : 1;
          const dx = wf.postX[w] - x;
          const dy = wf.postY[w] - y;
          let p: [number, number];
          if (euclidean) p = [x + f * dx, y + f * dy];
          else {
            const walked = f * (Math.abs(dx) + Math.abs(dy));
            p = walked <= Math.abs(dx) ? [x + Math.sign(dx) * walked, y] : [wf.postX[w], y + Math.sign(dy) * (walked - Math.abs(dx))];
          }
          // The point lies on a shortest path to the post, as far from it as the time left to walk.
          const left = dist(p[0], p[1], wf.postX[w], wf.postY[w]);
          if (!near(left, Math.max(0, wf.moveEnd[w] - now) * metresPerMinute, left)) problems.push(`walker ${w}: ${left} m left at ${now}, until ${wf.moveEnd[w]}`);
          if (!near(dist(x, y, p[0], p[1]) + left, dist(x, y, wf.postX[w], wf.postY[w]), left)) problems.push(`walker ${w} off the path`);
          return p;
        };
        let chosen: { id: number; worker: number; distance: number } | undefined;
        const distanceAtAssignment = new Map<number, number>();
        runObserved(s, 8, 0, (m, i, stage, now) => {
          const inc = m.incidents;
          const wf = m.workforce;
          if (stage === REGISTERED) {
            // The free workers of the pool, before the dispatcher chooses.
            const p = m.pools.poolOfGrid[inc.grid[i]];
            const free = Array.from(m.pools.free.subarray(m.pools.start[p], m.pools.start[p] + m.pools.freeCount[p]));
            chosen = undefined;
            if (free.length > 0) {
              // The first (longest idle) of the nearest; free-list order alone without travel.
              let best = 0;
              let bestDistance = Infinity;
              if (s.travel.enabled) {
                free.forEach((w, k) => {
                  const d = dist(...position(wf, w, now), inc.x[i], inc.y[i]);
                  if (d < bestDistance) [best, bestDistance] = [k, d];
                });
              }
              chosen = { id: i, worker: free[best], distance: bestDistance };
            }
          } else if (stage === ASSIGNED) {
            const w = inc.worker[i];
            const d = dist(...position(wf, w, now), inc.x[i], inc.y[i]);
            if (chosen?.id === i && chosen.worker !== w) {
              problems.push(`incident ${i}: sent worker ${w} (${d} m away), expected ${chosen.worker} (${chosen.distance} m)`);
            }
            chosen = undefined;
            distanceAtAssignment.set(i, d);
          } else if (stage === ON_SITE && s.travel.enabled) {
            const travel = now - inc.time(i, ASSIGNED);
            const expected = distanceAtAssignment.get(i)! / metresPerMinute;
            distanceAtAssignment.delete(i);
            if (!near(travel, expected, expected)) problems.push(`incident ${i}: travel ${travel} min, expected ${expected}`);
          }
        });
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: 1101, numRuns: 40 },
    );
  });
});
