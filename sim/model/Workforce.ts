import type { Rng } from "../kernel/rngStream.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import { gridCentre, type Layout } from "./Layout.js";

/**
 * What a grid worker is doing. Every minute of a worker's time is counted under
 * exactly one activity.
 */
export const ACTIVITIES = ["offDuty", "available", "travel", "handling", "verifying", "admin", "returning"] as const;
/** Name of an activity. */
export type ActivityName = (typeof ACTIVITIES)[number];
/** Outside the shift, at home. */
export const OFF_DUTY = 0;
/** On duty and free: patrolling the grid (or idle), ready to be sent. */
export const AVAILABLE = 1;
/** On the way to an incident. */
export const TRAVEL = 2;
/** Handling an incident on site. */
export const HANDLING = 3;
/** Checking a fix on site. */
export const VERIFYING = 4;
/** Forms, meetings, inspections and data entry. */
export const ADMIN = 5;
/** Walking back to the post. */
export const RETURNING = 6;
/** Number of activities. */
export const ACTIVITY_COUNT = ACTIVITIES.length;

/** Grid workers in post in a district of `grids` grids: the posts (grids × workers per grid) less the vacant ones, rounded. */
export function workerCount(s: Scenario, grids: number): number {
  return Math.round(grids * s.staffing.workersPerGrid * (1 - s.staffing.vacancyRate));
}

/**
 * The grid workers: who they are (home grid, post, the grids they cover, type, skill)
 * and, as typed arrays indexed by worker id, where they are and what they are doing.
 *
 * The district has W = round(G × workersPerGrid × (1 − vacancyRate)) workers for G grids.
 * With W ≥ G, worker `w` lives in grid `⌊w·G/W⌋`; with W < G, worker `w` covers the grids
 * at places q of the snake order {@link gridInOrder} with `⌊q·W/G⌋ = w` — neighbouring
 * grids, also where a run turns into the next row — and is posted at the run's middle.
 */
export class Workforce {
  readonly count: number;
  readonly homeGrid: Int32Array;
  /**
   * The grids in snake order: row by row from the north-west corner, every other row run
   * east to west, so that grids next in this order are always neighbours.
   */
  readonly gridInOrder: Int32Array;
  /** First and last place in {@link gridInOrder} of the grids the worker covers (a contiguous run). */
  readonly coverFirst: Int32Array;
  readonly coverLast: Int32Array;
  /** First and last worker covering each grid (a contiguous run of worker ids). */
  readonly gridWorkerFirst: Int32Array;
  readonly gridWorkerLast: Int32Array;
  /** Post (home grid centre) the worker returns to (metres). */
  readonly postX: Float64Array;
  readonly postY: Float64Array;
  /** 1 for part-time workers. */
  readonly partTime: Uint8Array;
  /** Handling speed multiplier (type × experience). */
  readonly skill: Float64Array;
  /** Current activity, since when, and minutes booked to each activity (`minutes[w * ACTIVITY_COUNT + a]`). */
  readonly activity: Uint8Array;
  readonly since: Float64Array;
  readonly minutes: Float64Array;
  /** Minutes worked outside the worker's shift. */
  readonly overtime: Float64Array;
  /** 1 while the worker's shift is on. */
  readonly onShift: Uint8Array;
  /** Minutes of ordered administrative tasks still to do. */
  readonly adminDue: Float64Array;
  /** Start of the current admin block. */
  readonly adminStart: Float64Array;
  /** The incident the worker is busy with, or -1. */
  readonly job: Int32Array;
  /** Position (metres); while returning, the point the walk started from. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Start and end time of the current walk back to the post. */
  readonly moveStart: Float64Array;
  readonly moveEnd: Float64Array;

  /** @param rng the replication's "staffing" stream: who is part-time, who is new. */
  constructor(s: Scenario, layout: Layout, rng: Rng) {
    const G = layout.grids;
    const W = workerCount(s, G);
    this.count = W;
    this.homeGrid = new Int32Array(W);
    this.coverFirst = new Int32Array(W);
    this.coverLast = new Int32Array(W);
    this.gridWorkerFirst = new Int32Array(G).fill(-1);
    this.gridWorkerLast = new Int32Array(G).fill(-1);
    const order = (this.gridInOrder = new Int32Array(G));
    const place = new Int32Array(G);
    for (let q = 0; q < G; q++) {
      const r = Math.floor(q / layout.columns);
      const c = q % layout.columns;
      order[q] = r * layout.columns + (r % 2 === 0 ? c : layout.columns - 1 - c);
      place[order[q]] = q;
    }
    if (W >= G) {
      for (let w = 0; w < W; w++) {
        const g = Math.floor((w * G) / W);
        this.homeGrid[w] = g;
        this.coverFirst[w] = this.coverLast[w] = place[g];
        if (this.gridWorkerFirst[g] < 0) this.gridWorkerFirst[g] = w;
        this.gridWorkerLast[g] = w;
      }
    } else if (W > 0) {
      this.coverFirst.fill(-1);
      for (let q = 0; q < G; q++) {
        const w = Math.floor((q * W) / G);
        if (this.coverFirst[w] < 0) this.coverFirst[w] = q;
        this.coverLast[w] = q;
        this.gridWorkerFirst[order[q]] = this.gridWorkerLast[order[q]] = w;
      }
      for (let w = 0; w < W; w++) this.homeGrid[w] = order[(this.coverFirst[w] + this.coverLast[w]) >> 1];
    }
    this.postX = new Float64Array(W);
    this.postY = new Float64Array(W);
    for (let w = 0; w < W; w++) {
      const c = gridCentre(layout, this.homeGrid[w]);
      this.postX[w] = c.x;
      this.postY[w] = c.y;
    }
    // Exactly round(share × W) part-timers, chosen by a seeded shuffle; newcomers drawn one by one.
    this.partTime = new Uint8Array(W);
    const shuffled = Int32Array.from({ length: W }, (_, k) => k);
    for (let k = W - 1; k > 0; k--) {
      const j = Math.floor(rng.next() * (k + 1));
      [shuffled[k], shuffled[j]] = [shuffled[j], shuffled[k]];
    }
    const partTimers = Math.round(s.staffing.partTimeShare * W);
    for (let k = 0; k < partTimers; k++) this.partTime[shuffled[k]] = 1;
    this.skill = new Float64Array(W);
    for (let w = 0; w < W; w++) {
      const base = this.partTime[w] ? s.staffing.partTimeSkill : s.staffing.skill;
      this.skill[w] = base * (rng.next() < s.staffing.turnoverPerYear ? s.staffing.newcomerSkill : 1);
    }
    this.activity = new Uint8Array(W);
    this.since = new Float64Array(W);
    this.minutes = new Float64Array(W * ACTIVITY_COUNT);
    this.overtime = new Float64Array(W);
    this.onShift = new Uint8Array(W);
    this.adminDue = new Float64Array(W);
    this.adminStart = new Float64Array(W);
    this.job = new Int32Array(W).fill(-1);
    this.x = Float64Array.from(this.postX);
    this.y = Float64Array.from(this.postY);
    this.moveStart = new Float64Array(W);
    this.moveEnd = new Float64Array(W);
  }

  /** Switches worker `w` to `activity` at time `now`, booking the time spent in the previous one (as overtime if off shift). */
  setActivity(w: number, activity: number, now: number): void {
    const previous = this.activity[w];
    const spent = now - this.since[w];
    this.minutes[w * ACTIVITY_COUNT + previous] += spent;
    if (!this.onShift[w] && previous !== OFF_DUTY) this.overtime[w] += spent;
    this.activity[w] = activity;
    this.since[w] = now;
  }

  /** Books every worker's time up to `now` (call before reading {@link minutes}). */
  flush(now: number): void {
    for (let w = 0; w < this.count; w++) this.setActivity(w, this.activity[w], now);
  }

  /** Forgets the time booked so far (end of warm-up). */
  resetMinutes(now: number): void {
    this.flush(now);
    this.minutes.fill(0);
    this.overtime.fill(0);
  }

  /** Number of grids worker `w` covers. */
  coverSize(w: number): number {
    return this.coverLast[w] - this.coverFirst[w] + 1;
  }
}
