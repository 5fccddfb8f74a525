import { MINUTES_PER_DAY } from "../kernel/PoissonProcess.js";
import { shiftsSchema } from "../scenario/governanceSchema.js";
import type { Scenario } from "../scenario/scenarioSchema.js";

/** The standard roster salaries pay for: the default `shifts` (08:30–17:30 on working days, 3 in 10 on duty on other days). */
const STANDARD_SHIFTS = shiftsSchema.parse({});

/**
 * Who is on duty when. On working days every worker works the day shift (part-time
 * workers its first `partTimeHoursPerDay` hours); on other days a rotating share
 * `weekendDutyShare` of workers does. The rotation runs over 10 days, and each dispatch
 * pool's workers are spread evenly over it (see {@link dutyOffsets}), so a pool is never
 * left empty on a non-working day more often than its size makes unavoidable. With shifts
 * off, everyone is always on duty.
 */
export class Roster {
  private readonly enabled: boolean;
  private readonly workdays: boolean[];
  private readonly start: number;
  private readonly end: number;
  private readonly weekendSlots: number;
  private readonly partTimeMinutes: number;
  private standard: Roster | undefined;

  constructor(
    private readonly scenario: Scenario,
    /** 1 for part-time workers. */
    private readonly partTime: Uint8Array,
    /** Each worker's place in the 10-day duty rotation (0–9). */
    private readonly offset: Uint8Array,
  ) {
    const s = scenario;
    this.enabled = s.shifts.enabled;
    this.workdays = s.shifts.workdays;
    this.start = s.shifts.start;
    this.end = s.shifts.end;
    this.weekendSlots = Math.round(s.shifts.weekendDutyShare * 10);
    this.partTimeMinutes = s.staffing.partTimeHoursPerDay * 60;
  }

  /** True if shifts are in force (otherwise {@link shift} is never consulted). */
  get active(): boolean {
    return this.enabled;
  }

  /**
   * The shift of worker `w` on day `day` as [start, end] in absolute minutes, or null
   * when the worker is off that day.
   */
  shift(w: number, day: number): [number, number] | null {
    const working = this.workdays[day % 7] || (this.offset[w] + day) % 10 < this.weekendSlots;
    if (!working) return null;
    const base = day * MINUTES_PER_DAY;
    const end = this.partTime[w] ? Math.min(this.end, this.start + this.partTimeMinutes) : this.end;
    return [base + this.start, base + end];
  }

  /**
   * On-duty hours per week that worker `w` is rostered beyond the standard roster salaries
   * pay for (the default `shifts`, with the worker's own part-time hours and place in the
   * rotation); 0 if fewer. Shifts off count as on duty around the clock.
   */
  extraWeeklyHours(w: number): number {
    this.standard ??= new Roster({ ...this.scenario, shifts: STANDARD_SHIFTS }, this.partTime, this.offset);
    return Math.max(0, this.weeklyHours(w) - this.standard.weeklyHours(w));
  }

  /** Paid on-shift hours per week for worker `w` (averaged over a 10-week rotation). */
  weeklyHours(w: number): number {
    if (!this.enabled) return 168;
    let minutes = 0;
    for (let day = 0; day < 70; day++) {
      const s = this.shift(w, day);
      if (s) minutes += s[1] - s[0];
    }
    return minutes / 60 / 10;
  }
}

/**
 * Places in the 10-day duty rotation: the k-th of a pool's n workers takes place
 * ⌊10k ⁄ n⌋, shifted by the pool's number so that pools of one worker (own-grid dispatch)
 * take turns across the district.
 */
export function dutyOffsets(pools: { count: number; start: Int32Array; size: Int32Array; members: Int32Array }, workers: number): Uint8Array {
  const offset = new Uint8Array(workers);
  for (let p = 0; p < pools.count; p++) {
    const n = pools.size[p];
    for (let k = 0; k < n; k++) offset[pools.members[pools.start[p] + k]] = (p + Math.floor((10 * k) / n)) % 10;
  }
  return offset;
}

/**
 * Minutes of ordered admin tasks a worker gets for a working day: `dailyTaskHours` less the
 * `taskCut`, pro rata for part-timers (their hours over the shift's); 0 with admin off.
 */
export function dailyAdminMinutes(s: Scenario, partTime: boolean): number {
  const a = s.admin;
  if (!a.enabled) return 0;
  const full = a.dailyTaskHours * 60 * (1 - a.taskCut);
  if (!partTime) return full;
  return full * Math.min(1, (s.staffing.partTimeHoursPerDay * 60) / (s.shifts.end - s.shifts.start));
}
