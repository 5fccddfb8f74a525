import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rngStream } from "../../sim/kernel/rngStream.js";
import { DispatchPools } from "../../sim/model/DispatchPools.js";
import { buildLayout } from "../../sim/model/Layout.js";
import { Workforce } from "../../sim/model/Workforce.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { real, scenario, uniform } from "../support/scenarios.js";

function build(s: Scenario) {
  const layout = buildLayout(s);
  const workforce = new Workforce(s, layout, rngStream(1, "staffing", 0));
  return { layout, workforce, pools: new DispatchPools(s, layout, workforce) };
}

const poolScenario = fc
  .record({
    columns: fc.integer({ min: 1, max: 9 }),
    rows: fc.integer({ min: 1, max: 9 }),
    gridsPerCommunity: fc.integer({ min: 1, max: 9 }),
    workersPerGrid: real(0.3, 3),
    vacancyRate: fc.oneof(fc.constant(0), uniform(0, 0.95)),
    policy: fc.constantFrom("ownGrid" as const, "communityPool" as const, "nearest" as const),
  })
  .map(({ columns, rows, gridsPerCommunity, workersPerGrid, vacancyRate, policy }) =>
    scenario({ grids: { columns, rows, gridsPerCommunity }, staffing: { workersPerGrid, vacancyRate }, dispatch: { policy } }),
  );

describe("DispatchPools", () => {
  it("the policy decides the pools, every grid and worker is in one pool, and a worker's pool serves its home grid", () => {
    fc.assert(
      fc.property(poolScenario, (s) => {
        const { layout, workforce, pools } = build(s);
        const G = layout.grids;
        const W = workforce.count;
        expect(W).toBe(Math.round(G * s.staffing.workersPerGrid * (1 - s.staffing.vacancyRate)));
        // ownGrid: one pool per grid, or per worker when there are fewer workers than grids,
        // and a single (empty) pool when there are none.
        const expectedCount = { ownGrid: Math.max(1, Math.min(G, W)), communityPool: layout.communities, nearest: 1 }[s.dispatch.policy];
        expect(pools.count).toBe(expectedCount);
        for (let g = 0; g < G; g++) expect(pools.poolOfGrid[g] >= 0 && pools.poolOfGrid[g] < pools.count).toBe(true);
        for (let w = 0; w < W; w++) expect(pools.poolOfWorker[w]).toBe(pools.poolOfGrid[workforce.homeGrid[w]]);
        if (s.dispatch.policy === "communityPool") expect(Array.from(pools.poolOfGrid)).toEqual(Array.from(layout.communityOfGrid));
        if (s.dispatch.policy === "ownGrid" && W >= G) expect(Array.from(pools.poolOfGrid)).toEqual(Array.from({ length: G }, (_, g) => g));
        // Pool sizes add up and each pool lists its members in id order; nobody is free before
        // the shifts start (the crew puts workers on the free lists), and no queue holds anything.
        expect(pools.size.reduce((a, b) => a + b, 0)).toBe(W);
        for (let p = 0; p < pools.count; p++) {
          expect(pools.freeCount[p]).toBe(0);
          expect(pools.queued[p]).toBe(0);
          if (p > 0) expect(pools.start[p]).toBe(pools.start[p - 1] + pools.size[p - 1]);
          const members = Array.from(pools.members.subarray(pools.start[p], pools.start[p] + pools.size[p]));
          expect(members).toEqual(Array.from({ length: W }, (_, w) => w).filter((w) => pools.poolOfWorker[w] === p));
        }
        expect(Array.from(pools.isFree)).toEqual(new Array(W).fill(0));
        // Under ownGrid and nearest, every grid can be served by someone. (Not so under
        // communityPool: with fewer workers than grids a community may have nobody posted in it.)
        if (s.dispatch.policy !== "communityPool" && W > 0) {
          for (let g = 0; g < G; g++) expect(pools.size[pools.poolOfGrid[g]]).toBeGreaterThan(0);
        }
      }),
      { seed: 801, numRuns: 300 },
    );
  });

  it("ownGrid with no worker in the district still maps every grid to a pool that exists", () => {
    // One grid × 0.3 workers per grid rounds to 0 workers (a valid scenario); so do 6 grids
    // with every post vacant.
    for (const s of [
      scenario({ grids: { columns: 1, rows: 1 }, staffing: { workersPerGrid: 0.3 }, dispatch: { policy: "ownGrid" } }),
      scenario({ grids: { columns: 3, rows: 2 }, staffing: { workersPerGrid: 1, vacancyRate: 0.95 }, dispatch: { policy: "ownGrid" } }),
    ]) {
      const { layout, workforce, pools } = build(s);
      expect(workforce.count).toBe(0);
      expect(pools.count).toBe(1);
      expect(pools.size[0]).toBe(0);
      for (let g = 0; g < layout.grids; g++) expect(pools.poolOfGrid[g]).toBe(0);
    }
  });

  it("the queue serves urgent incidents first and each priority in FIFO order", () => {
    const s = scenario({ grids: { columns: 2, rows: 2 }, dispatch: { policy: "ownGrid" } });
    const op = fc.oneof(
      fc.record({ pool: fc.integer({ min: 0, max: 3 }), urgent: fc.boolean() }),
      fc.record({ pool: fc.integer({ min: 0, max: 3 }), dequeue: fc.constant(true) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200, size: "max" }), (ops) => {
        const { pools } = build(s);
        const next = new Int32Array(ops.length).fill(-7);
        const model: { id: number; urgent: boolean }[][] = [[], [], [], []];
        ops.forEach((o, id) => {
          if ("dequeue" in o) {
            const q = model[o.pool];
            const k = q.findIndex((e) => e.urgent);
            const expected = q.length === 0 ? -1 : q.splice(k >= 0 ? k : 0, 1)[0].id;
            expect(pools.dequeue(o.pool, next)).toBe(expected);
          } else {
            pools.enqueue(o.pool, o.urgent ? 0 : 1, id, next);
            model[o.pool].push({ id, urgent: o.urgent });
          }
          for (let p = 0; p < 4; p++) expect(pools.queued[p]).toBe(model[p].length);
        });
      }),
      { seed: 802, numRuns: 100 },
    );
  });

  it("free lists keep the order workers became free", () => {
    const s = scenario({ grids: { columns: 1, rows: 1 }, staffing: { workersPerGrid: 5 }, dispatch: { policy: "nearest" } });
    const { pools } = build(s);
    const free = () => Array.from(pools.free.subarray(pools.start[0], pools.start[0] + pools.freeCount[0]));
    expect(free()).toEqual([]);
    for (const w of [0, 1, 2, 3, 4]) pools.pushFree(w);
    expect(free()).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(pools.isFree)).toEqual([1, 1, 1, 1, 1]);
    expect(pools.takeFree(0, 0)).toBe(0);
    expect(pools.takeFree(0, 2)).toBe(3);
    expect(free()).toEqual([1, 2, 4]);
    pools.pushFree(3);
    pools.pushFree(0);
    expect(free()).toEqual([1, 2, 4, 3, 0]);
    expect(Array.from(pools.isFree)).toEqual([1, 1, 1, 1, 1]);
    pools.removeFree(4);
    pools.removeFree(4); // no-op when not free
    expect(free()).toEqual([1, 2, 3, 0]);
    expect(Array.from(pools.isFree)).toEqual([1, 1, 1, 1, 0]);
  });
});
