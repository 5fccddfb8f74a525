/**
 * Child process of the benchmark: one replication of the District J (illustrative)
 * baseline over 365 days, at a given number of households, alone in its process so its
 * peak memory is its own. Prints one JSON line (see {@link DistrictResult}).
 *   node --import tsx bench/districtChild.ts [households]
 */
import { readFileSync } from "node:fs";
import { totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../sim/experiments/loadScenario.js";
import { runReplication } from "../sim/experiments/runReplication.js";
import { timed } from "./timing.js";

/** What the child reports. */
export interface DistrictResult {
  days: number;
  households: number;
  residents: number;
  grids: number;
  workers: number;
  events: number;
  incidentsOccurred: number;
  /** Wall time of `runReplication` (ms), process start-up and module loading excluded. */
  ms: number;
  /** Peak resident set of the whole process (MB), Node and tsx included. */
  maxRssMB: number;
  /** Resident set after loading the modules, before the run (MB). */
  startRssMB: number;
}

const DAYS = 365;
const households = Number(process.argv[2] ?? 120000);
// The district grows with its households at the baseline's density.
const scale = Math.sqrt(households / 120000);
const file = fileURLToPath(new URL("../scenarios/district-j-baseline.json", import.meta.url));
const checked = loadScenario(readFileSync(file, "utf8"), [
  `run.days=${DAYS}`,
  `district.households=${households}`,
  `district.widthMeters=${8000 * scale}`,
  `district.heightMeters=${6000 * scale}`,
], totalmem());
if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
const scenario = checked.value;
const startRssMB = process.memoryUsage().rss / 2 ** 20;
const { value, ms } = timed(() => runReplication(scenario, 1, 0));
const result: DistrictResult = {
  days: DAYS,
  households,
  residents: Math.round(households * scenario.district.personsPerHousehold),
  grids: value.grids.occurred.length,
  workers: value.workers.count,
  events: value.events,
  incidentsOccurred: value.incidents.arrived,
  ms,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  startRssMB,
};
console.log(JSON.stringify(result));
