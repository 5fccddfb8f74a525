import { rngStream } from "../kernel/rngStream.js";
import { canonicalJson } from "../scenario/canonicalJson.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import type { Layout } from "./Layout.js";
import { ResidentPopulation } from "./ResidentPopulation.js";

let last: { key: string; population: ResidentPopulation } | null = null;

/**
 * The resident population of a scenario under `seed`. It is drawn from the seed's
 * "residents" stream with replication 0 — the same for every replication — and never
 * changes during a run, so the last one built is kept and handed out again while the
 * district, the residents' parameters and the seed stay the same (a sweep's or a
 * replication loop's common case).
 */
export function residentPopulationFor(s: Scenario, layout: Layout, seed: number | string): ResidentPopulation {
  const key = canonicalJson({ seed, district: s.district, residents: s.residents, columns: layout.columns, rows: layout.rows });
  if (last?.key !== key) last = { key, population: new ResidentPopulation(s, layout, rngStream(seed, "residents", 0)) };
  return last.population;
}
