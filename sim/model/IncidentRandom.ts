import type { Rng } from "../kernel/rngStream.js";

/**
 * Random numbers that belong to one incident. Each incident gets a 32-bit key from
 * the seeded "outcomes" stream when it occurs; its k-th decision (resolved on site?
 * fix faulty? caught? misrouted? how long?) draws from a SplitMix32 sequence started at
 * (key, k). The draws thus depend only on the incident and the decision's rank, not on
 * the order in which the model happens to make decisions, which keeps common random
 * numbers intact between scenarios that dispatch differently.
 */
export class IncidentRandom implements Rng {
  private state = 0;

  /** Uniform numbers in [0, 1) continuing the sequence started by {@link start}. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  }

  /** Starts the sequence of decision `k` of the incident with `key`; returns this generator, ready to draw it. */
  start(key: number, k: number): Rng {
    this.state = key ^ Math.imul(k + 1, 0x27d4eb2f);
    return this;
  }
}
