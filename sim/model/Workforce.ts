import type { Scenario } from "../scenario/scenarioSchema.js";
import { gridCentre, type Layout } from "./Layout.js";

/**
 * What a grid worker is doing. Every minute of a worker's time is counted under
 * exactly one activity.
 */
export const ACTIVITIES = ["available", "travel", "handling", "returning"] as const;
/** Name of an activity. */
export type ActivityName = (typeof ACTIVITIES)[number];
/** On duty and free: patrolling the grid, ready to be sent. */
export const AVAILABLE = 0;
/** On the way to an incident. */
export const TRAVEL = 1;
/** Handling an incident on site. */
export const HANDLING = 2;
/** Walking back to the post; can be sent from wherever they are. */
export const RETURNING = 3;
/** Number of activities. */
export const ACTIVITY_COUNT = ACTIVITIES.length;
/** Activities that count as busy in utilisation. */
export const BUSY_ACTIVITIES: readonly number[] = [TRAVEL, HANDLING];

/**
 * The grid workers: who they are (home grid, post, dispatch pool) and, as typed
 * arrays indexed by worker id, where they are and what they are doing.
 *
 * With at least one worker per grid, worker `w` lives in grid `⌊w·G/W⌋`; with fewer
 * workers than grids, worker `w` covers the contiguous run of grids `g` with
 * `⌊g·W/G⌋ = w` and is posted at the middle one.
 */
export class Workforce {
  readonly count: number;
  readonly homeGrid: Int32Array;
  /** Post (home grid centre) the worker returns to (metres). */
  readonly postX: Float64Array;
  readonly postY: Float64Array;
  /** Workers' share of patrol effort in each grid (workers per grid, fractional). */
  readonly patrolEffort: Float64Array;
  /** Current activity. */
  readonly activity: Uint8Array;
  /** Time the current activity began. */
  readonly since: Float64Array;
  /** Minutes spent in each activity: `minutes[w * ACTIVITY_COUNT + activity]`. */
  readonly minutes: Float64Array;
  /** Position (metres); while returning, the point the walk started from. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Start and end time of the current walk back to the post. */
  readonly moveStart: Float64Array;
  readonly moveEnd: Float64Array;

  constructor(s: Scenario, layout: Layout) {
    const G = layout.grids;
    const W = Math.round(G * s.staffing.workersPerGrid);
    this.count = W;
    this.homeGrid = new Int32Array(W);
    this.patrolEffort = new Float64Array(G);
    for (let w = 0; w < W; w++) {
      if (W >= G) {
        const g = Math.floor((w * G) / W);
        this.homeGrid[w] = g;
        this.patrolEffort[g] += 1;
      }
    }
    if (W < G && W > 0) {
      const first = new Int32Array(W).fill(-1);
      const last = new Int32Array(W);
      for (let g = 0; g < G; g++) {
        const w = Math.floor((g * W) / G);
        if (first[w] < 0) first[w] = g;
        last[w] = g;
      }
      for (let w = 0; w < W; w++) {
        this.homeGrid[w] = (first[w] + last[w]) >> 1;
        const share = 1 / (last[w] - first[w] + 1);
        for (let g = first[w]; g <= last[w]; g++) this.patrolEffort[g] += share;
      }
    }
    this.postX = new Float64Array(W);
    this.postY = new Float64Array(W);
    for (let w = 0; w < W; w++) {
      const c = gridCentre(layout, this.homeGrid[w]);
      this.postX[w] = c.x;
      this.postY[w] = c.y;
    }
    this.activity = new Uint8Array(W);
    this.since = new Float64Array(W);
    this.minutes = new Float64Array(W * ACTIVITY_COUNT);
    this.x = Float64Array.from(this.postX);
    this.y = Float64Array.from(this.postY);
    this.moveStart = new Float64Array(W);
    this.moveEnd = new Float64Array(W);
  }

  /** Switches worker `w` to `activity` at time `now`, booking the time spent in the previous one. */
  setActivity(w: number, activity: number, now: number): void {
    this.minutes[w * ACTIVITY_COUNT + this.activity[w]] += now - this.since[w];
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
  }
}
