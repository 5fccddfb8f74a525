import type { Workforce } from "../model/Workforce.js";
import type { Scenario } from "../scenario/scenarioSchema.js";

const MINUTES_PER_YEAR = 365 * 1440;
const WEEKS_PER_YEAR = 365 / 7;

/** What the grid workforce costs, scaled to a year (CNY). */
export interface Cost {
  /** Salaries of all workers. */
  salariesPerYear: number;
  /** Overtime pay at the measured rate of overtime. */
  overtimePerYear: number;
  /** On-duty hours rostered beyond the standard roster, paid as overtime. */
  extraDutyPerYear: number;
  /** Salaries, overtime and extra duty. */
  totalPerYear: number;
  /** Total cost per year ÷ incidents closed per year; null if none closed. */
  perClosedIncident: number | null;
}

/**
 * Staff cost from salaries, the overtime measured over `windowMinutes` and the duty rostered
 * beyond the standard roster (`extraDutyHoursPerWeek`, summed over workers), with `closed`
 * incidents closed by workers in that window.
 */
export function workforceCost(s: Scenario, wf: Workforce, windowMinutes: number, closed: number, extraDutyHoursPerWeek: number): Cost {
  const c = s.cost;
  let salaries = 0;
  let overtimeMinutes = 0;
  for (let w = 0; w < wf.count; w++) {
    salaries += wf.partTime[w] ? c.partTimeSalaryPerYear : c.fullTimeSalaryPerYear;
    overtimeMinutes += wf.overtime[w];
  }
  // No measured window, no overtime figure (NaN, null in JSON); salaries are known regardless.
  const perYear = windowMinutes > 0 ? MINUTES_PER_YEAR / windowMinutes : NaN;
  const hourly = c.fullTimeSalaryPerYear / c.hoursPerYear;
  const overtime = (overtimeMinutes / 60) * hourly * c.overtimeMultiplier * perYear;
  // Known from the roster, like salaries, whether or not the window measured anything.
  const extraDuty = extraDutyHoursPerWeek * WEEKS_PER_YEAR * hourly * c.overtimeMultiplier;
  const total = salaries + overtime + extraDuty;
  const closedPerYear = closed * perYear;
  return {
    salariesPerYear: salaries,
    overtimePerYear: overtime,
    extraDutyPerYear: extraDuty,
    totalPerYear: total,
    perClosedIncident: closedPerYear > 0 ? total / closedPerYear : null,
  };
}
