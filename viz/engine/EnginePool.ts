import * as Comlink from "comlink";
import type { EngineApi } from "../../sim/runtime/engineApi.js";
import { JobShares } from "../../sim/runtime/JobShares.js";

/** Makes one engine worker (a module Web Worker running `sim/runtime/browserEngineWorker.ts`). */
export type WorkerFactory = () => Worker;

/** The default factory: Vite bundles the worker module and its imports. */
export const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL("../../sim/runtime/browserEngineWorker.ts", import.meta.url), { type: "module", name: "gridgov-engine" });

/** Raised by {@link EnginePool.map} when the run was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

interface Slot {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
}

/**
 * A pool of engine workers. Each worker works through its own share of the jobs, then
 * helps with the others' (see {@link JobShares}), two jobs sent to it at a time so that
 * it starts the next the moment it posts a result, without waiting for the page's thread
 * to answer; results come back in order whatever the pool size, so the numbers never
 * depend on how many workers ran them.
 * Cancelling terminates the workers (a running replication cannot be interrupted
 * otherwise); the pool makes fresh ones for the next run.
 */
export class EnginePool {
  private slots: Slot[] = [];
  private generation = 0;

  /** @param size number of workers (default: the browser's core count). */
  constructor(
    readonly size = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2),
    private readonly factory: WorkerFactory = defaultWorkerFactory,
  ) {}

  private ensure(): Slot[] {
    while (this.slots.length < this.size) {
      const worker = this.factory();
      this.slots.push({ worker, api: Comlink.wrap<EngineApi>(worker) });
    }
    return this.slots;
  }

  /**
   * Runs `job` on every item, spread over the pool. `onDone` is called after each
   * job with the number done so far. Rejects with {@link CancelledError} if
   * {@link cancel} is called (or `signal` aborts) before all are done.
   */
  async map<T, R>(
    items: readonly T[],
    job: (api: Comlink.Remote<EngineApi>, item: T) => Promise<R>,
    onDone?: (done: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<R[]> {
    const slots = this.ensure();
    const generation = this.generation;
    const results = new Array<R>(items.length);
    const shares = new JobShares(items.length, slots.length);
    let done = 0;
    let cancelled = false;
    const onAbort = () => this.cancel();
    signal?.addEventListener("abort", onAbort, { once: true });
    let stop = () => {};
    const cancelPromise = new Promise<never>((_, reject) => {
      stop = () => {
        cancelled = true;
        reject(new CancelledError());
      };
    });
    cancelPromise.catch(() => {});
    this.running.add(stop);
    /** Per worker, the jobs sent to it and not yet answered. */
    const holding = slots.map(() => 0);
    const lane = async (s: number) => {
      for (let k = shares.take(s, holding[s]); !cancelled && k >= 0; k = shares.take(s, holding[s])) {
        holding[s]++;
        results[k] = await job(slots[s].api, items[k]).finally(() => holding[s]--);
        if (cancelled || generation !== this.generation) return;
        done++;
        onDone?.(done, items.length);
      }
    };
    try {
      await Promise.race([Promise.all(slots.flatMap((_, s) => [lane(s), lane(s)])), cancelPromise]);
    } finally {
      signal?.removeEventListener("abort", onAbort);
      this.running.delete(stop);
    }
    if (cancelled || generation !== this.generation) throw new CancelledError();
    return results;
  }

  /** How to stop each {@link map} in progress. */
  private readonly running = new Set<() => void>();

  /** Stops every running job now; the next {@link map} starts fresh workers. */
  cancel(): void {
    this.generation++;
    for (const s of this.slots) s.worker.terminate();
    this.slots = [];
    for (const stop of [...this.running]) stop();
    this.running.clear();
  }

  /** Terminates the workers. */
  dispose(): void {
    this.cancel();
  }
}
