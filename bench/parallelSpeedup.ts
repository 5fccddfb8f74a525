import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { typescriptWorker } from "../cli/typescriptWorker.js";
import type { ParallelKind, parallelWorker } from "./parallelWorker.js";
import { median, nowMs } from "./timing.js";

/** What {@link parallelSpeedup} measured for one kind of job. */
export interface ParallelSpeedup {
  kind: ParallelKind;
  /** Jobs each thread ran per timed run. */
  jobsPerThread: number;
  /** Per adjacent pair: the wall time of one job on one thread alone (ms). */
  pairJobMs: number[];
  /** Per adjacent pair: (2 × wall on 1 thread) ÷ wall on 2 threads, each thread running the same jobs. */
  pairSpeedups: number[];
  /** The median of the pairs. */
  speedup: number;
}

/**
 * The speed-up two worker threads give to work that shares nothing, once both threads are
 * warm: what the machine itself allows, apart from any pool, scheduling or JIT warm-up.
 *
 * Two threads each run `warmJobs` untimed jobs first. Then, in `pairs` adjacent pairs (1
 * then 2 threads, then 2 then 1, …), one thread runs `jobsPerThread` jobs alone, and both
 * run that many at once; twice the work in the same time would be a speed-up of 2.
 */
export async function parallelSpeedup(kind: ParallelKind, pairs: number, jobsPerThread: number, warmJobs: number): Promise<ParallelSpeedup> {
  const threads = [0, 1].map(() => typescriptWorker(new URL("./parallelWorker.ts", import.meta.url)));
  const workers = threads.map((t) => Comlink.wrap<typeof parallelWorker>(nodeEndpoint(t)));
  try {
    await Promise.all(workers.map((w) => w.run(kind, warmJobs)));
    const timedRun = async (n: number) => {
      const start = nowMs();
      await Promise.all(workers.slice(0, n).map((w) => w.run(kind, jobsPerThread)));
      return nowMs() - start;
    };
    const pairSpeedups: number[] = [];
    const oneThread: number[] = [];
    for (let p = 0; p < pairs; p++) {
      const wall: Record<number, number> = {};
      for (const n of p % 2 ? [2, 1] : [1, 2]) wall[n] = await timedRun(n);
      oneThread.push(wall[1] / jobsPerThread);
      pairSpeedups.push((2 * wall[1]) / wall[2]);
    }
    return { kind, jobsPerThread, pairJobMs: oneThread, pairSpeedups, speedup: median(pairSpeedups) };
  } finally {
    for (const w of workers) w[Comlink.releaseProxy]();
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

/** Several {@link parallelSpeedup} measurements of one kind as one: all their pairs, and their median. */
export function pooledSpeedup(runs: readonly ParallelSpeedup[]): ParallelSpeedup {
  const pairSpeedups = runs.flatMap((r) => r.pairSpeedups);
  return { kind: runs[0].kind, jobsPerThread: runs[0].jobsPerThread, pairJobMs: runs.flatMap((r) => r.pairJobMs), pairSpeedups, speedup: median(pairSpeedups) };
}
