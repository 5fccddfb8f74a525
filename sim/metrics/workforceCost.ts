import type { Workforce } from "../model/Workforce.js";
import type { Scenario } from "../scenario/scenarioSchema.js";

const MINUTES_PER_YEAR = 365 * 1440;

/** What the grid workforce costs, scaled to a year (CNY). */
export interface Cost {
  /** Salaries of all workers. */
  salariesPerYear: number;
  /** Overtime pay at the measured rate of overtime. */
  overtimePerYear: number;
  /** Salaries plus overtime. */
  totalPerYear: number;
  /** Total cost per year ÷ incidents closed per year; null if none closed. */
  perClosedIncident: number | null;
}

/** Staff cost from salaries and the overtime measured over `windowMinutes`, with `closed` incidents closed by workers in that window. */
export function workforceCost(s: Scenario, wf: Workforce, windowMinutes: number, closed: number): Cost {
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
  const total = salaries + overtime;
  const closedPerYear = closed * perYear;
  return {
    salariesPerYear: salaries,
    overtimePerYear: overtime,
    totalPerYear: total,
    perClosedIncident: closedPerYear > 0 ? total / closedPerYear : null,
  };
}
