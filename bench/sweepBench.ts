/**
 * The sweep workload: 4 grid sizes × 3 staffing levels × 10 replications of a 30-day
 * District J baseline, run end to end on a pool of 1 and of 2 worker threads (the same
 * pool the CLI uses), to measure the parallel speed-up. Results must be identical.
 *
 * The pool sizes alternate 1, 2 | 2, 1 | 1, 2: three pairs of adjacent runs, each pair
 * giving one speed-up, and the bench reports their median. On a shared VM the machine's
 * speed drifts and jumps by ±20 % within a minute (other jobs); comparing adjacent runs,
 * in both orders, and taking the median keeps one slow spell from deciding the figure.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WorkerPool } from "../cli/WorkerPool.js";
import { loadScenario } from "../sim/experiments/loadScenario.js";
import { factorialPoints } from "../sim/experiments/sweepPoints.js";
import { canonicalJson } from "../sim/scenario/canonicalJson.js";
import { median } from "./timing.js";

/** What one pool size measured. */
export interface SweepTiming {
  threads: number;
  units: number;
  /** End-to-end wall time (ms), thread start-up included. */
  ms: number;
  /** CPU time of the whole process (all threads, ms), and so the cores kept busy on average. */
  cpuMs: number;
  cores: number;
}

/** What the sweep bench measured. */
export interface SweepBench {
  /** Every run, in the order run. */
  timings: SweepTiming[];
  /** True if every run gave the same bytes. */
  identical: boolean;
  /** Speed-up of each adjacent pair (1-thread wall / 2-thread wall), and their median. */
  pairSpeedups: number[];
  speedup: number;
}

/** Runs the sweep on pools of 1, 2, 2, 1, 1 and 2 threads; `quick` shrinks it to 2 × 2 × 2 units of 7 days, on one pair. */
export async function sweepBench(quick: boolean): Promise<SweepBench> {
  const file = fileURLToPath(new URL("../scenarios/district-j-baseline.json", import.meta.url));
  const text = readFileSync(file, "utf8");
  const points = factorialPoints([
    { path: "grids.householdsPerGrid", values: quick ? [300, 600] : [200, 300, 400, 600] },
    { path: "staffing.workersPerGrid", values: quick ? [1, 2] : [1, 1.5, 2] },
  ]);
  const replications = quick ? 2 : 10;
  const jobs = points.flatMap((p) => {
    const checked = loadScenario(text, [`run.days=${quick ? 7 : 30}`, ...Object.entries(p).map(([k, v]) => `${k}=${v}`)]);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    return Array.from({ length: replications }, (_, replication) => ({ scenario: checked.value, seed: 1, replication }));
  });
  const timings: SweepTiming[] = [];
  const outputs: string[] = [];
  for (const threads of quick ? [1, 2] : [1, 2, 2, 1, 1, 2]) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const pool = new WorkerPool(threads);
    const { outcomes, failures } = await pool.runJobs(jobs);
    await pool.close();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (failures.length) throw new Error(`sweep bench: ${failures.length} units failed: ${failures[0].error}`);
    timings.push({ threads, units: jobs.length, ms, cpuMs, cores: cpuMs / ms });
    outputs.push(canonicalJson(outcomes));
  }
  const pairSpeedups: number[] = [];
  for (let k = 0; k + 1 < timings.length; k += 2) {
    const [a, b] = [timings[k], timings[k + 1]];
    pairSpeedups.push(a.threads === 1 ? a.ms / b.ms : b.ms / a.ms);
  }
  return { timings, identical: outputs.every((o) => o === outputs[0]), pairSpeedups, speedup: median(pairSpeedups) };
}
