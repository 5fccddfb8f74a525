import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import type { EngineApi, ReplicationOutcome } from "../sim/runtime/engineApi.js";
import { JobShares } from "../sim/runtime/JobShares.js";
import { engineWorkerBundle } from "./engineWorkerBundle.js";
import { typescriptWorker } from "./typescriptWorker.js";

/** The engine's worker module, loaded from its sources when there is no bundle (see engineWorkerBundle). */
const workerModule = new URL("../sim/runtime/nodeEngineWorker.ts", import.meta.url);

/** Jobs sent to each worker thread ahead of its results (see {@link WorkerPool.runJobs}). */
const JOBS_IN_FLIGHT = 2;

/** The default number of worker threads: one per core. */
export const defaultWorkers = () => availableParallelism();

/**
 * A pool of Node worker threads, each running the engine behind comlink. Each thread
 * works through its own share of a batch's jobs, then helps with the others' (see
 * {@link JobShares}); results come back in the jobs' order, so the combined result does
 * not depend on the number of workers.
 */
export class WorkerPool {
  private readonly threads: Worker[] = [];
  private readonly engines: Comlink.Remote<EngineApi>[] = [];
  /** Per thread: a promise that rejects if the thread dies (a crash would otherwise leave a call pending forever). */
  private readonly deaths: Promise<never>[] = [];
  /** Per thread: false once it has died (the pool outlives a batch, so a later batch must not count on it). */
  private readonly alive: boolean[] = [];

  constructor(readonly size: number) {
    for (let k = 0; k < size; k++) {
      const bundle = engineWorkerBundle();
      const thread = bundle ? new Worker(bundle) : typescriptWorker(workerModule);
      this.threads.push(thread);
      this.engines.push(Comlink.wrap<EngineApi>(nodeEndpoint(thread)));
      // Node can hand a dying thread's last answers to this thread in the same turn of the
      // event loop as its 'exit': it delivers them (and any 'error') just before 'exit', and
      // the calls they answer settle only in the microtasks after. A death reported at once
      // would beat them: the job the thread had finished would be reported as its victim,
      // and the job that killed it handed to another thread, which it would kill too. So the
      // death is reported on 'exit', which always comes last, one turn of the event loop
      // later; in the meantime no job is sent to the thread.
      const death = new Promise<never>((_, reject) => {
        let error: Error | undefined;
        thread.once("error", (e) => (error = e));
        thread.once("exit", (code) => {
          this.alive[k] = false;
          const why = error ? `crashed: ${error.message}` : `exited with code ${code}`;
          setImmediate(() => reject(new Error(`worker thread ${k} ${why}`)));
        });
      });
      death.catch(() => {});
      this.deaths.push(death);
      this.alive.push(true);
    }
  }

  /**
   * Runs any list of (scenario, seed, replication) jobs; outcomes come back in the list's
   * order, a failed job's with its error (the others go on). Once `stop` is aborted no new
   * job starts (jobs under way finish); a job that never ran — stopped, or every thread
   * crashed — has no outcome.
   *
   * Each thread has {@link JOBS_IN_FLIGHT} jobs sent to it at once, so that it starts the
   * next one the moment it posts a result, without waiting for this thread to answer —
   * which, with every core busy running the engine, can take a scheduler time slice.
   */
  async runJobs(
    jobs: ReadonlyArray<{ scenario: unknown; seed: number | string; replication: number }>,
    onDone?: (done: number, total: number) => void,
    stop?: AbortSignal,
  ): Promise<Array<ReplicationOutcome | undefined>> {
    const n = jobs.length;
    const outcomes = new Array<ReplicationOutcome | undefined>(n);
    let done = 0;
    /** Jobs handed back by a thread that died before starting them. */
    const requeued: number[] = [];
    /** Per thread, the jobs sent to it and not yet answered, oldest (the one running) first. */
    const inFlight = this.threads.map(() => [] as number[]);
    const dead = this.alive.map((alive) => !alive);
    const threads = Math.max(1, Math.min(this.size, n));
    const shares = new JobShares(n, threads);
    const take = (t: number) => (requeued.length ? requeued.shift()! : shares.take(t, inFlight[t].length));
    const lane = async (t: number) => {
      while (!dead[t] && this.alive[t] && !stop?.aborted) {
        const k = take(t);
        if (k < 0) return;
        const job = jobs[k];
        inFlight[t].push(k);
        let outcome: ReplicationOutcome;
        try {
          outcome = await Promise.race([this.engines[t].runReplication(job.scenario, job.seed, job.replication), this.deaths[t]]);
          inFlight[t].splice(inFlight[t].indexOf(k), 1);
        } catch (e) {
          dead[t] = true;
          // Only the job the thread was running is its victim; the ones queued behind it go to another thread.
          if (inFlight[t][0] !== k) {
            requeued.push(k);
            return;
          }
          outcome = { ok: false, error: e instanceof Error ? e.message : String(e) };
        }
        outcomes[k] = outcome;
        onDone?.(++done, n);
      }
    };
    const lanes: Promise<void>[] = [];
    for (let t = 0; t < threads; t++) for (let d = 0; d < JOBS_IN_FLIGHT; d++) lanes.push(lane(t));
    await Promise.all(lanes);
    // Lanes of live threads may have finished before a dying thread handed jobs back.
    for (;;) {
      const live = this.threads.findIndex((_, t) => t < threads && !dead[t] && this.alive[t]);
      if (live < 0 || !requeued.length || stop?.aborted) break;
      await lane(live);
    }
    return outcomes;
  }

  /** Stops every worker thread. */
  async close(): Promise<void> {
    for (const e of this.engines) e[Comlink.releaseProxy]();
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
