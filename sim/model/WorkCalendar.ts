import { MINUTES_PER_DAY } from "../kernel/PoissonProcess.js";

/**
 * Office hours: which days of the week are working days (0 = Monday) and the
 * daily working window in minutes after midnight. Time limits counted "in working
 * hours" (as city handling standards do) advance only inside this window.
 */
export class WorkCalendar {
  /** Working minutes in one full week. */
  readonly minutesPerWeek: number;
  private readonly workday: boolean[];
  /** Working minutes of a day worked; working minutes in weekdays [0, d) of a week. */
  private readonly length: number;
  private readonly before: Float64Array;
  /** The last working day of the week (−1 if none). */
  private readonly lastWorkday: number;

  constructor(
    workdays: readonly boolean[],
    readonly start: number,
    readonly end: number,
  ) {
    if (workdays.length !== 7) throw new Error("workdays needs 7 values");
    if (!(end > start)) throw new Error("the working day must end after it starts");
    this.workday = [...workdays];
    this.length = end - start;
    this.before = new Float64Array(8);
    for (let d = 0; d < 7; d++) this.before[d + 1] = this.before[d] + (this.workday[d] ? this.length : 0);
    this.minutesPerWeek = this.before[7];
    this.lastWorkday = this.workday.lastIndexOf(true);
  }

  /** Working minutes in [0, t). */
  workingMinutesBefore(t: number): number {
    const day = Math.floor(t / MINUTES_PER_DAY);
    const week = Math.floor(day / 7);
    const weekday = day - week * 7;
    let total = week * this.minutesPerWeek + this.before[weekday];
    if (this.workday[weekday]) {
      const inDay = t - day * MINUTES_PER_DAY;
      total += Math.min(this.end, Math.max(this.start, inDay)) - this.start;
    }
    return total;
  }

  /** Working minutes between `a` and `b` (b ≥ a). */
  workingMinutesBetween(a: number, b: number): number {
    return this.workingMinutesBefore(b) - this.workingMinutesBefore(a);
  }

  /**
   * The earliest time at which `minutes` working minutes have passed since `t`. Constant
   * time: it runs for every registered incident whose time limit counts working hours.
   */
  addWorkingMinutes(t: number, minutes: number): number {
    if (this.minutesPerWeek === 0) return Infinity;
    const target = this.workingMinutesBefore(t) + minutes;
    const weeks = Math.floor(target / this.minutesPerWeek);
    const left = target - weeks * this.minutesPerWeek;
    // The first working day of that week by whose end `left` minutes have been worked. Rounding
    // can leave `left` a hair above a week's minutes: the last working day then takes it.
    let weekday = 0;
    while (weekday < this.lastWorkday && (!this.workday[weekday] || this.before[weekday] + this.length < left)) weekday++;
    return Math.max(t, (weeks * 7 + weekday) * MINUTES_PER_DAY + this.start + (left - this.before[weekday]));
  }
}
