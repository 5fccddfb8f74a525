import type { DistrictResult } from "./districtChild.js";
import type { MmcSummary } from "./engineMmc.js";
import type { SimpyCheck, SimpyRun } from "./peers/simpy.js";
import type { QueueChildResult } from "./queueChild.js";
import type { SweepBench } from "./sweepBench.js";
import type { ParallelSpeedup } from "./parallelSpeedup.js";
import type { Machine } from "./machine.js";

/** Performance targets (docs/performance.md). */
export const TARGETS = {
  /** Engine throughput on the M/M/c workload (events per second). */
  engineEventsPerSecond: 3e6,
  /** Engine wall time over hand-loop wall time on the same workload. */
  engineOverHandLoop: 2,
  /** District baseline wall time (ms) and peak resident memory (MB). */
  districtMs: 2000,
  districtMB: 300,
  /** Speed-up of the sweep workload from 1 to 2 worker threads. */
  sweepSpeedup: 1.8,
  /** Replication length (days) of the sweep workload the speed-up target is for. */
  sweepDays: 30,
} as const;

/** Everything one `npm run bench` measured (written as test-artifacts/bench/latest.json). */
export interface BenchReport {
  date: string;
  machine: Machine;
  options: { peers: boolean; quick: boolean; repeats: number; hours: number };
  mmc: {
    model: string;
    engine: MmcSummary;
    handLoop: MmcSummary;
    engineOverHandLoop: number;
    /** The hand loop plain and with the engine's per-incident duties (median ms, child processes), and their ratio. */
    floor: { plainMs: number; dutiesMs: number; ratio: number };
  };
  simpy?:
    | { run: SimpyRun; modelEventsPerSecond: number; engineSpeedup: number }
    | { missing: Extract<SimpyCheck, { ok: false }> };
  queues: QueueChildResult[];
  /** The District J baseline for a year at three sizes; the middle one is the baseline itself. */
  districts: DistrictResult[];
  sweep: SweepBench;
  /** What two warm threads give work that shares nothing, measured before each pair of the sweep: the machine's own limit. */
  parallel: { handLoop: ParallelSpeedup; district: ParallelSpeedup };
  /** The web app in Chromium (bench/browser.ts); skipped with `--quick`, `failed` if the child failed. */
  browser?: BrowserBench | { skipped: string } | { failed: string };
}

/** One timed comparison in a fresh page (bench/browser.ts); times in ms from the in-page click on `#run`. */
export interface BrowserRun {
  workers: number;
  repeat: number;
  /** Until the status reads "1 of 60 replications done" (workers started, engine loaded, first replication run). */
  firstResultMs: number;
  /** Until the status reads "60 of 60 replications done" (the last result is back on the main thread). */
  lastResultMs: number;
  /** Until the status reads "Done: …" (all replications back, combined and compared). */
  simulationMs: number;
  /** Until `#results[data-ready]` (summary, table and every chart drawn). */
  readyMs: number;
  /** Longest main-thread task (> 50 ms, Long Tasks API) in each window; null if none. */
  longestSimulationTaskMs: number | null;
  longestChartTaskMs: number | null;
  /** … and after the charts, while the run is saved in IndexedDB and the saved-runs list refreshed. */
  longestSavingTaskMs: number | null;
  /** Every long task from the click to a moment after ready (start relative to the click). */
  longTasks: Array<{ startMs: number; durationMs: number; window: "simulation" | "handover" | "charts" | "after" }>;
  /** A second run on the same page, with the engine workers already started. */
  warm: Pick<BrowserRun, "simulationMs" | "readyMs" | "longestSimulationTaskMs" | "longestChartTaskMs">;
  /** Preview latencies measured on this page after the run (input event → new `#preview[data-ready]`). */
  previewMs: number[];
}

/** What `npm run bench:browser` measured (written as test-artifacts/bench/browser.json). */
export interface BrowserBench {
  date: string;
  /** Load average (1, 5, 15 min) at the end: other jobs on the machine take cores from the workers. */
  machine: Machine;
  chromium: string;
  workload: string;
  repeats: number;
  runs: BrowserRun[];
  /** Per worker count: medians over the repeats; longest tasks as the median and the worst of the per-run longest. */
  summary: Array<{
    workers: number;
    simulationMs: number;
    readyMs: number;
    chartsMs: number;
    /** From the last result back to "Done": combining the replications and comparing the scenarios. */
    combineMs: number;
    warmSimulationMs: number;
    longestSimulationTaskMs: { median: number | null; worst: number | null };
    longestChartTaskMs: { median: number | null; worst: number | null };
    longestSavingTaskMs: { median: number | null; worst: number | null };
    firstResultMs: number;
  }>;
  /** Median time with 1 worker over median time with 2. */
  speedup: { simulation: number; ready: number; warmSimulation: number };
  preview: { medianMs: number; minMs: number; maxMs: number; samples: number; debounceMs: number };
}

const f = (x: number, digits = 2) => x.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mega = (x: number) => `${f(x / 1e6)} M`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");

/** Left-aligns the first column and right-aligns the others. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => "  " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   "))
    .join("\n");
}

/** The human-readable table printed by `npm run bench`. */
export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`GridGov benchmark — ${m.cpu} × ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node} (V8 ${m.v8}), ${r.date}`);

  const { engine, handLoop } = r.mmc;
  const events = engine.runs[0].events;
  out.push("");
  out.push(
    `M/M/c patrol — ${r.mmc.model}; ${r.options.hours.toLocaleString("en")} h ≈ ${mega(events).replace(" M", " M")} events; ` +
      `median of ${r.options.repeats} run${r.options.repeats > 1 ? "s" : ""}${r.options.quick ? " (--quick: 1/10 length)" : ""}`,
  );
  const rows = [
    ["implementation", "wall (s)", "events/s", "incidents/s", "time vs engine"],
    ["GridGov engine (runReplication, all metrics)", f(engine.medianMs / 1000), mega(engine.eventsPerSecond), mega(engine.closedPerSecond), "1.00×"],
    ["hand-written loop (typed-array heap, alea)", f(handLoop.medianMs / 1000), mega(handLoop.eventsPerSecond), mega(handLoop.closedPerSecond), `${f(handLoop.medianMs / engine.medianMs)}×`],
  ];
  if (r.simpy && "run" in r.simpy) {
    const s = r.simpy.run;
    rows.push([
      `SimPy ${s.simpy} (Python ${s.python})`,
      f(s.seconds),
      mega(r.simpy.modelEventsPerSecond),
      mega(s.served / s.seconds),
      `${f((s.seconds * 1000) / engine.medianMs, 1)}×`,
    ]);
  }
  out.push(table(rows));
  const ratio = r.mmc.engineOverHandLoop;
  out.push(
    `  engine / hand loop: ${f(ratio)}× the time (target ≤ ${TARGETS.engineOverHandLoop}× ${mark(ratio <= TARGETS.engineOverHandLoop)});` +
      ` engine ${mega(engine.eventsPerSecond)} events/s (target ≥ ${mega(TARGETS.engineEventsPerSecond)} ${mark(engine.eventsPerSecond >= TARGETS.engineEventsPerSecond)})`,
  );
  const fl = r.mmc.floor;
  out.push(
    `  floor: the hand loop with only the engine's per-incident duties (engine-independent logarithm, six draws more for` +
      ` common random numbers, six histograms) takes ${f(fl.ratio)}× the plain loop (${f(fl.dutiesMs / 1000)} s against ${f(fl.plainMs / 1000)} s, own processes)`,
  );
  if (r.simpy && "run" in r.simpy) {
    out.push(
      `  engine / SimPy: the engine is ${f(r.simpy.engineSpeedup, 1)}× faster ` +
        `(SimPy scheduled ${mega(r.simpy.run.simpyEvents)} internal events; events/s above counts one arrival + one service end per incident, as the engine does)`,
    );
  } else if (r.simpy && "missing" in r.simpy) {
    out.push(`  SimPy: not run — ${r.simpy.missing.reason}; install with: ${r.simpy.missing.install}`);
  } else {
    out.push("  (add --peers to run the same model in SimPy 3 side by side)");
  }

  out.push("");
  out.push("Pending-event queue — hold model (pop the earliest, push one later), ns per event; memory at 10^6 pending");
  const sizes = r.queues[0].hold.map((h) => h.pending);
  out.push(
    table([
      ["queue", ...sizes.map((n) => `${n.toLocaleString("en")} pending`), "memory, 10^6 pending"],
      ...r.queues.map((q) => [
        q.queue === "EventQueue" ? "EventQueue (sim/kernel, typed arrays)" : "heap of event objects",
        ...q.hold.map((h) => `${Math.round(h.nsPerEvent).toLocaleString("en")} ns`),
        `${f(q.memoryBytes / 2 ** 20, 1)} MB (${Math.round(q.memoryBytes / q.memoryPending)} B/event)`,
      ]),
    ]),
  );

  out.push("");
  out.push("District J (illustrative) baseline, 365 days, one replication, each in its own process");
  out.push(
    table([
      ["households", "residents", "grids", "workers", "incidents", "events", "wall (s)", "peak RSS"],
      ...r.districts.map((d) => {
        const target = d.households === 120000;
        return [
          d.households.toLocaleString("en"),
          d.residents.toLocaleString("en"),
          String(d.grids),
          String(d.workers),
          d.incidentsOccurred.toLocaleString("en"),
          mega(d.events),
          `${f(d.ms / 1000)}${target ? ` ${mark(d.ms < TARGETS.districtMs)}` : ""}`,
          `${Math.round(d.maxRssMB)} MB${target ? ` ${mark(d.maxRssMB < TARGETS.districtMB)}` : ""}`,
        ];
      }),
    ]),
  );
  out.push(`  targets for the baseline (120,000 households): < ${TARGETS.districtMs / 1000} s, < ${TARGETS.districtMB} MB`);
  const sw = r.sweep;
  out.push("");
  out.push(`Sweep: ${sw.timings[0].units} units (grid sizes × staffing × replications of ${sw.days} days), end to end on worker threads`);
  out.push(
    table([
      ["threads", "wall (s)", "units/s", "cores busy", "CPU: engine threads (s)", "rest: main, V8 helpers (s)"],
      ...sw.timings.map((t) => [
        String(t.threads),
        f(t.ms / 1000),
        f(t.units / (t.ms / 1000)),
        f(t.cores),
        t.split ? f(t.split.engines / 1000) : "–",
        t.split ? f(t.split.others / 1000) : "–",
      ]),
    ]),
  );
  out.push(`  speed-up 1 → 2 threads, median of adjacent pairs (${sw.pairSpeedups.map((x) => f(x)).join(", ")}): ${f(sw.speedup)}× ${sw.days === TARGETS.sweepDays ? `${mark(sw.speedup >= TARGETS.sweepSpeedup)} (target ≥ ${TARGETS.sweepSpeedup}×)` : `(the target, ≥ ${TARGETS.sweepSpeedup}×, is for replications of ${TARGETS.sweepDays} days)`}; results identical: ${sw.identical ? "yes" : "NO"}`);
  if (sw.pairBounds) {
    out.push(
      `  bound per pair if both engines ran at full speed together — 1-thread wall ÷ ((engine CPU, 1 thread + rest, 2 threads) ÷ 2): ${sw.pairBounds.map((x) => f(x)).join(", ")}×`,
    );
  }
  const range = (xs: number[], g: (x: number) => string) => `${g(Math.min(...xs))}–${g(Math.max(...xs))}`;
  const machineRow = (label: string, p: ParallelSpeedup) =>
    `  ${label}, ${p.jobsPerThread} jobs per thread (one job alone: ${range(p.pairJobMs, (x) => String(Math.round(x)))} ms): ${f(p.speedup)}×, median of ${p.pairSpeedups.length} pairs (${range(p.pairSpeedups, f)}×)`;
  out.push("  what the machine gives two warm threads that share nothing, before each pair of the sweep:");
  out.push(machineRow("hand-written M/M/c loop", r.parallel.handLoop));
  out.push(machineRow("District J replications of 30 days", r.parallel.district));
  out.push("");
  if (!r.browser) return out.join("\n");
  if ("skipped" in r.browser) out.push(`Web app in Chromium: skipped (${r.browser.skipped}); run \`npm run bench:browser\` for it`);
  else if ("failed" in r.browser) out.push(`Web app in Chromium: FAILED — ${r.browser.failed}`);
  else out.push(formatBrowser(r.browser));
  return out.join("\n");
}

/** The browser bench's table (printed by `npm run bench:browser` and as the last section of `npm run bench`). */
export function formatBrowser(b: BrowserBench): string {
  const ms = (x: number) => `${f(x / 1000)} s`;
  const task = (t: { median: number | null; worst: number | null }) => (t.worst === null ? "none over 50 ms" : `${t.median === null ? "none" : Math.round(t.median)} / ${Math.round(t.worst)} ms`);
  const out: string[] = [];
  out.push(`Web app in ${b.chromium} (headless) — ${b.workload}; median of ${b.repeats} fresh pages per worker count, alternated`);
  out.push(
    table([
      ["Web Workers", "to \"Done\"", "to charts drawn", "drawing", "2nd run to \"Done\"", "longest task while simulating", "while drawing", "while saving"],
      ...b.summary.map((s) => [String(s.workers), ms(s.simulationMs), ms(s.readyMs), ms(s.chartsMs), ms(s.warmSimulationMs), task(s.longestSimulationTaskMs), task(s.longestChartTaskMs), task(s.longestSavingTaskMs)]),
    ]),
  );
  out.push(
    `  speed-up 1 → 2 workers: ${f(b.speedup.simulation)}× to "Done", ${f(b.speedup.ready)}× to charts drawn, ${f(b.speedup.warmSimulation)}× to "Done" with warm workers (2nd run on the page)`,
  );
  out.push(
    `  first run: the click starts the workers (first result after ${b.summary.map((s) => `${Math.round(s.firstResultMs)} ms`).join(" / ")}); ` +
      `"Done" includes combining and comparing on the main thread (${b.summary.map((s) => `${Math.round(s.combineMs)} ms`).join(" / ")})`,
  );
  out.push("  longest main-thread tasks (Long Tasks API, only tasks over 50 ms): median / worst of the per-page longest, first run");
  const p = b.preview;
  out.push(`  preview after an edit (6 scenarios, 3 days each, 1 worker; includes the ${p.debounceMs} ms debounce): median ${Math.round(p.medianMs)} ms (${Math.round(p.minMs)}–${Math.round(p.maxMs)} ms, ${p.samples} edits)`);
  return out.join("\n");
}
