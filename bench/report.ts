import type { DistrictResult } from "./districtChild.js";
import type { MmcSummary } from "./engineMmc.js";
import type { SimpyCheck, SimpyRun } from "./peers/simpy.js";
import type { QueueChildResult } from "./queueChild.js";
import type { SweepTiming } from "./sweepBench.js";

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
} as const;

/** Everything one `npm run bench` measured (written as test-artifacts/bench/latest.json). */
export interface BenchReport {
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; platform: string; node: string; v8: string };
  options: { peers: boolean; quick: boolean; repeats: number; hours: number };
  mmc: { model: string; engine: MmcSummary; handLoop: MmcSummary; engineOverHandLoop: number };
  simpy?:
    | { run: SimpyRun; modelEventsPerSecond: number; engineSpeedup: number }
    | { missing: Extract<SimpyCheck, { ok: false }> };
  queues: QueueChildResult[];
  /** The District J baseline for a year at three sizes; the middle one is the baseline itself. */
  districts: DistrictResult[];
  sweep: { timings: SweepTiming[]; identical: boolean; speedup: number };
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
  out.push(`Sweep: ${sw.timings[0].units} units (grid sizes × staffing × replications), end to end on worker threads`);
  out.push(
    table([
      ["threads", "wall (s)", "units/s"],
      ...sw.timings.map((t) => [String(t.threads), f(t.ms / 1000), f(t.units / (t.ms / 1000))]),
    ]),
  );
  out.push(`  speed-up 1 → 2 threads: ${f(sw.speedup)}× ${mark(sw.speedup >= TARGETS.sweepSpeedup)} (target ≥ ${TARGETS.sweepSpeedup}×); results identical: ${sw.identical ? "yes" : "NO"}`);
  return out.join("\n");
}
