import type { Scenario } from "../scenario/scenarioSchema.js";
import { meanIncidentRate } from "./checkFeasibility.js";
import { hotspotGrid } from "./hotspotBlocks.js";
import { gridDimensions } from "./Layout.js";

/** Bytes per resident in the typed-array population (grid, x, y, app, volunteer, propensity). */
const BYTES_PER_RESIDENT = 4 + 4 + 4 + 1 + 1 + 4;
/** Bytes per open incident slot (stage times, position, state, links). */
const BYTES_PER_INCIDENT = 8 * 8 + 8 * 5 + 4 * 6 + 12;
/** Bytes per worker (positions, activity minutes, state). */
const BYTES_PER_WORKER = 8 * 20;
/** The JavaScript runtime and the engine's code. */
const BASE_BYTES = 80 * 1024 * 1024;

/** What one replication is estimated to hold, and the bytes each part takes. */
export interface MemoryEstimate {
  bytes: number;
  counts: { residents: number; blocks: number; columns: number; rows: number; grids: number; workers: number; openIncidents: number };
  parts: { runtime: number; residents: number; blocks: number; grids: number; workers: number; incidents: number; series: number };
}

/**
 * A rough upper estimate of the memory one replication needs: residents, hotspot
 * blocks, grids, workers, open incidents (at most run.maxOpenIncidents, and at most a
 * week of arrivals is expected to be open at once), time series and the runtime —
 * part by part, so that a scenario that is too large can be told what makes it so.
 */
export function estimateMemory(s: Scenario): MemoryEstimate {
  const residents = s.residents.enabled ? s.district.households * s.district.personsPerHousehold : 0;
  const { nx, ny } = hotspotGrid(s);
  const blocks = nx * ny;
  const { columns, rows } = gridDimensions(s);
  const grids = columns * rows;
  const workers = grids * s.staffing.workersPerGrid;
  const weekOfArrivals = meanIncidentRate(s) * 7 * 1440;
  const openIncidents = Math.min(s.run.maxOpenIncidents, Math.max(1024, weekOfArrivals));
  const parts = {
    runtime: BASE_BYTES,
    residents: residents * BYTES_PER_RESIDENT,
    blocks: blocks * 40,
    grids: grids * 120,
    workers: workers * BYTES_PER_WORKER,
    incidents: openIncidents * 2 * BYTES_PER_INCIDENT,
    series: s.run.days * (24 + 2) * 8 * 4,
  };
  const bytes = parts.runtime + parts.residents + parts.blocks + parts.grids + parts.workers + parts.incidents + parts.series;
  return { bytes, counts: { residents, blocks, columns, rows, grids, workers, openIncidents }, parts };
}

/** {@link estimateMemory}'s total, in bytes. */
export function estimateMemoryBytes(s: Scenario): number {
  return estimateMemory(s).bytes;
}
