/**
 * The sweep workload: 4 grid sizes × 3 staffing levels × 10 replications of a 30-day
 * District J baseline, run end to end on a pool of 1 and of 2 worker threads (the same
 * pool the CLI uses), to measure the parallel speed-up. Results must be identical.
 *
 * The pool sizes alternate 1, 2, 2, 1, and the speed-up is the ratio of the summed wall
 * times, so that a drift in the machine's speed during the bench (other jobs on a shared
 * VM) weighs on both sides alike.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WorkerPool } from "../cli/WorkerPool.js";
import { loadScenario } from "../sim/experiments/loadScenario.js";
import { factorialPoints } from "../sim/experiments/sweepPoints.js";
import { canonicalJson } from "../sim/scenario/canonicalJson.js";

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

/** Runs the sweep on pools of 1, 2, 2 and 1 threads; `quick` shrinks it to 2 × 2 × 2 units of 7 days, once on each pool size. */
export async function sweepBench(quick: boolean): Promise<{ timings: SweepTiming[]; identical: boolean; speedup: number }> {
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
  for (const threads of quick ? [1, 2] : [1, 2, 2, 1]) {
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
  const total = (threads: number) => timings.filter((t) => t.threads === threads).reduce((sum, t) => sum + t.ms, 0);
  return { timings, identical: outputs.every((o) => o === outputs[0]), speedup: total(1) / total(2) };
}
