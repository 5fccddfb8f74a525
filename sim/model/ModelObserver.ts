/**
 * Whoever watches a {@link GridModel} run — its measurements, a playback recorder, a
 * test. The model calls it at each step of an incident's closed loop and knows nothing
 * else about it.
 *
 * An object with methods rather than a pair of callbacks: the model's calls then land
 * on the same method in every replication, so code the engine compiled for one
 * replication stays valid in the next (docs/performance.md).
 */
export interface ModelObserver {
  /**
   * Incident `id` reached `stage`, before anything else changed; `now` is the simulated
   * time (the same as `sim.now`).
   */
  stage(id: number, stage: number, now: number): void;
  /** Incident `id` closed; `satisfied` says whether residents were satisfied with it. */
  closed(id: number, satisfied: boolean): void;
}

/** An observer that ignores everything: a model's own until someone watches it. */
export const unobserved: ModelObserver = {
  stage() {},
  closed() {},
};
