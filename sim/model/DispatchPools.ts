import type { Scenario } from "../scenario/scenarioSchema.js";
import type { Layout } from "./Layout.js";
import type { Workforce } from "./Workforce.js";

/**
 * Dispatch pools: which workers may be sent to which grids. Each grid belongs to
 * one pool and each worker to one pool; an incident is served by a free worker of
 * its grid's pool, or waits in that pool's queue (urgent first, FIFO within a
 * priority). The dispatch policy decides the pools:
 * - `ownGrid`: one pool per grid (per worker when workers cover several grids);
 * - `communityPool`: one pool per community;
 * - `nearest`: one pool, the whole district.
 *
 * Free workers are kept per pool in the order they became free, so among equally
 * near workers the one idle longest is chosen. A worker doing ordered admin tasks is
 * on the free list too (urgent incidents may interrupt them); the dispatcher decides.
 */
export class DispatchPools {
  readonly count: number;
  readonly poolOfGrid: Int32Array;
  readonly poolOfWorker: Int32Array;
  /** Workers in each pool. */
  readonly size: Int32Array;
  /** Free workers of pool p: `free[start[p] .. start[p] + freeCount[p])`. */
  readonly start: Int32Array;
  readonly free: Int32Array;
  readonly freeCount: Int32Array;
  /** Queue heads and tails: `head[p * 2 + priority]` (priority 0 = urgent), -1 when empty. */
  readonly head: Int32Array;
  readonly tail: Int32Array;
  /** Incidents waiting in each pool. */
  readonly queued: Int32Array;
  /** All workers of pool p: `members[start[p] .. start[p] + size[p])`. */
  readonly members: Int32Array;
  /** 1 while the worker is on its pool's free list. */
  readonly isFree: Uint8Array;

  constructor(s: Scenario, layout: Layout, workforce: Workforce) {
    const G = layout.grids;
    const W = workforce.count;
    this.poolOfGrid = new Int32Array(G);
    this.poolOfWorker = new Int32Array(W);
    let count: number;
    switch (s.dispatch.policy) {
      case "ownGrid":
        if (W >= G) {
          count = G;
          for (let g = 0; g < G; g++) this.poolOfGrid[g] = g;
          for (let w = 0; w < W; w++) this.poolOfWorker[w] = workforce.homeGrid[w];
        } else if (W === 0) {
          count = 1; // one empty pool: incidents wait for a worker who never comes
        } else {
          count = W;
          for (let g = 0; g < G; g++) this.poolOfGrid[g] = workforce.gridWorkerFirst[g];
          for (let w = 0; w < W; w++) this.poolOfWorker[w] = w;
        }
        break;
      case "communityPool":
        count = layout.communities;
        this.poolOfGrid.set(layout.communityOfGrid);
        for (let w = 0; w < W; w++) this.poolOfWorker[w] = layout.communityOfGrid[workforce.homeGrid[w]];
        break;
      case "nearest":
        count = 1;
        break;
    }
    this.count = count;
    this.size = new Int32Array(count);
    for (let w = 0; w < W; w++) this.size[this.poolOfWorker[w]]++;
    this.start = new Int32Array(count);
    for (let p = 1; p < count; p++) this.start[p] = this.start[p - 1] + this.size[p - 1];
    this.free = new Int32Array(W);
    this.freeCount = new Int32Array(count);
    this.isFree = new Uint8Array(W);
    this.members = new Int32Array(W);
    const filled = new Int32Array(count);
    for (let w = 0; w < W; w++) {
      const p = this.poolOfWorker[w];
      this.members[this.start[p] + filled[p]++] = w;
    }
    this.head = new Int32Array(count * 2).fill(-1);
    this.tail = new Int32Array(count * 2).fill(-1);
    this.queued = new Int32Array(count);
  }

  /** Adds worker `w` at the end of its pool's free list. */
  pushFree(w: number): void {
    const p = this.poolOfWorker[w];
    this.free[this.start[p] + this.freeCount[p]++] = w;
    this.isFree[w] = 1;
  }

  /** Removes the free worker at position `k` of pool `p`'s free list. */
  takeFree(p: number, k: number): number {
    const base = this.start[p];
    const n = --this.freeCount[p];
    const free = this.free;
    const w = free[base + k];
    // Shift the rest down by one (a loop: pools are small and `copyWithin` costs a builtin call).
    for (let j = base + k, end = base + n; j < end; j++) free[j] = free[j + 1];
    this.isFree[w] = 0;
    return w;
  }

  /** Removes worker `w` from its pool's free list (no-op if it is not on it). */
  removeFree(w: number): void {
    if (!this.isFree[w]) return;
    const p = this.poolOfWorker[w];
    const base = this.start[p];
    for (let k = 0; k < this.freeCount[p]; k++) {
      if (this.free[base + k] === w) {
        this.takeFree(p, k);
        return;
      }
    }
  }

  /** Appends incident `i` to pool `p`'s queue of `priority` (0 urgent, 1 normal), linking through `next`. */
  enqueue(p: number, priority: number, i: number, next: Int32Array): void {
    const q = p * 2 + priority;
    next[i] = -1;
    if (this.tail[q] < 0) this.head[q] = i;
    else next[this.tail[q]] = i;
    this.tail[q] = i;
    this.queued[p]++;
  }

  /** Whether an urgent incident waits in pool `p`. */
  hasUrgent(p: number, next: Int32Array, urgent: Uint8Array): boolean {
    if (this.head[p * 2] >= 0) return true;
    for (let i = this.head[p * 2 + 1]; i >= 0; i = next[i]) if (urgent[i]) return true;
    return false;
  }

  /**
   * Removes and returns the oldest urgent incident waiting in pool `p`, or -1: the head of
   * the urgent queue or, when urgent incidents share the normal queue, the first urgent one in it.
   */
  dequeueUrgent(p: number, next: Int32Array, urgent: Uint8Array): number {
    const q = p * 2;
    if (this.head[q] >= 0) return this.dequeue(p, next);
    let before = -1;
    for (let i = this.head[q + 1]; i >= 0; before = i, i = next[i]) {
      if (!urgent[i]) continue;
      if (before < 0) this.head[q + 1] = next[i];
      else next[before] = next[i];
      if (this.tail[q + 1] === i) this.tail[q + 1] = before;
      this.queued[p]--;
      return i;
    }
    return -1;
  }

  /** Removes and returns the first waiting incident of pool `p` (urgent first), or -1. */
  dequeue(p: number, next: Int32Array): number {
    for (let q = p * 2; q < p * 2 + 2; q++) {
      const i = this.head[q];
      if (i >= 0) {
        this.head[q] = next[i];
        if (next[i] < 0) this.tail[q] = -1;
        this.queued[p]--;
        return i;
      }
    }
    return -1;
  }
}
