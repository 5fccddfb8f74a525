import type { Rng } from "../kernel/rngStream.js";

/** The decisions drawn for an incident; each has its own random sequence in each round. */
export const DECISION = {
  VOLUNTEER_FIX: 0,
  DUPLICATE: 1,
  INTAKE_DELAY: 2,
  MANUAL_DISPATCH: 3,
  ACCEPTANCE: 4,
  MISROUTE: 5,
  MISROUTE_DELAY: 6,
  ACCEPTANCE_AGAIN: 7,
  DEPARTMENT_TIME: 8,
  DEPARTMENT_FAULT: 9,
  REWORK_TIME: 10,
  ON_SITE_FIX: 11,
  FAULT: 12,
  VERIFY_TIME: 13,
  CAUGHT: 14,
} as const;
const DECISIONS = 15;

/** What {@link IncidentRandom.decide} reads of an incident: its key and how far its loop has gone. */
export interface IncidentRounds {
  key: Uint32Array;
  escalations: Uint8Array;
  reopened: Uint8Array;
}

/**
 * Random numbers that belong to one incident. Each incident gets a 32-bit key from
 * the seeded "outcomes" stream when it occurs; each decision about it (resolved on site?
 * fix faulty? caught? misrouted? how long?) draws from a SplitMix32 sequence started at
 * (key, decision, round), where the round counts the incident's escalations and
 * reopenings so far. The draws thus depend only on the incident and on which decision
 * it is, not on which other decisions the scenario's policies made before it, nor on the
 * order in which the model reaches them: common random numbers hold between scenarios.
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

  /** Starts the sequence number `k` of the incident with `key`; returns this generator, ready to draw it. */
  start(key: number, k: number): Rng {
    this.state = key ^ Math.imul(k + 1, 0x27d4eb2f);
    return this;
  }

  /** Starts the sequence of `decision` (a {@link DECISION}) for incident `i` in its current round. */
  decide(incidents: IncidentRounds, i: number, decision: number): Rng {
    return this.start(incidents.key[i], decision + DECISIONS * (incidents.escalations[i] * 256 + incidents.reopened[i]));
  }
}
