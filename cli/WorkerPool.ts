import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import type { EngineApi, ReplicationOutcome } from "../sim/runtime/engineApi.js";
import { engineWorkerBundle } from "./engineWorkerBundle.js";

/** One replication that could not be run. */
export interface ReplicationFailure {
  replication: number;
  error: string;
}

const workerModule = new URL("../sim/runtime/nodeEngineWorker.ts", import.meta.url).href;
const tsxApi = import.meta.resolve("tsx/esm/api");
// Without a bundle (see engineWorkerBundle): tsx does not reach into worker threads, so each worker registers it, then loads the engine.
const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerModule)}); });`;

/** The default number of worker threads: one per core. */
export const defaultWorkers = () => availableParallelism();

/**
 * A pool of Node worker threads, each running the engine behind comlink. Jobs are
 * handed to whichever worker is free; results come back by replication index, so
 * the combined result does not depend on the number of workers.
 */
export class WorkerPool {
  private readonly threads: Worker[] = [];
  private readonly engines: Comlink.Remote<EngineApi>[] = [];
  /** Per thread: a promise that rejects if the thread dies (a crash would otherwise leave a call pending forever). */
  private readonly deaths: Promise<never>[] = [];

  constructor(readonly size: number) {
    for (let k = 0; k < size; k++) {
      const bundle = engineWorkerBundle();
      const thread = bundle ? new Worker(bundle) : new Worker(bootstrap, { eval: true });
      this.threads.push(thread);
      this.engines.push(Comlink.wrap<EngineApi>(nodeEndpoint(thread)));
      const death = new Promise<never>((_, reject) => {
        thread.once("error", (e) => reject(new Error(`worker thread ${k} crashed: ${e.message}`)));
        thread.once("exit", (code) => reject(new Error(`worker thread ${k} exited with code ${code}`)));
      });
      death.catch(() => {});
      this.deaths.push(death);
    }
  }

  /**
   * Runs replications 0 … n − 1 of `scenario` (validated scenario data) under `seed`;
   * calls `onDone` as each finishes. Failures are collected, not thrown, so the
   * other replications go on.
   */
  runReplications(
    scenario: unknown,
    seed: number | string,
    n: number,
    onDone?: (done: number, total: number) => void,
  ): Promise<{ outcomes: ReplicationOutcome[]; failures: ReplicationFailure[] }> {
    return this.runJobs(
      Array.from({ length: n }, (_, replication) => ({ scenario, seed, replication })),
      onDone,
    );
  }

  /**
   * Runs any list of (scenario, seed, replication) jobs; outcomes come back in the list's
   * order. Once `stop` is aborted no new job starts (jobs under way finish).
   */
  async runJobs(
    jobs: ReadonlyArray<{ scenario: unknown; seed: number | string; replication: number }>,
    onDone?: (done: number, total: number) => void,
    stop?: AbortSignal,
  ): Promise<{ outcomes: ReplicationOutcome[]; failures: ReplicationFailure[] }> {
    const n = jobs.length;
    const outcomes = new Array<ReplicationOutcome>(n);
    const failures: ReplicationFailure[] = [];
    let next = 0;
    let done = 0;
    const drive = async (t: number) => {
      while (next < n && !stop?.aborted) {
        const k = next++;
        const job = jobs[k];
        let outcome: ReplicationOutcome;
        let dead = false;
        try {
          outcome = await Promise.race([this.engines[t].runReplication(job.scenario, job.seed, job.replication), this.deaths[t]]);
        } catch (e) {
          outcome = { ok: false, error: e instanceof Error ? e.message : String(e) };
          dead = true;
        }
        outcomes[k] = outcome;
        if (!outcome.ok) failures.push({ replication: job.replication, error: outcome.error });
        onDone?.(++done, n);
        if (dead) return;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.size, n)) }, (_, t) => drive(t)));
    if (!stop?.aborted) {
      jobs.forEach((job, k) => {
        if (!outcomes[k]) failures.push({ replication: job.replication, error: "not run: every worker thread had crashed" });
      });
    }
    failures.sort((a, b) => a.replication - b.replication);
    return { outcomes, failures };
  }

  /** Stops every worker thread. */
  async close(): Promise<void> {
    for (const e of this.engines) e[Comlink.releaseProxy]();
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
