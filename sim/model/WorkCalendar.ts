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

  constructor(
    workdays: readonly boolean[],
    readonly start: number,
    readonly end: number,
  ) {
    if (workdays.length !== 7) throw new Error("workdays needs 7 values");
    if (!(end > start)) throw new Error("the working day must end after it starts");
    this.workday = [...workdays];
    this.minutesPerWeek = this.workday.filter(Boolean).length * (end - start);
  }

  /** Working minutes in [0, t). */
  workingMinutesBefore(t: number): number {
    const day = Math.floor(t / MINUTES_PER_DAY);
    const week = Math.floor(day / 7);
    let total = week * this.minutesPerWeek;
    for (let d = week * 7; d < day; d++) if (this.workday[d % 7]) total += this.end - this.start;
    if (this.workday[day % 7]) {
      const inDay = t - day * MINUTES_PER_DAY;
      total += Math.min(this.end, Math.max(this.start, inDay)) - this.start;
    }
    return total;
  }

  /** Working minutes between `a` and `b` (b ≥ a). */
  workingMinutesBetween(a: number, b: number): number {
    return this.workingMinutesBefore(b) - this.workingMinutesBefore(a);
  }

  /** The earliest time at which `minutes` working minutes have passed since `t`. */
  addWorkingMinutes(t: number, minutes: number): number {
    if (this.minutesPerWeek === 0) return Infinity;
    const target = this.workingMinutesBefore(t) + minutes;
    const weeks = Math.floor(target / this.minutesPerWeek);
    let left = target - weeks * this.minutesPerWeek;
    let day = weeks * 7;
    for (;;) {
      if (this.workday[day % 7]) {
        const len = this.end - this.start;
        if (left <= len) return Math.max(t, day * MINUTES_PER_DAY + this.start + left);
        left -= len;
      }
      day++;
    }
  }
}
