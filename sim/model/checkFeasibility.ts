import { moments } from "../kernel/distribution.js";
import { MINUTES_PER_DAY } from "../kernel/PoissonProcess.js";
import type { ScenarioIssue } from "../scenario/ScenarioIssue.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import { DispatchPools } from "./DispatchPools.js";
import { buildLayout } from "./Layout.js";
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
 * Offered load per worker, ρ = λ · E[handling time] / workers (travel excluded, so a
 * lower bound). At ρ ≥ 1 the queue grows without bound.
 */
export function offeredLoad(s: Scenario, workers: number): number {
  const total = s.incidents.categories.reduce((a, c) => a + c.share, 0);
  const meanService = s.incidents.categories.reduce((a, c) => a + (c.share / total) * moments(c.serviceTime).mean, 0);
  return (meanIncidentRate(s) * meanService) / s.staffing.skill / workers;
}

/** Checks what the schema alone cannot: the layout must leave every grid someone to send. */
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
  const rho = offeredLoad(s, workforce.count);
  if (rho >= 1) {
    warnings.push(
      `offered load per worker is ρ = ${rho.toFixed(2)} ≥ 1 (${workforce.count} workers): the queue grows without bound; each replication stops when ${s.run.maxOpenIncidents} incidents are open (run.maxOpenIncidents) and is marked truncated`,
    );
  }
  return { issues, warnings };
}
