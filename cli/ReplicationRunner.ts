import { runReplication } from "../sim/experiments/runReplication.js";
import type { ReplicationResult } from "../sim/metrics/ReplicationCollector.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { WorkerPool } from "./WorkerPool.js";

/** One replication to run: replication `replication` of `scenario` under root seed `seed`. */
export interface ReplicationJob {
  scenario: Scenario;
  seed: number | string;
  replication: number;
}

/** What became of each job, in the jobs' order: its result, its error, or nothing if it never started (stopped). */
export type JobOutcome = { ok: true; result: ReplicationResult } | { ok: false; error: string } | undefined;

/**
 * Runs the replications of one command: in this thread (1 worker) or on worker threads.
 * The thread pool is started at the first batch and kept until {@link close}, so that a
 * command that runs many batches — the points of a sweep, the rounds of `--precision`,
 * the steps of `optimize` — starts its threads, and warms up their compiled code, once.
 * Results do not depend on the number of workers.
 */
export class ReplicationRunner {
  private pool: WorkerPool | null = null;

  /**
   * @param workers 1 runs in this thread; more, on that many worker threads (at most one per job of the first batch).
   * @param inThread run in this thread; false runs even a single worker on a thread of its own (as the sweep benchmark does, so that 1 and 2 workers compare like with like).
   */
  constructor(
    readonly workers: number,
    private readonly inThread = workers <= 1,
  ) {}

  /**
   * Runs `jobs`; `onProgress` is called after each. Once `stop` is aborted no new job
   * starts (in this thread, it is checked between jobs). In this thread a job that throws
   * ends the batch with that error; on worker threads it is reported in its outcome and
   * the others go on.
   */
  async run(
    jobs: readonly ReplicationJob[],
    onProgress?: (done: number, total: number) => void,
    stop?: AbortSignal,
  ): Promise<JobOutcome[]> {
    if (this.inThread) {
      const outcomes: JobOutcome[] = new Array(jobs.length);
      for (let k = 0; k < jobs.length && !stop?.aborted; k++) {
        const job = jobs[k];
        outcomes[k] = { ok: true, result: runReplication(job.scenario, job.seed, job.replication) };
        onProgress?.(k + 1, jobs.length);
        // Let signals (Ctrl-C) through between replications.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return outcomes;
    }
    this.pool ??= new WorkerPool(Math.max(1, Math.min(this.workers, jobs.length)));
    const outcomes = await this.pool.runJobs(jobs, onProgress, stop);
    return jobs.map((_, k) => outcomes[k] ?? (stop?.aborted ? undefined : { ok: false, error: "not run: every worker thread had crashed" }));
  }

  /** Stops the worker threads, if any were started. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }
}
