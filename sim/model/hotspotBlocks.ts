import { sampler } from "../kernel/distribution.js";
import type { Rng } from "../kernel/rngStream.js";
import type { Scenario } from "../scenario/scenarioSchema.js";

/**
 * Where incidents are likely: the district cut into square blocks of
 * `incidents.hotspotBlockMeters` (clipped at the edges), each with a lognormal rate
 * multiplier of mean 1 and coefficient of variation `incidents.hotspotCv`. The blocks
 * do not depend on the grid layout, so two scenarios that differ only in grid size
 * see incidents at the same places.
 */
export interface HotspotBlocks {
  /** Number of blocks. */
  count: number;
  /** North-west corner and extent of each block (metres). */
  x0: Float64Array;
  y0: Float64Array;
  w: Float64Array;
  h: Float64Array;
  /** Relative incident rate of each block: area × multiplier. */
  weight: Float64Array;
}

/**
 * Columns and rows of hotspot blocks in the district (the last ones clipped). At least one
 * of each, however large the side: a district smaller than a block is one block.
 */
export function hotspotGrid(s: Scenario): { nx: number; ny: number } {
  const side = s.incidents.hotspotBlockMeters;
  return {
    nx: Math.max(1, Math.ceil(s.district.widthMeters / side - 1e-9)),
    ny: Math.max(1, Math.ceil(s.district.heightMeters / side - 1e-9)),
  };
}

/** Draws the hotspot blocks of a scenario from `rng` (the seed's "hotspots" stream). */
export function hotspotBlocks(s: Scenario, rng: Rng): HotspotBlocks {
  const side = s.incidents.hotspotBlockMeters;
  const W = s.district.widthMeters;
  const H = s.district.heightMeters;
  const { nx, ny } = hotspotGrid(s);
  const count = nx * ny;
  const x0 = new Float64Array(count);
  const y0 = new Float64Array(count);
  const w = new Float64Array(count);
  const h = new Float64Array(count);
  const weight = new Float64Array(count);
  const cv = s.incidents.hotspotCv;
  const multiplierOf = sampler({ type: "lognormal", mean: 1, cv });
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      const b = r * nx + c;
      x0[b] = c * side;
      y0[b] = r * side;
      w[b] = Math.min(side, W - x0[b]);
      h[b] = Math.min(side, H - y0[b]);
      const multiplier = multiplierOf.sample(rng);
      weight[b] = w[b] * h[b] * multiplier;
    }
  }
  return { count, x0, y0, w, h, weight };
}
