import { matchesPath } from "./matchesPath.js";

/**
 * Where the District J baseline's value of a field comes from (docs/scenarios.md has
 * the full table with references). Entries are field paths or whole sections; the
 * first match wins, so specific paths come before their section.
 */
export const FIELD_SOURCES: ReadonlyArray<readonly [path: string, source: string]> = [
  ["grids.householdsPerGrid", "provincial grid norms: 300–500 households per urban grid"],
  ["staffing.workersPerGrid", "“one grid, one worker”; Tianjin Binhai 2019: 743 grids, 575 grid staff; Shenzhen 2021: one worker per ~672 households"],
  ["staffing", "assumption (vacancies 10 %, turnover 25 % a year, newcomers 30 % slower)"],
  ["incidents.ratePerResidentPerYear", "Tianjin 2021: 9.969 M governance matters closed, ≈ 0.64 per resident per year"],
  ["incidents.categories", "Daxing (Beijing), one month of patrol cases by category (65 / 24 / 3 / 2 / 2 %); on-site resolution about 50 % overall as in Hangu street (Tianjin) 2023; time limits from city handling standards"],
  ["incidents.hourOfDay", "assumption: quiet nights, busy days"],
  ["incidents.dayOfWeek", "assumption: lighter weekends"],
  ["district.personsPerHousehold", "typical urban household size (assumption)"],
  ["district", "assumption: about 6,500 residents per km², a dense urban district"],
  ["intake.delay", "Tianjin 12345 rules (2025): tickets accepted within 15–30 min for urgent matters"],
  ["dispatch", "assumption"],
  ["patrol", "assumption: 4 km/h, 30 m sweep, 60 % of free time"],
  ["travel", "assumption: electric bicycle at 12 km/h on right-angle streets"],
  ["escalation", "assumption; slow departmental response and data silos are the problems the thesis names"],
  ["admin.dailyTaskHours", "assumption illustrating “a thousand lines above, one needle below” (Suzhou Xiangcheng 2025)"],
  ["admin", "assumption"],
  ["shifts", "assumption: typical office hours"],
  ["cost", "assumption: order of magnitude of grid-worker pay"],
  ["residents", "assumption"],
];

/** The source recorded for a whole section (`staffing`), shown once with the section. */
export function sectionSource(section: string): string | undefined {
  return FIELD_SOURCES.find(([entry]) => entry === section)?.[1];
}

/** The source recorded for field `path` itself or a part of it, not for its whole section. */
export function ownFieldSource(path: string): string | undefined {
  return FIELD_SOURCES.find(([entry]) => entry.includes(".") && matchesPath(path, entry))?.[1];
}
