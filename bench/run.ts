/**
 * `npm run bench [-- --peers] [-- --quick] [-- --repeats N] [-- --sweep-days N]`: GridGov's performance
 * benchmark. See docs/performance.md for what each workload measures and why.
 *
 * 1. M/M/c patrol: the full engine (`runReplication`) against a minimal hand-written
 *    loop on the same model, alternately, in this process.
 * 2. With `--peers`: the same model in SimPy 3, run side by side.
 * 3. Pending-event queue: the hold model at 65,536 and 10^6 pending events, the
 *    engine's `EventQueue` against a heap of event objects (one child process each).
 * 4. District baseline: District J (illustrative) over 365 days at three sizes
 *    (child processes, peak RSS).
 * 5. Sweep: 4 grid sizes × 3 staffing levels × 10 replications of 30 days (`--sweep-days N`
 *    for another length) on 1 and 2 worker threads; before each of its pairs, the speed-up
 *    two warm threads give to work that shares nothing (the hand loop, and District J
 *    replications), which is what the machine allows.
 * 6. The web app in Chromium on 1 and 2 Web Workers (`bench/browser.ts`, a child process;
 *    skipped with `--quick`).
 *
 * Prints a table and writes test-artifacts/bench/latest.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compareEngineAndHandLoop, type MmcSummary } from "./engineMmc.js";
import type { HandLoopChildResult } from "./handLoopChild.js";
import { median } from "./timing.js";
import { MMC } from "./mmcScenario.js";
import { checkSimpy, runSimpy, type SimpyCheck, type SimpyRun } from "./peers/simpy.js";
import type { DistrictResult } from "./districtChild.js";
import type { QueueChildResult } from "./queueChild.js";
import { formatReport, type BenchReport, type BrowserBench } from "./report.js";
import { sweepBase, sweepBench } from "./sweepBench.js";
import { parallelSpeedup, pooledSpeedup, type ParallelSpeedup } from "./parallelSpeedup.js";
import { machine } from "./machine.js";

const args = process.argv.slice(2);
const peers = args.includes("--peers");
const quick = args.includes("--quick");
const repeatsArg = args.indexOf("--repeats");
const repeats = repeatsArg >= 0 ? Number(args[repeatsArg + 1]) : quick ? 1 : 3;
if (!(Number.isInteger(repeats) && repeats >= 1)) throw new Error("--repeats needs a positive integer");
const sweepDaysArg = args.indexOf("--sweep-days");
const sweepDays = sweepDaysArg >= 0 ? Number(args[sweepDaysArg + 1]) : quick ? 7 : 30;
if (!(Number.isInteger(sweepDays) && sweepDays >= 1)) throw new Error("--sweep-days needs a positive integer");
sweepBase(sweepDays); // fails now, not after the other workloads, if the length does not fit the scenario
const valued = ["--repeats", "--sweep-days"];
const unknown = args.filter((a, i) => a.startsWith("--") && !["--peers", "--quick", ...valued].includes(a) && !valued.includes(args[i - 1]));
if (unknown.length) throw new Error(`unknown option ${unknown.join(", ")}; use --peers, --quick, --repeats N, --sweep-days N`);

const hours = quick ? MMC.hours / 10 : MMC.hours;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Runs a bench child (`node [flags] --import tsx file args`) and parses its last output line. */
function child<T>(file: string, childArgs: string[] = [], nodeFlags: string[] = []): T {
  const out = spawnSync(process.execPath, [...nodeFlags, "--import", "tsx", here(file), ...childArgs], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`${file} failed (exit ${out.status}):\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").pop()!) as T;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

// 1. Engine and hand loop, alternately, in this process.
log(`M/M/c patrol: engine and hand loop, ${repeats}× each, ${hours.toLocaleString("en")} simulated hours …`);
const mmc: { engine: MmcSummary; hand: MmcSummary } = compareEngineAndHandLoop(repeats, hours);

// 1b. The floor: the hand loop with and without the engine's per-incident duties, alternately, one child process per run.
log("M/M/c patrol: hand loop plain and with the engine's per-incident duties (child processes) …");
const floorRuns = Array.from({ length: repeats }, (_, k) =>
  (["plain", "duties"] as const).map((variant) => child<HandLoopChildResult>("./handLoopChild.ts", [variant, String(hours), String(k + 1)])),
);
const floor = {
  plainMs: median(floorRuns.map(([plain]) => plain.ms)),
  dutiesMs: median(floorRuns.map(([, duties]) => duties.ms)),
};

// 2. SimPy 3, side by side.
let simpyCheck: SimpyCheck | undefined;
let simpy: SimpyRun | undefined;
if (peers) {
  simpyCheck = checkSimpy();
  if (simpyCheck.ok) {
    log(`M/M/c patrol in SimPy ${simpyCheck.version} (about ${Math.round(hours / 8500)} s) …`);
    simpy = runSimpy(hours, 1);
  }
}

// 3. Pending-event queues, one child process per implementation.
log("Pending-event queue: hold model at 65,536 and 1,000,000 events …");
const queues = (["EventQueue", "ObjectHeap"] as const).map((kind) =>
  child<QueueChildResult>("./queueChild.ts", [kind], ["--expose-gc"]),
);

// 4. District baseline at three sizes, each alone in a child process.
log("District J baseline, 365 days, at 30,000, 120,000 and 480,000 households …");
const districts = (quick ? [30000, 120000] : [30000, 120000, 480000]).map((h) => child<DistrictResult>("./districtChild.ts", [String(h)]));

// 5. Sweep on 1 and 2 worker threads.
log(
  quick
    ? `Sweep (--quick): 2 grid sizes × 2 staffing levels × 2 replications of ${sweepDays} days, on 1 and 2 worker threads …`
    : `Sweep: 4 grid sizes × 3 staffing levels × 10 replications of ${sweepDays} days, on 1, 2, 2, 1, 1 and 2 worker threads …`,
);
const machineRuns: { handLoop: ParallelSpeedup[]; district: ParallelSpeedup[] } = { handLoop: [], district: [] };
const sweep = await sweepBench(quick, sweepDays, async () => {
  machineRuns.handLoop.push(await parallelSpeedup("handLoop", quick ? 1 : 4, quick ? 2 : 6, quick ? 2 : 5));
  machineRuns.district.push(await parallelSpeedup("district", quick ? 1 : 4, quick ? 1 : 3, quick ? 2 : 5));
});

// 6. The web app in Chromium, in its own process (it writes test-artifacts/bench/browser.json).
let browser: BenchReport["browser"];
if (quick) {
  log("Web app in Chromium: skipped (--quick); run `npm run bench:browser` for it.");
  browser = { skipped: "--quick" };
} else {
  log("Web app in Chromium: 6 scenarios × 10 replications on 1 and 2 Web Workers, 3 pages each (about 40 s) …");
  const out = spawnSync(process.execPath, ["--import", "tsx", here("./browser.ts")], { stdio: ["ignore", "ignore", "inherit"] });
  browser =
    out.status === 0
      ? (JSON.parse(readFileSync(here("../test-artifacts/bench/browser.json"), "utf8")) as BrowserBench)
      : { failed: `bench/browser.ts exited with status ${out.status ?? out.signal} (its error is printed above)` };
}

const report: BenchReport = {
  date: new Date().toISOString(),
  machine: machine(),
  options: { peers, quick, repeats, hours },
  mmc: {
    model: `M/M/${MMC.servers}, λ = ${MMC.arrivalsPerHour}/h, exponential service mean ${MMC.serviceMeanMinutes} min`,
    engine: mmc.engine,
    handLoop: mmc.hand,
    engineOverHandLoop: mmc.engine.medianMs / mmc.hand.medianMs,
    floor: { ...floor, ratio: floor.dutiesMs / floor.plainMs },
  },
  simpy: simpy
    ? { run: simpy, modelEventsPerSecond: simpy.modelEvents / simpy.seconds, engineSpeedup: simpy.seconds * 1000 / mmc.engine.medianMs }
    : simpyCheck && !simpyCheck.ok
      ? { missing: simpyCheck }
      : undefined,
  queues,
  districts,
  sweep,
  parallel: { handLoop: pooledSpeedup(machineRuns.handLoop), district: pooledSpeedup(machineRuns.district) },
  browser,
};

console.log(formatReport(report));
const outDir = fileURLToPath(new URL("../test-artifacts/bench/", import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}latest.json`, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote test-artifacts/bench/latest.json`);

if (browser && "failed" in browser) {
  console.error(`\nWeb app in Chromium: ${browser.failed}.`);
  process.exitCode = 1;
}
if (simpyCheck && !simpyCheck.ok) {
  console.error(`\n--peers: ${simpyCheck.reason}. Install SimPy 3 with:\n  ${simpyCheck.install}\n(python3-simpy is the old SimPy 2 API.)`);
  process.exitCode = 1;
}
