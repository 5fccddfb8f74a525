import { moments } from "../kernel/distribution.js";
import { MINUTES_PER_DAY, MINUTES_PER_WEEK } from "../kernel/PoissonProcess.js";
import type { ScenarioIssue } from "../scenario/ScenarioIssue.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import { DispatchPools } from "./DispatchPools.js";
import { buildLayout, type Layout } from "./Layout.js";
import { dailyAdminMinutes, dutyOffsets, Roster } from "./Roster.js";
import { Workforce } from "./Workforce.js";

/** Problems that make a valid-looking scenario impossible to run, and warnings about ones that will run badly. */
export interface Feasibility {
  issues: ScenarioIssue[];
  warnings: string[];
}

/** Mean incidents per minute over the district. */
export function meanIncidentRate(s: Scenario): number {
  if (s.incidents.ratePerHour !== undefined) return s.incidents.ratePerHour / 60;
  const residents = s.district.households * s.district.personsPerHousehold;
  return (residents * s.incidents.ratePerResidentPerYear) / (365 * MINUTES_PER_DAY);
}

/**
 * Offered load per worker in the busiest dispatch pool: ρ = λ_pool · (work per incident) ⁄
 * (the pool's capacity). An incident's work is its handling time (÷ the workers' expected
 * skill), a trip from the grid's centre (one more with verification), the data entry when it
 * closes or is escalated and, with verification on, the check. A worker's capacity is the
 * share of the week on duty, less the daily admin tasks ordered from above (which come first
 * before a shift ends). A pool's incidents are its grids' share of the district's (hotspots
 * aside). Rework and the time spent walking back are left out, and incidents volunteers may
 * fix and, with night on-call, urgent ones (which may be handled as overtime) are taken off,
 * so ρ errs low: at ρ ≥ 1 the backlog grows without bound. Without shifts, admin, travel or
 * verification, in one pool, this is the queueing textbook's λ·E[handling] ⁄ (skill·W).
 */
export function offeredLoad(s: Scenario, workforce: Workforce, pools: DispatchPools, layout: Layout = buildLayout(s)): PoolLoad {
  const cats = s.incidents.categories;
  const total = cats.reduce((a, c) => a + c.share, 0);
  const shareOf = (f: (c: (typeof cats)[number]) => number) => cats.reduce((a, c) => a + (c.share / total) * f(c), 0);
  const W = workforce.count;
  let skill = 0;
  for (let w = 0; w < W; w++) {
    const base = workforce.partTime[w] ? s.staffing.partTimeSkill : s.staffing.skill;
    skill += (base * (1 - s.staffing.turnoverPerYear + s.staffing.turnoverPerYear * s.staffing.newcomerSkill)) / W;
  }
  const stageEntry = s.admin.enabled ? s.admin.dataEntryMinutesPerStage : 0;
  const dataEntry = s.admin.enabled ? s.admin.dataEntryMinutesPerIncident : 0;
  const escalated = s.escalation.enabled ? shareOf((c) => 1 - c.onSiteResolution) * stageEntry : 0;
  const check = s.verification.enabled ? moments(s.verification.minutes).mean + stageEntry : 0;
  // A trip from the grid's centre to a uniform point of it, to each incident and each check (Larson & Odoni).
  const trip = s.travel.enabled ? (layout.cellWidth + layout.cellHeight) / 4 / ((s.travel.speedKmh * 1000) / 60) : 0;
  const work = shareOf((c) => moments(c.serviceTime).mean) / skill + trip * (s.verification.enabled ? 2 : 1) + dataEntry + escalated + check;
  // Incidents that may never need a worker's time on duty.
  const volunteersFix = s.discovery.enabled && s.residents.enabled && s.residents.volunteerShare > 0 && s.residents.volunteerFindsPerHour > 0;
  const fixedByVolunteers = volunteersFix ? shareOf((c) => (c.minor && c.residentsReport ? s.residents.volunteerFixShare : 0)) : 0;
  const overtimeUrgent = s.shifts.enabled && s.shifts.nightOnCall ? shareOf((c) => c.urgentShare) : 0;
  const onDutyWork = meanIncidentRate(s) * work * Math.max(0, 1 - fixedByVolunteers - overtimeUrgent);

  // Each worker's share of the week on duty, less the admin tasks; each pool's sum of them.
  const capacity = new Float64Array(pools.count);
  const roster = new Roster(s, workforce.partTime, dutyOffsets(pools, W));
  const workdays = s.shifts.workdays.filter(Boolean).length;
  for (let w = 0; w < W; w++) {
    const admin = s.shifts.enabled ? dailyAdminMinutes(s, workforce.partTime[w] === 1) * workdays : 0;
    capacity[pools.poolOfWorker[w]] += Math.max(0, roster.weeklyHours(w) * 60 - admin) / MINUTES_PER_WEEK;
  }
  // Incidents occur evenly over the district's households (hotspots aside): a pool gets its grids' share.
  const grids = new Float64Array(pools.count);
  for (let g = 0; g < layout.grids; g++) grids[pools.poolOfGrid[g]]++;
  let busiest: PoolLoad = { rho: 0, pool: 0, grids: 0, workers: 0 };
  for (let p = 0; p < pools.count; p++) {
    if (grids[p] === 0) continue;
    const rho = capacity[p] > 0 ? (onDutyWork * grids[p]) / layout.grids / capacity[p] : Infinity;
    if (rho > busiest.rho) busiest = { rho, pool: p, grids: grids[p], workers: pools.size[p] };
  }
  return busiest;
}

/** The offered load of the busiest dispatch pool (see {@link offeredLoad}). */
export interface PoolLoad {
  /** Offered load per worker of the pool. */
  rho: number;
  /** The pool, its grids and its workers. */
  pool: number;
  grids: number;
  workers: number;
}

/** The longest day shift that runs without a warning (minutes): 12 h. */
export const LONGEST_SHIFT_MINUTES = 12 * 60;

/** A minute of the day as a clock time: 510 → "08:30". */
function clock(minute: number): string {
  const m = Math.round(minute);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/**
 * Checks what the schema alone cannot: the layout must leave every grid someone to send.
 * Warns of a scenario that runs but badly or implausibly: a load the workers cannot keep
 * up with, a day shift longer than 12 h.
 */
export function checkFeasibility(s: Scenario): Feasibility {
  const issues: ScenarioIssue[] = [];
  const warnings: string[] = [];
  const layout = buildLayout(s);
  const workforce = new Workforce(s, layout, { next: () => 0.5 });
  if (workforce.count === 0) {
    issues.push({
      path: "staffing.workersPerGrid",
      message: `expected at least one grid worker in the district, found ${layout.grids} grids × ${s.staffing.workersPerGrid} = 0 workers while incidents occur`,
    });
    return { issues, warnings };
  }
  const pools = new DispatchPools(s, layout, workforce);
  const empty = pools.size.filter((n) => n === 0).length;
  if (empty > 0) {
    issues.push({
      path: "staffing.workersPerGrid",
      message: `expected every ${s.dispatch.policy === "communityPool" ? "community" : "dispatch pool"} to have a worker, found ${empty} of ${pools.count} without one (${workforce.count} workers for ${layout.grids} grids); raise workersPerGrid or widen dispatch.policy`,
    });
  }
  if (s.discovery.enabled) {
    const residentsReport = s.residents.enabled && s.residents.reportsPerHour > 0;
    const volunteers = s.residents.enabled && s.residents.volunteerShare > 0 && s.residents.volunteerFindsPerHour > 0;
    s.incidents.categories.forEach((c, k) => {
      if (c.share > 0 && !s.patrol.enabled && !volunteers && !(residentsReport && c.residentsReport)) {
        issues.push({
          path: `incidents.categories[${k}].residentsReport`,
          message: `expected some way to discover "${c.id}" incidents, found residents never report them, no volunteers and no patrol: they would never be registered`,
        });
      }
    });
  }
  if (s.escalation.enabled) {
    for (const level of ["street", "district"] as const) {
      const teams = level === "street" ? s.escalation.streetTeams : s.escalation.districtTeams;
      const k = s.incidents.categories.findIndex((c) => c.share > 0 && c.escalateTo === level && c.onSiteResolution < 1);
      if (teams === 0 && k >= 0) {
        issues.push({
          path: `escalation.${level}Teams`,
          message: `expected at least one ${level} department team while escalation is on, found 0 (category "${s.incidents.categories[k].id}" escalates to the ${level} level)`,
        });
      }
    }
  }
  if (s.travel.enabled) {
    // The mean right-angle trip within one grid, from its centre (Larson & Odoni): (w + h) / 4.
    const minutes = (layout.cellWidth + layout.cellHeight) / 4 / ((s.travel.speedKmh * 1000) / 60);
    s.incidents.categories.forEach((c, k) => {
      if (c.timeLimitHours * 60 < minutes) {
        issues.push({
          path: `incidents.categories[${k}].timeLimitHours`,
          message: `expected a time limit of at least the mean travel time within a grid (${minutes.toFixed(1)} min at ${s.travel.speedKmh} km/h), found ${c.timeLimitHours} h`,
        });
      }
    });
  }
  if (s.shifts.enabled && s.shifts.end - s.shifts.start > LONGEST_SHIFT_MINUTES) {
    const { start, end } = s.shifts;
    warnings.push(
      `the day shift lasts ${Number(((end - start) / 60).toFixed(2))} h (shifts.start ${start} = ${clock(start)} to shifts.end ${end} = ${clock(end)}), more than ${LONGEST_SHIFT_MINUTES / 60} h a day: the model does not tire workers, so its figures are likely to flatter a roster that long`,
    );
  }
  const load = offeredLoad(s, workforce, pools, layout);
  if (load.rho >= 1) {
    const hours = s.shifts.enabled ? "on-duty hours less the daily admin tasks" : "round-the-clock duty";
    const where = pools.count === 1 ? `${workforce.count} workers` : `busiest dispatch pool: ${load.grids} grid(s), ${load.workers} worker(s)`;
    warnings.push(
      `offered load per worker is at least ρ = ${Number.isFinite(load.rho) ? load.rho.toFixed(2) : "∞"} ≥ 1 (${where}; ${hours}): the backlog grows without bound and results depend on the run's length; each replication stops when more than ${s.run.maxOpenIncidents} incidents are open (run.maxOpenIncidents) and is marked truncated`,
    );
  }
  return { issues, warnings };
}
