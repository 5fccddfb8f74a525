/**
 * The sweep workload: 4 grid sizes × 3 staffing levels × 10 replications of a 30-day
 * District J baseline, run end to end the way `gridgov sweep` runs it (`runPoints`:
 * every unit in one batch, then a summary per point) on one worker thread and on two, to
 * measure the parallel speed-up. The results must be identical.
 *
 * The pool sizes alternate 1, 2 | 2, 1 | 1, 2: three pairs of adjacent runs, each pair
 * giving one speed-up, and the bench reports their median. On a shared VM the machine's
 * speed drifts and jumps by ±20 % within a minute (other jobs); comparing adjacent runs,
 * in both orders, and taking the median keeps one slow spell from deciding the figure.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runPoints } from "../cli/runScenarioOn.js";
import { ReplicationRunner } from "../cli/ReplicationRunner.js";
import { pointScenarios, sweepDesign, sweepOutput } from "../cli/sweepDesign.js";
import { loadScenario } from "../sim/experiments/loadScenario.js";
import { factorialPoints } from "../sim/experiments/sweepPoints.js";
import { canonicalJson } from "../sim/scenario/canonicalJson.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { splitCpu, threadCpu, type CpuSplit } from "./threadCpu.js";
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
  /** The CPU time of the engine's worker threads and of the rest of the process (Linux only). */
  split?: CpuSplit;
}

/** What the sweep bench measured. */
export interface SweepBench {
  /** Simulated days per replication (30 unless `--sweep-days` or `--quick`). */
  days: number;
  /** Every run, in the order run. */
  timings: SweepTiming[];
  /** True if every run gave the same bytes. */
  identical: boolean;
  /** Speed-up of each adjacent pair (1-thread wall / 2-thread wall), and their median. */
  pairSpeedups: number[];
  speedup: number;
  /**
   * Per pair (Linux only): the speed-up two threads would reach if running both engines at
   * once cost neither of them any speed — 1-thread wall ÷ ((engine CPU with 1 thread +
   * the rest of the process's CPU with 2) ÷ 2). What is left over on two cores besides the
   * engine's work is V8 compiling and collecting garbage for each thread's own isolate.
   */
  pairBounds?: number[];
}

/** The sweep's base scenario: the District J baseline with `days`-day replications. Throws, saying why, if `days` does not fit it. */
export function sweepBase(days: number): { file: string; scenario: Scenario } {
  const file = fileURLToPath(new URL("../scenarios/district-j-baseline.json", import.meta.url));
  const checked = loadScenario(readFileSync(file, "utf8"), [`run.days=${days}`]);
  if (!checked.ok) throw new Error(`the sweep workload with ${days}-day replications: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return { file, scenario: checked.value };
}

/**
 * Runs the sweep on pools of 1, 2, 2, 1, 1 and 2 threads; `quick` shrinks it to 2 × 2 × 2
 * units, on one pair. `days` is the length of each replication (the target is for 30).
 * `beforePair` runs before each pair (the bench measures the machine's own parallel
 * speed-up there, at the same moments as the sweep's).
 */
export async function sweepBench(quick: boolean, days = quick ? 7 : 30, beforePair?: () => Promise<void>): Promise<SweepBench> {
  const { file, scenario } = sweepBase(days);
  const replications = quick ? 2 : 10;
  const seed = 1;
  const design = sweepDesign(
    scenario,
    factorialPoints([
      { path: "grids.householdsPerGrid", values: quick ? [300, 600] : [200, 300, 400, 600] },
      { path: "staffing.workersPerGrid", values: quick ? [1, 2] : [1, 1.5, 2] },
    ]),
    seed,
    replications,
  );
  const points = pointScenarios(design, file);
  const timings: SweepTiming[] = [];
  const outputs: string[] = [];
  for (const threads of quick ? [1, 2] : [1, 2, 2, 1, 1, 2]) {
    if (timings.length % 2 === 0) await beforePair?.();
    const cpu = process.cpuUsage();
    const before = threadCpu();
    const start = process.hrtime.bigint();
    const runner = new ReplicationRunner(threads, false);
    let after: Map<number, number> | null = null;
    const runs = await runPoints(runner, points, seed, replications).finally(async () => {
      after = threadCpu();
      await runner.close();
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const split = before && after ? splitCpu(before, after, threads) : undefined;
    timings.push({ threads, units: points.length * replications, ms, cpuMs, cores: cpuMs / ms, split });
    outputs.push(canonicalJson(sweepOutput(design, runs)));
  }
  const pairSpeedups: number[] = [];
  const pairBounds: number[] = [];
  for (let k = 0; k + 1 < timings.length; k += 2) {
    const [one, two] = timings[k].threads === 1 ? [timings[k], timings[k + 1]] : [timings[k + 1], timings[k]];
    pairSpeedups.push(one.ms / two.ms);
    if (one.split && two.split) pairBounds.push(one.ms / ((one.split.engines + two.split.others) / 2));
  }
  return {
    days,
    timings,
    identical: outputs.every((o) => o === outputs[0]),
    pairSpeedups,
    speedup: median(pairSpeedups),
    pairBounds: pairBounds.length === pairSpeedups.length ? pairBounds : undefined,
  };
}
