import { describe, expect, it } from "vitest";
import { runReplication } from "../../sim/experiments/runReplication.js";
import { ACTIVITIES, ACTIVITY_COUNT } from "../../sim/model/Workforce.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
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

/** A heavily overloaded one-grid district: 20 incidents an hour, one worker, hour-long jobs (≈ 19 more open each hour). */
function overloaded(maxOpenIncidents: number, warmupDays: number): Scenario {
  return scenario({
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

  // communityPool and nearest already let incidents wait when there is no worker. Under
  // ownGrid the engine crashes with travel on and, with travel off, closes incidents
  // with a phantom worker.
  for (const enabled of [true, false]) {
    it(`with no worker in the district (1 grid × 0.3 workers) incidents wait under every policy, travel ${enabled ? "on" : "off"}`, () => {
      for (const policy of ["nearest", "communityPool", "ownGrid"] as const) {
        const s = scenario({
          grids: { columns: 1, rows: 1 },
          staffing: { workersPerGrid: 0.3 },
          incidents: { ratePerHour: 2 },
          dispatch: { policy },
          travel: { enabled },
          run: { days: 2, warmupDays: 1 },
        });
        let run: ReturnType<typeof runObserved> | undefined;
        expect(() => (run = runObserved(s, 1, 0)), policy).not.toThrow();
        const { model, result } = run!;
        expect(model.workforce.count, policy).toBe(0);
        expect(result.incidents.arrived, policy).toBeGreaterThan(0);
        expect(result.incidents.closed, policy).toBe(0);
        expect(result.metrics.queueWait.n, policy).toBe(0);
        expect(result.incidents.open, policy).toBe(result.incidents.arrived);
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
    expect(result.incidents).toEqual({ arrived: 0, closed: 0, open: 0 });
    expect(result.measuredMinutes).toBeGreaterThanOrEqual(0);
    // Nothing of the warm-up may be booked as measured worker time.
    const hours = ACTIVITIES.reduce((a, name) => a + result.workers.hoursByActivity[name], 0);
    expect(hours * 60).toBeCloseTo(result.measuredMinutes, 6);
  });
});
