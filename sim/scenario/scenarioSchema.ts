import { z } from "zod";
import { distributionSchema } from "./distributionSchema.js";
import {
  adminSchema,
  costSchema,
  escalationSchema,
  officeHoursSchema,
  patrolSchema,
  residentsSchema,
  shiftsSchema,
  verificationSchema,
} from "./governanceSchema.js";

/** The version of the scenario file format this engine reads. */
export const SCHEMA_VERSION = 1;

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().min(0);
const probability = z.number().finite().min(0).max(1);
const count = z.number().int().positive();

/** Hour-of-day multipliers of incident occurrence (index 0 = 00:00–01:00). Illustrative: quiet nights, busy daytime. */
export const DEFAULT_HOUR_OF_DAY = [
  0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.6, 1.5, 1.3, 1.3, 1.5, 1.6, 1.6, 1.5, 1.3, 1.1, 0.9, 0.7, 0.5, 0.4,
];
/** Day-of-week multipliers (index 0 = Monday). Illustrative: slightly fewer incidents at weekends. */
export const DEFAULT_DAY_OF_WEEK = [1.05, 1.05, 1.05, 1.05, 1.05, 0.9, 0.85];

/** One kind of incident (城市管理事项类别). */
export const categorySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/, "a short identifier: a letter, then letters, digits, _ or -")
    .describe("short identifier used in outputs"),
  name: z.string().min(1).max(100).describe("name shown to users"),
  share: nonNegative.describe("relative frequency of this category among all incidents"),
  urgentShare: probability
    .default(0)
    .describe("probability that an incident of this category is urgent (dispatched before normal ones)"),
  serviceTime: distributionSchema.describe("on-site handling time of a worker of skill 1 (minutes)"),
  residentsReport: z
    .boolean()
    .default(true)
    .describe("whether residents report this kind of incident at all (hidden hazards: no — only patrols find them)"),
  minor: z.boolean().default(false).describe("minor issue a volunteer can fix without a worker"),
  onSiteResolution: probability
    .default(0.5)
    .describe("share a worker of skill 1 resolves on site; the rest is escalated to a department (Hangu street 2023: 50.1 % handled at grid level)"),
  escalateTo: z.enum(["street", "district"]).default("street").describe("which department level takes escalated incidents"),
  departmentServiceTime: distributionSchema
    .default({ type: "lognormal", mean: 240, cv: 1 })
    .describe("a department team's time to deal with an escalated incident (minutes)"),
  timeLimitHours: positive.default(24).describe("time limit from registration to closure (hours)"),
  timeLimitInWorkingHours: z
    .boolean()
    .default(true)
    .describe("count the time limit in working hours (incidents.officeHours), as city handling standards do"),
});

const lognormal = (mean: number, cv: number) => ({ type: "lognormal" as const, mean, cv });

/**
 * The categories used when a scenario names none: shares from Daxing's monthly patrol cases
 * (bjdx.gov.cn); time limits after city handling standards (2–4 working hours for sanitation up to
 * 5–20 working days for repairs and illegal building); on-site shares giving about half handled at
 * grid level (Hangu street 2023). Handling times are assumptions.
 */
export const DEFAULT_CATEGORIES: z.input<typeof categorySchema>[] = [
  { id: "appearance", name: "City appearance and sanitation", share: 0.65, urgentShare: 0.02, serviceTime: lognormal(20, 0.8), minor: true, onSiteResolution: 0.55, escalateTo: "street", departmentServiceTime: lognormal(120, 1), timeLimitHours: 4 },
  { id: "streetOrder", name: "Street order", share: 0.24, urgentShare: 0.05, serviceTime: lognormal(25, 0.8), onSiteResolution: 0.45, escalateTo: "street", departmentServiceTime: lognormal(180, 1), timeLimitHours: 8 },
  { id: "advertising", name: "Illegal advertising", share: 0.03, serviceTime: lognormal(15, 0.6), minor: true, onSiteResolution: 0.8, escalateTo: "street", departmentServiceTime: lognormal(90, 1), timeLimitHours: 8 },
  { id: "facilities", name: "Public facilities", share: 0.02, urgentShare: 0.1, serviceTime: lognormal(40, 0.8), onSiteResolution: 0.2, escalateTo: "district", departmentServiceTime: lognormal(480, 1), timeLimitHours: 40 },
  { id: "construction", name: "Construction and illegal building", share: 0.02, urgentShare: 0.1, serviceTime: lognormal(45, 0.9), onSiteResolution: 0.1, escalateTo: "district", departmentServiceTime: lognormal(720, 1), timeLimitHours: 80 },
  { id: "safety", name: "Hidden safety hazards", share: 0.04, urgentShare: 0.3, serviceTime: lognormal(35, 0.9), residentsReport: false, onSiteResolution: 0.3, escalateTo: "district", departmentServiceTime: lognormal(240, 1), timeLimitHours: 8 },
];

export const districtSchema = z.strictObject({
  widthMeters: positive.default(8000).describe("east–west extent of the district (metres)"),
  heightMeters: positive.default(6000).describe("north–south extent of the district (metres)"),
  households: count.default(120000).describe("households living in the district"),
  personsPerHousehold: positive.default(2.6).describe("mean residents per household"),
});

export const gridsSchema = z.strictObject({
  householdsPerGrid: positive
    .default(400)
    .describe("target households per grid; provincial norms say 300–500. Sets the grid side from the household density"),
  columns: count.optional().describe("number of grid columns; with rows, overrides householdsPerGrid"),
  rows: count.optional().describe("number of grid rows; with columns, overrides householdsPerGrid"),
  householdsPerCommunity: positive
    .default(3600)
    .describe(
      "households per community (社区): the district is cut into near-square communities of about this many households, whatever the grid size, and each grid belongs to the community holding its centre",
    ),
  gridsPerCommunity: count
    .optional()
    .describe(
      "older alternative to householdsPerCommunity: communities as near-square blocks of this many grids, so that communities, streets and street department teams grow or shrink with the grids; when given, householdsPerCommunity is not used",
    ),
  communitiesPerStreet: count.default(6).describe("communities per street (街道), grouped in near-square blocks"),
});

export const staffingSchema = z.strictObject({
  workersPerGrid: positive
    .default(1)
    .describe("grid worker posts per grid; fractions spread the district's total evenly (0.5 = one worker for two grids)"),
  vacancyRate: z.number().finite().min(0).max(0.95).default(0).describe("share of posts left empty; the remaining workers cover the district"),
  skill: positive.default(1).describe("handling speed of an experienced full-time worker: on-site time is the category's service time ÷ skill"),
  partTimeShare: probability.default(0).describe("share of workers who are part-time"),
  partTimeHoursPerDay: z.number().finite().positive().max(24).default(4).describe("hours a part-time worker is on duty on a working day"),
  partTimeSkill: positive.default(0.8).describe("skill of a part-time worker"),
  turnoverPerYear: probability.default(0).describe("share of workers replaced each year; that share is in its first year at any time"),
  newcomerSkill: positive.default(0.7).describe("skill multiplier of a worker in the first year"),
});

export const incidentsSchema = z.strictObject({
  ratePerResidentPerYear: nonNegative
    .default(0.64)
    .describe("incidents per resident per year; Tianjin closed 9.969 M governance matters in 2021, about 0.64 per resident"),
  ratePerHour: nonNegative
    .optional()
    .describe("district-wide mean incidents per hour; when given, overrides ratePerResidentPerYear"),
  hourOfDay: z
    .array(nonNegative)
    .length(24)
    .prefault(DEFAULT_HOUR_OF_DAY)
    .describe("24 relative occurrence rates by hour of day, hour 0 = 00:00–01:00"),
  dayOfWeek: z
    .array(nonNegative)
    .length(7)
    .prefault(DEFAULT_DAY_OF_WEEK)
    .describe("7 relative occurrence rates by day of week, day 0 = Monday"),
  hotspotCv: nonNegative
    .default(0.5)
    .describe("spatial heterogeneity: coefficient of variation of the lognormal rate multiplier of each hotspot block (0 = uniform)"),
  hotspotBlockMeters: positive.default(250).describe("side of the square blocks over which hotspot multipliers are drawn (metres)"),
  categories: z.array(categorySchema).min(1).prefault(DEFAULT_CATEGORIES).describe("incident categories"),
  officeHours: officeHoursSchema
    .prefault({})
    .describe("the platform's office hours: time limits counted in working hours run in them, whatever the workers' shifts (which may change in a reform)"),
});

export const discoverySchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe("off: every incident is known the moment it occurs (no resident reports, patrol or volunteers needed)"),
});

export const intakeSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("off: a discovered incident is registered at once"),
  delay: distributionSchema
    .default({ type: "exponential", mean: 15 })
    .describe("time from discovery to registration on the platform (minutes); Tianjin 12345 accepts urgent tickets within 15 min"),
  duplicateShare: probability
    .default(0.2)
    .describe("share of resident-reported incidents that someone else reports again"),
  mergeDuplicates: z
    .boolean()
    .default(false)
    .describe("the platform merges duplicate reports; otherwise each duplicate costs the grid's worker a data-entry stage"),
});

export const dispatchSchema = z.strictObject({
  policy: z
    .enum(["ownGrid", "communityPool", "nearest"])
    .default("ownGrid")
    .describe("who may be sent: the grid's own workers, any worker of the community, or the nearest free worker in the district"),
  urgentFirst: z.boolean().default(true).describe("serve urgent incidents before normal ones; FIFO within each priority"),
  mode: z
    .enum(["automatic", "manual"])
    .default("automatic")
    .describe("automatic: the platform assigns at registration; manual: a dispatcher does, after manualDelay"),
  manualDelay: distributionSchema
    .default({ type: "lognormal", mean: 30, cv: 1 })
    .describe("with manual dispatch, time until a dispatcher assigns the incident (minutes)"),
  afterIncident: z
    .enum(["stay", "returnToPost", "returnToPostBeforeNext"])
    .default("returnToPost")
    .describe(
      "where a worker goes after an incident: stay at the site; walk back to the post (home grid centre) and be sendable on the way; or walk back and take the next incident only from the post",
    ),
});

export const travelSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("off: workers reach incidents instantly"),
  metric: z
    .enum(["rectilinear", "euclidean"])
    .default("rectilinear")
    .describe("distance along a street grid (right-angle) or straight line"),
  speedKmh: positive.default(12).describe("travel speed to an incident (km/h); 12 ≈ electric bicycle"),
});

export const runSchema = z.strictObject({
  days: positive.max(36600).default(28).describe("simulated days per replication, warm-up included"),
  warmupDays: nonNegative.default(2).describe("days at the start excluded from every measurement"),
  maxOpenIncidents: count
    .default(200000)
    .describe("safety cap: a replication stops (marked truncated) when more than this many incidents are open at once"),
});

/** A GridGov scenario: everything one simulated district needs. */
export const scenarioSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION).describe("scenario file format version"),
    name: z.string().min(1).max(200).describe("short name shown in tables and charts"),
    description: z.string().max(5000).default("").describe("what this scenario represents, in plain words"),
    district: districtSchema.prefault({}).describe("the district's extent and population"),
    grids: gridsSchema.prefault({}).describe("how the district is cut into grids, communities and streets"),
    staffing: staffingSchema.prefault({}).describe("grid workers"),
    incidents: incidentsSchema.prefault({}).describe("what happens, where and when"),
    discovery: discoverySchema.prefault({}).describe("how incidents come to be known"),
    residents: residentsSchema.prefault({}).describe("residents: reporting, volunteering, satisfaction (participation pattern)"),
    patrol: patrolSchema.prefault({}).describe("workers finding incidents on patrol"),
    intake: intakeSchema.prefault({}).describe("registration on the platform"),
    dispatch: dispatchSchema.prefault({}).describe("who is sent to an incident"),
    travel: travelSchema.prefault({}).describe("how workers reach incidents"),
    escalation: escalationSchema.prefault({}).describe("departments taking what cannot be solved on site"),
    verification: verificationSchema.prefault({}).describe("checking fixes before closing (accountability)"),
    admin: adminSchema.prefault({}).describe("administrative burden on grid workers"),
    shifts: shiftsSchema.prefault({}).describe("when workers are on duty"),
    cost: costSchema.prefault({}).describe("salaries, for costs"),
    run: runSchema.prefault({}).describe("length of each replication"),
  })
  .superRefine((s, ctx) => {
    if (s.run.days > 0 && s.run.warmupDays >= s.run.days) {
      ctx.addIssue({
        code: "custom",
        path: ["run", "warmupDays"],
        message: `expected fewer warm-up days than run days (${s.run.days}), found ${s.run.warmupDays}; run longer or shorten the warm-up (run.warmupDays)`,
      });
    }
    if ((s.grids.columns === undefined) !== (s.grids.rows === undefined)) {
      ctx.addIssue({ code: "custom", path: ["grids", s.grids.columns === undefined ? "columns" : "rows"], message: "expected columns and rows together, found only one" });
    }
    if (s.grids.householdsPerGrid > s.district.households && s.grids.columns === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["grids", "householdsPerGrid"],
        message: `expected at most the district's ${s.district.households} households, found ${s.grids.householdsPerGrid}: a grid cannot be larger than the district`,
      });
    }
    const ids = new Set<string>();
    s.incidents.categories.forEach((c, i) => {
      if (ids.has(c.id)) {
        ctx.addIssue({ code: "custom", path: ["incidents", "categories", i, "id"], message: `expected a unique id, found "${c.id}" twice` });
      }
      ids.add(c.id);
    });
    if (!(s.incidents.categories.reduce((a, c) => a + c.share, 0) > 0)) {
      ctx.addIssue({ code: "custom", path: ["incidents", "categories"], message: "expected category shares with a positive sum, found all zero" });
    }
    for (const key of ["hourOfDay", "dayOfWeek"] as const) {
      if (!(s.incidents[key].reduce((a, b) => a + b, 0) > 0)) {
        ctx.addIssue({ code: "custom", path: ["incidents", key], message: "expected at least one positive value, found all zero" });
      }
    }
  })
  .describe("a GridGov scenario");

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file: optional fields may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** One incident category of a validated scenario. */
export type Category = z.output<typeof categorySchema>;
