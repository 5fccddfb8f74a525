import * as Comlink from "comlink";
import type { EngineApi } from "../../sim/runtime/engineApi.js";

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
 * A pool of engine workers. Jobs are spread over the workers in the order given, two
 * jobs sent to each worker at a time so that it starts the next the moment it posts a
 * result, without waiting for the page's thread to answer; results come back in order
 * whatever the pool size, so the numbers never depend on how many workers ran them.
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
    let next = 0;
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
    const lane = async (slot: Slot) => {
      while (!cancelled && next < items.length) {
        const k = next++;
        results[k] = await job(slot.api, items[k]);
        if (cancelled || generation !== this.generation) return;
        done++;
        onDone?.(done, items.length);
      }
    };
    try {
      await Promise.race([Promise.all(slots.flatMap((slot) => [lane(slot), lane(slot)])), cancelPromise]);
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
