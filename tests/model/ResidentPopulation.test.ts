import { describe, expect, it } from "vitest";
import { rngStream } from "../../sim/kernel/rngStream.js";
import { buildLayout } from "../../sim/model/Layout.js";
import { ResidentPopulation } from "../../sim/model/ResidentPopulation.js";
import type { ScenarioInput } from "../../sim/scenario/scenarioSchema.js";
import { scenario } from "../support/scenarios.js";
import { Z_999 } from "../support/stats.js";

function population(district: NonNullable<ScenarioInput["district"]>, residents: NonNullable<ScenarioInput["residents"]>, seed = 1) {
  const s = scenario({ district, grids: { columns: 6, rows: 4 }, residents });
  const layout = buildLayout(s);
  return { s, layout, pop: new ResidentPopulation(s, layout, rngStream(seed, "residents", 0)) };
}

/** |k − np| within the two-sided 99.9 % normal bound of a binomial count. */
function withinBinomial(k: number, n: number, p: number): boolean {
  return Math.abs(k - n * p) <= Z_999 * Math.sqrt(n * p * (1 - p));
}

describe("ResidentPopulation", () => {
  it("has round(households × personsPerHousehold) residents, spread evenly over the grids, each inside their grid's cell", () => {
    for (const [households, persons] of [
      [10000, 2.6],
      [999, 2.7], // 2697.3 → 2697
      [1001, 2.5], // 2502.5 → 2503
    ]) {
      const { layout, pop } = population({ widthMeters: 3000, heightMeters: 2000, households, personsPerHousehold: persons }, {});
      const n = Math.round(households * persons);
      expect(pop.count).toBe(n);
      expect(pop.grid.length).toBe(n);
      const G = layout.grids;
      const perGrid = new Array(G).fill(0);
      const outside: number[] = [];
      for (let j = 0; j < n; j++) {
        const g = pop.grid[j];
        perGrid[g]++;
        const col = g % layout.columns;
        const row = Math.floor(g / layout.columns);
        // Positions are stored as 32-bit floats: allow their rounding (< 1 mm here).
        const inX = pop.x[j] >= col * layout.cellWidth - 1e-3 && pop.x[j] <= (col + 1) * layout.cellWidth + 1e-3;
        const inY = pop.y[j] >= row * layout.cellHeight - 1e-3 && pop.y[j] <= (row + 1) * layout.cellHeight + 1e-3;
        if (!inX || !inY) outside.push(j);
      }
      expect(outside).toEqual([]);
      expect(Array.from(pop.residentsOfGrid)).toEqual(perGrid);
      for (const k of perGrid) expect([Math.floor(n / G), Math.ceil(n / G)]).toContain(k);
      expect(pop.meanSatisfaction(new Float64Array(G).fill(0.7))).toBeCloseTo(0.7, 12);
    }
  });

  it("app users and volunteers make up appShare and volunteerShare of the residents, within binomial sampling error", () => {
    for (const [appShare, volunteerShare, seed] of [
      [0.3, 0.01, 1],
      [0.75, 0.003, 2],
      [0.05, 0.05, 3],
    ]) {
      const { pop } = population({ widthMeters: 3000, heightMeters: 2000, households: 10000, personsPerHousehold: 2.6 }, { appShare, volunteerShare }, seed);
      const n = pop.count;
      const apps = pop.appUser.reduce((a, b) => a + b, 0);
      const volunteers = pop.volunteer.reduce((a, b) => a + b, 0);
      expect(withinBinomial(apps, n, appShare), `${apps} app users of ${n}, share ${appShare}`).toBe(true);
      expect(withinBinomial(volunteers, n, volunteerShare), `${volunteers} volunteers of ${n}, share ${volunteerShare}`).toBe(true);
    }
    // The extremes are exact.
    const none = population({ widthMeters: 1000, heightMeters: 1000, households: 500 }, { appShare: 0, volunteerShare: 0 }).pop;
    expect(none.appUser.reduce((a, b) => a + b, 0) + none.volunteer.reduce((a, b) => a + b, 0)).toBe(0);
    const all = population({ widthMeters: 1000, heightMeters: 1000, households: 500 }, { appShare: 1, volunteerShare: 1 }).pop;
    expect(all.appUser.reduce((a, b) => a + b, 0)).toBe(all.count);
    expect(all.volunteer.reduce((a, b) => a + b, 0)).toBe(all.count);
  });

  it("reporting propensity has mean 1 (within sampling error) and each grid's report weight sums its residents' propensity × app speed-up", () => {
    const cv = 0.6;
    const { layout, pop } = population({ widthMeters: 3000, heightMeters: 2000, households: 10000, personsPerHousehold: 2.6 }, { propensityCv: cv, appShare: 0.3, appSpeedup: 3 });
    const n = pop.count;
    let sum = 0;
    const weight = new Array(layout.grids).fill(0);
    let nonPositive = 0;
    for (let j = 0; j < n; j++) {
      if (!(pop.propensity[j] > 0)) nonPositive++;
      sum += pop.propensity[j];
      weight[pop.grid[j]] += pop.propensity[j] * (pop.appUser[j] ? 3 : 1);
    }
    expect(nonPositive).toBe(0);
    // Lognormal with mean 1 and sd cv: the sample mean is within Z·cv/√n of 1.
    expect(Math.abs(sum / n - 1)).toBeLessThan((Z_999 * cv) / Math.sqrt(n));
    weight.forEach((w, g) => expect(pop.reportWeight[g]).toBeCloseTo(w, 6));
    expect(pop.meanPropensityWeight).toBeCloseTo(sum / layout.grids, 6);
    // Without spread every resident has propensity exactly 1.
    const flat = population({ widthMeters: 1000, heightMeters: 1000, households: 500 }, { propensityCv: 0 }).pop;
    expect(flat.propensity.every((p) => p === 1)).toBe(true);
  });
});

describe("volunteers around a point", () => {
  it("counts exactly the volunteers living in the neighbourhood square's lattice cells around the point, cut off at the district's edge", () => {
    const { layout, pop } = population({ widthMeters: 3000, heightMeters: 2000, households: 12000 }, { volunteerShare: 0.02 }, 7);
    const side = pop.neighbourhoodSide;
    // 400 households' area at this density: 3000 × 2000 × 400 / 12000 m².
    expect(side * side).toBeCloseTo((3000 * 2000 * 400) / 12000, 6);
    const cell = side / 8;
    const cellOf = (v: number, extent: number) => Math.min(Math.ceil(extent / cell) - 1, Math.floor(v / cell));
    const rng = rngStream(8, "points", 0);
    for (let k = 0; k < 200; k++) {
      const x = rng.next() * layout.width;
      const y = rng.next() * layout.height;
      const [cx, cy] = [Math.floor(x / cell), Math.floor(y / cell)];
      let brute = 0;
      for (let j = 0; j < pop.count; j++) {
        if (!pop.volunteer[j]) continue;
        const [vx, vy] = [cellOf(pop.x[j], layout.width), cellOf(pop.y[j], layout.height)];
        if (vx >= cx - 3 && vx <= cx + 4 && vy >= cy - 3 && vy <= cy + 4) brute++;
      }
      expect(pop.volunteersAround(x, y)).toBe(brute);
    }
    // Far from the edges the square holds about volunteerShare × 400 households' residents.
    expect(pop.volunteersAround(1500, 1000)).toBeGreaterThan(0);
  });
});
