import { sampler } from "../kernel/distribution.js";
import type { Rng } from "../kernel/rngStream.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import type { Layout } from "./Layout.js";

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
  /** Per grid: number of volunteers. */
  readonly volunteers: Float64Array;
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
    this.volunteers = new Float64Array(G);
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
      this.volunteers[g] += this.volunteer[j];
      this.residentsOfGrid[g]++;
    }
    let propensityTotal = 0;
    for (let j = 0; j < n; j++) propensityTotal += this.propensity[j];
    this.meanPropensityWeight = G > 0 ? propensityTotal / G : 0;
  }

  /** Mean over residents of their grid's satisfaction (`satisfaction[g]`, 0..1). */
  meanSatisfaction(satisfaction: Float64Array): number {
    let total = 0;
    for (let g = 0; g < satisfaction.length; g++) total += this.residentsOfGrid[g] * satisfaction[g];
    return this.count > 0 ? total / this.count : NaN;
  }
}
