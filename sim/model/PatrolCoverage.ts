import type { Simulation } from "../kernel/Simulation.js";

/**
 * Discovery by patrol. Free workers patrol the grids they cover; a grid's patrol
 * sweeps `effort × sweepPerMinute` square metres a minute, where `effort` is the
 * number of workers patrolling it now (a worker covering k grids counts 1/k in each).
 * An unnoticed incident is found once the area swept since it occurred reaches
 * E × (grid area), E ~ Exp(1): with constant effort that is an exponential time with
 * rate effort × sweep ÷ area, and bigger grids are found later. Effort changes as
 * workers come and go, so the next find in each grid is rescheduled whenever it does.
 */
export class PatrolCoverage {
  /** Workers patrolling each grid now (fractional). */
  readonly effort: Float64Array;
  private readonly swept: Float64Array;
  private readonly since: Float64Array;
  /** Time of the next find scheduled in each grid (Infinity if none). */
  readonly nextFind: Float64Array;
  private readonly head: Int32Array;
  private next: Int32Array;
  private prev: Int32Array;
  private target: Float64Array;

  constructor(
    grids: number,
    private readonly area: number,
    private readonly sweepPerMinute: number,
    /** The kernel that runs the finds: events of `findKind` with the grid as argument, at `findPriority`. */
    private readonly sim: Simulation,
    private readonly findKind: number,
    private readonly findPriority = 0,
    /** No find is scheduled at or after this time (the end of the run). */
    private readonly end = Infinity,
  ) {
    this.effort = new Float64Array(grids);
    this.swept = new Float64Array(grids);
    this.since = new Float64Array(grids);
    this.nextFind = new Float64Array(grids).fill(Infinity);
    this.head = new Int32Array(grids).fill(-1);
    this.next = new Int32Array(0);
    this.prev = new Int32Array(0);
    this.target = new Float64Array(0);
  }

  /** Square metres swept in grid `g` from the start until `now`. */
  sweptBy(g: number, now: number): number {
    return this.swept[g] + this.effort[g] * this.sweepPerMinute * (now - this.since[g]);
  }

  /** Sets the patrol effort of grid `g` from `now` on. */
  setEffort(g: number, effort: number, now: number): void {
    if (effort === this.effort[g]) return;
    this.swept[g] = this.sweptBy(g, now);
    this.since[g] = now;
    this.effort[g] = effort;
    this.reschedule(g, now);
  }

  /** Starts looking for incident `i` in grid `g`; `e` is its Exp(1) draw. */
  watch(i: number, g: number, e: number, now: number): void {
    if (i >= this.target.length) this.grow(Math.max(2 * this.target.length, i + 1, 64));
    this.target[i] = this.sweptBy(g, now) + e * this.area;
    this.prev[i] = -1;
    this.next[i] = this.head[g];
    if (this.head[g] >= 0) this.prev[this.head[g]] = i;
    this.head[g] = i;
    this.reschedule(g, now);
  }

  /** Stops looking for incident `i` of grid `g` (found some other way). */
  unwatch(i: number, g: number, now: number): void {
    const p = this.prev[i];
    const n = this.next[i];
    if (p >= 0) this.next[p] = n;
    else this.head[g] = n;
    if (n >= 0) this.prev[n] = p;
    this.reschedule(g, now);
  }

  /**
   * Called at a find event of grid `g`: returns the incident found (and stops watching
   * it), or -1 if the event is stale.
   */
  find(g: number, now: number): number {
    if (now !== this.nextFind[g]) return -1;
    this.nextFind[g] = NaN;
    let best = -1;
    for (let i = this.head[g]; i >= 0; i = this.next[i]) if (best < 0 || this.target[i] < this.target[best]) best = i;
    if (best >= 0) this.unwatch(best, g, now);
    return best;
  }

  private reschedule(g: number, now: number): void {
    let min = Infinity;
    for (let i = this.head[g]; i >= 0; i = this.next[i]) if (this.target[i] < min) min = this.target[i];
    const rate = this.effort[g] * this.sweepPerMinute;
    const t = min === Infinity || !(rate > 0) ? Infinity : now + Math.max(0, min - this.sweptBy(g, now)) / rate;
    if (t === this.nextFind[g]) return;
    this.nextFind[g] = t;
    if (t < this.end) this.sim.scheduleAt(t, this.findKind, g, this.findPriority);
  }

  private grow(n: number): void {
    const next = new Int32Array(n);
    next.set(this.next);
    const prev = new Int32Array(n);
    prev.set(this.prev);
    const target = new Float64Array(n);
    target.set(this.target);
    this.next = next;
    this.prev = prev;
    this.target = target;
  }
}
