import { sampler } from "../kernel/distribution.js";
import type { Rng } from "../kernel/rngStream.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import type { Layout } from "./Layout.js";

/**
 * The households of a neighbourhood, whatever the grids: a volunteer keeps an eye on the
 * square of this many households around an incident, and one closed incident moves the
 * satisfaction of this many households by `satisfactionMemory`. 400, the middle of the
 * provincial norm for a grid, so that in 400-household grids a neighbourhood is a grid.
 */
export const NEIGHBOURHOOD_HOUSEHOLDS = 400;

/** Lattice cells per side of a neighbourhood, for counting volunteers around a point. */
const CELLS_PER_NEIGHBOURHOOD = 8;

/**
 * The district's residents as agents in typed arrays (hundreds of thousands of them):
 * home grid and position, app use, volunteering, reporting propensity. Satisfaction
 * is kept per grid by the model (every resident of a grid sees the same incidents closed),
 * and the per-grid sums below turn individual propensities into the grid's report hazard.
 * The population never changes during a run, so replications of a seed can share it.
 */
export class ResidentPopulation {
  readonly count: number;
  readonly grid: Int32Array;
  /** Home position (metres). */
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** 1 if the resident reports through the app. */
  readonly appUser: Uint8Array;
  /** 1 if the resident volunteers (building leader). */
  readonly volunteer: Uint8Array;
  /** Reporting propensity (lognormal, mean 1). */
  readonly propensity: Float32Array;
  /** Per grid: Σ propensity × (app speed-up if an app user) — the grid's eyes, weighted. */
  readonly reportWeight: Float64Array;
  /** Side of a square neighbourhood (metres), and the lattice that counts volunteers in one. */
  readonly neighbourhoodSide: number;
  private readonly cell: number;
  private readonly latticeColumns: number;
  private readonly latticeRows: number;
  /** Volunteers in lattice cells [0, c) × [0, r), at (r * (columns + 1) + c). */
  private readonly volunteersBefore: Float64Array;
  /** Per grid: number of residents. */
  readonly residentsOfGrid: Float64Array;
  /**
   * Mean over grids of Σ propensity, without the app: an average grid whose residents
   * all report without the app reports at `reportsPerHour`; app users raise its rate.
   */
  readonly meanPropensityWeight: number;

  constructor(s: Scenario, layout: Layout, rng: Rng) {
    const r = s.residents;
    const n = Math.round(s.district.households * s.district.personsPerHousehold);
    this.count = n;
    this.grid = new Int32Array(n);
    this.x = new Float32Array(n);
    this.y = new Float32Array(n);
    this.appUser = new Uint8Array(n);
    this.volunteer = new Uint8Array(n);
    this.propensity = new Float32Array(n);
    const G = layout.grids;
    this.reportWeight = new Float64Array(G);
    this.residentsOfGrid = new Float64Array(G);
    const propensityOf = sampler({ type: "lognormal", mean: 1, cv: r.propensityCv });
    for (let j = 0; j < n; j++) {
      // Residents are spread evenly: resident j lives in grid ⌊j·G/n⌋, uniformly within it.
      const g = Math.floor((j * G) / n);
      const col = g % layout.columns;
      const row = (g - col) / layout.columns;
      this.grid[j] = g;
      this.x[j] = (col + rng.next()) * layout.cellWidth;
      this.y[j] = (row + rng.next()) * layout.cellHeight;
      this.appUser[j] = rng.next() < r.appShare ? 1 : 0;
      this.volunteer[j] = rng.next() < r.volunteerShare ? 1 : 0;
      this.propensity[j] = propensityOf.sample(rng);
      this.reportWeight[g] += this.propensity[j] * (this.appUser[j] ? r.appSpeedup : 1);
      this.residentsOfGrid[g]++;
    }
    // Volunteers on a lattice of an eighth of a neighbourhood, summed for O(1) window counts.
    this.neighbourhoodSide = Math.sqrt((layout.width * layout.height * NEIGHBOURHOOD_HOUSEHOLDS) / s.district.households);
    this.cell = this.neighbourhoodSide / CELLS_PER_NEIGHBOURHOOD;
    const C = (this.latticeColumns = Math.max(1, Math.ceil(layout.width / this.cell)));
    const R = (this.latticeRows = Math.max(1, Math.ceil(layout.height / this.cell)));
    const before = (this.volunteersBefore = new Float64Array((R + 1) * (C + 1)));
    for (let j = 0; j < n; j++) {
      if (!this.volunteer[j]) continue;
      const c = Math.min(C - 1, Math.floor(this.x[j] / this.cell));
      const r = Math.min(R - 1, Math.floor(this.y[j] / this.cell));
      before[(r + 1) * (C + 1) + c + 1]++;
    }
    for (let r = 1; r <= R; r++) {
      for (let c = 1; c <= C; c++) before[r * (C + 1) + c] += before[(r - 1) * (C + 1) + c] + before[r * (C + 1) + c - 1] - before[(r - 1) * (C + 1) + c - 1];
    }
    let propensityTotal = 0;
    for (let j = 0; j < n; j++) propensityTotal += this.propensity[j];
    this.meanPropensityWeight = G > 0 ? propensityTotal / G : 0;
  }

  /**
   * Volunteers living in the neighbourhood around (x, y): the square of
   * {@link NEIGHBOURHOOD_HOUSEHOLDS} households' area centred there (in whole lattice cells,
   * cut off at the district's edge). It does not depend on how the district is cut into grids.
   */
  volunteersAround(x: number, y: number): number {
    const C = this.latticeColumns;
    const half = CELLS_PER_NEIGHBOURHOOD / 2;
    const c = Math.floor(x / this.cell);
    const r = Math.floor(y / this.cell);
    const c0 = Math.max(0, c - half + 1);
    const c1 = Math.min(C, c + half + 1);
    const r0 = Math.max(0, r - half + 1);
    const r1 = Math.min(this.latticeRows, r + half + 1);
    const b = this.volunteersBefore;
    return b[r1 * (C + 1) + c1] - b[r0 * (C + 1) + c1] - b[r1 * (C + 1) + c0] + b[r0 * (C + 1) + c0];
  }

  /** Mean over residents of their grid's satisfaction (`satisfaction[g]`, 0..1). */
  meanSatisfaction(satisfaction: Float64Array): number {
    let total = 0;
    for (let g = 0; g < satisfaction.length; g++) total += this.residentsOfGrid[g] * satisfaction[g];
    return this.count > 0 ? total / this.count : NaN;
  }
}
