import { scenarioSchema, type Scenario } from "../sim/scenario/scenarioSchema.js";

/** Parameters of the reference M/M/c workload ("M/M/c patrol"). */
export const MMC = {
  /** Servers (grid workers in the one grid). */
  servers: 10,
  /** Arrivals per hour. */
  arrivalsPerHour: 8,
  /** Mean service time (minutes). */
  serviceMeanMinutes: 60,
  /** Simulated hours, warm-up included: 8/h × 125,000 h ≈ 1 M incidents. */
  hours: 125_000,
  /** Warm-up (days), excluded from the measurements. */
  warmupDays: 1,
} as const;

/**
 * The reference workload as a GridGov scenario: one grid of 10 workers, Poisson
 * arrivals at 8/h with a flat profile, one category with exponential service of mean
 * 60 min, and every extra stage (discovery, intake, travel, hotspots, escalation,
 * verification, admin, shifts, office-hours time limits) off — an M/M/10
 * queue (ρ = 0.8) run through the full engine and its metrics.
 */
export function mmcScenario(hours: number = MMC.hours): Scenario {
  return scenarioSchema.parse({
    schemaVersion: 1,
    name: "M/M/c patrol (benchmark)",
    grids: { columns: 1, rows: 1 },
    staffing: { workersPerGrid: MMC.servers },
    incidents: {
      ratePerHour: MMC.arrivalsPerHour,
      hotspotCv: 0,
      hourOfDay: new Array(24).fill(1),
      dayOfWeek: new Array(7).fill(1),
      categories: [
        // Time limit in clock hours: the office-hours calendar is a governance feature, off here like the others.
        { id: "patrol", name: "Patrol case", share: 1, serviceTime: { type: "exponential", mean: MMC.serviceMeanMinutes }, timeLimitInWorkingHours: false },
      ],
    },
    discovery: { enabled: false },
    intake: { enabled: false },
    travel: { enabled: false },
    escalation: { enabled: false },
    verification: { enabled: false },
    admin: { enabled: false },
    shifts: { enabled: false },
    residents: { enabled: false },
    run: { days: hours / 24, warmupDays: MMC.warmupDays },
  });
}
