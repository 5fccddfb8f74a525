import { z } from "zod";
import { distributionSchema } from "./distributionSchema.js";

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().min(0);
const probability = z.number().finite().min(0).max(1);
const minuteOfDay = z.number().finite().min(0).max(1440);
/** True for a valid minute of the day (see `minuteOfDay`). */
const inDay = (m: number) => m >= 0 && m <= 1440;

/** Residents as agents: who reports, how fast, and how their satisfaction feeds back (participation pattern). */
export const residentsSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe("on: residents (typed-array agents) report what they notice; off: residents never report"),
  reportsPerHour: nonNegative
    .default(0.5)
    .describe(
      "how quickly the residents of an average grid report an incident they can see: reports per hour at mean propensity without the app (0.5 = mean 2 h)",
    ),
  propensityCv: nonNegative.default(0.6).describe("spread of residents' reporting propensity (lognormal, mean 1)"),
  appShare: probability.default(0.3).describe("share of residents who use the reporting app"),
  appSpeedup: z.number().finite().min(1).default(3).describe("app users report this many times faster"),
  volunteerShare: probability
    .default(0.003)
    .describe("share of residents who volunteer (building leaders, 楼栋长): they find and fix minor issues"),
  volunteerFindsPerHour: nonNegative
    .default(0.05)
    .describe(
      "rate at which one volunteer comes across a given incident in their neighbourhood — the square of 400 households around it, whatever the grids (per hour)",
    ),
  volunteerFixShare: probability.default(0.5).describe("share of minor incidents a volunteer who finds them fixes without a worker"),
  initialSatisfaction: probability.default(0.7).describe("residents' satisfaction (0..1) at the start"),
  satisfactionMemory: probability
    .default(0.05)
    .describe(
      "how far one closed incident moves the satisfaction of a grid of 400 households toward its verdict (1 if closed within the time limit and fixed, else 0); in a grid of other size scaled by 400 ÷ its households (at most 1), so that satisfaction follows incidents at the same pace whatever the grid size",
    ),
  feedback: z.boolean().default(false).describe("participation feedback: reporting propensity follows satisfaction"),
  feedbackStrength: nonNegative
    .default(1)
    .describe("with feedback, propensity × (1 + strength × (satisfaction − initial)), never below 0"),
});

/** Grid workers on patrol find what nobody reported (part of the talent-team and organisation levers). */
export const patrolSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("off: workers never find incidents by patrol"),
  speedKmh: positive.default(4).describe("walking speed of a patrolling worker (km/h)"),
  sweepMeters: positive.default(30).describe("width of street a patrolling worker takes in (metres)"),
  share: probability
    .default(0.6)
    .describe("share of a free worker's time actually spent patrolling (the rest is idle); service orientation lever"),
});

/** Departments that take what grid workers cannot solve on site (organisational structure, platform operation). */
export const escalationSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("off: every incident is resolved on site"),
  streetTeams: z.number().int().min(0).default(4).describe("department teams per street (街道) taking street-level escalations"),
  districtTeams: z.number().int().min(0).default(20).describe("department teams at district level"),
  acceptanceDelay: distributionSchema
    .default({ type: "lognormal", mean: 240, cv: 1 })
    .describe("time for a department to accept an escalated case (transfer, paperwork)"),
  whistle: z.boolean().default(false).describe("'whistle' coordination (吹哨报到): departments must respond within whistleHours"),
  whistleHours: positive.default(2).describe("with whistle, the longest a department may take to accept a case (hours)"),
  misrouteProbability: probability
    .default(0.15)
    .describe("chance an escalation goes to the wrong department and bounces back (data silos); platform integration lowers it"),
  misrouteDelay: distributionSchema
    .default({ type: "lognormal", mean: 720, cv: 0.8 })
    .describe("time until a misrouted case comes back to be routed again"),
});

/** Checking the fix before closing (ideological system: accountability). */
export const verificationSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("off: incidents close as soon as they are handled"),
  minutes: distributionSchema.default({ type: "lognormal", mean: 10, cv: 0.5 }).describe("worker time to verify a fix on site"),
  faultShare: probability.default(0.1).describe("share of fixes (on site or by a department) that are not actually right"),
  rigour: probability
    .default(0.5)
    .describe("chance a verification catches a faulty fix and reopens the incident; uncaught faults close unhappy"),
  maxReopenings: z
    .number()
    .int()
    .min(0)
    .max(20)
    .default(3)
    .describe("after this many reopenings an incident is closed as it is (escalated to supervisors in practice)"),
});

/** Administrative burden ordered from above (ideological system, platform operation). */
export const adminSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("off: no forms, meetings or data entry"),
  dataEntryMinutesPerIncident: nonNegative.default(10).describe("platform data entry when an incident closes (minutes of worker time)"),
  dataEntryMinutesPerStage: nonNegative.default(5).describe("data entry for each escalation and each verification (minutes)"),
  dailyTaskHours: nonNegative
    .default(3)
    .describe("forms, meetings and inspections ordered from above, per worker per working day (hours); 'a thousand lines above, one needle below'"),
  taskCut: probability.default(0).describe("share of the daily tasks removed by a task admission list (准入清单)"),
  blockMinutes: z
    .number()
    .finite()
    .min(1)
    .default(60)
    .describe("admin work is done in blocks of this length (at least a minute); only urgent incidents interrupt a block"),
});

/** The platform's office hours: time limits counted in working hours run in them, whatever the workers' shifts. */
export const officeHoursSchema = z
  .strictObject({
    start: minuteOfDay.default(510).describe("office hours start, minutes after midnight (510 = 08:30)"),
    end: minuteOfDay.default(1050).describe("office hours end, minutes after midnight (1050 = 17:30)"),
    workdays: z
      .array(z.boolean())
      .length(7)
      .prefault([true, true, true, true, true, false, false])
      .describe("office days, Monday first"),
  })
  .superRefine((o, ctx) => {
    // Only between valid times: a start out of range is reported once, on its own.
    if (inDay(o.start) && inDay(o.end) && o.end <= o.start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `expected office hours to end after they start (${o.start}), found ${o.end}` });
    }
    if (!o.workdays.some(Boolean)) {
      ctx.addIssue({ code: "custom", path: ["workdays"], message: "expected at least one office day, found none: a time limit in working hours would never fall due" });
    }
  });

/** Rosters: when workers are on duty (talent team). */
export const shiftsSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("off: every worker is on duty around the clock"),
    start: minuteOfDay.default(510).describe("day shift start, minutes after midnight (510 = 08:30)"),
    end: minuteOfDay.default(1050).describe("day shift end, minutes after midnight (1050 = 17:30)"),
    workdays: z
      .array(z.boolean())
      .length(7)
      .prefault([true, true, true, true, true, false, false])
      .describe("working days, Monday first"),
    weekendDutyShare: probability.default(0.3).describe("share of workers on duty (rotating) on non-working days"),
    nightOnCall: z
      .boolean()
      .default(true)
      .describe("urgent incidents outside shifts call in the nearest off-duty worker of the pool (paid as overtime)"),
  })
  .superRefine((s, ctx) => {
    if (inDay(s.start) && inDay(s.end) && s.end <= s.start) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `expected the shift to end after it starts (${s.start}), found ${s.end}`,
      });
    }
  });

/** Salaries, for cost per year and per closed incident. */
export const costSchema = z.strictObject({
  fullTimeSalaryPerYear: nonNegative.default(72000).describe("full-time grid worker, salary and on-costs per year (CNY)"),
  partTimeSalaryPerYear: nonNegative.default(30000).describe("part-time grid worker per year (CNY)"),
  overtimeMultiplier: nonNegative
    .default(1.5)
    .describe(
      "overtime hour paid as this multiple of the full-time hourly rate; so is each on-duty hour rostered beyond the standard roster salaries pay for (the default shifts: 08:30–17:30 on working days, 3 in 10 on duty on other days)",
    ),
  hoursPerYear: positive.default(2000).describe("paid hours in a full-time year, to derive the hourly rate"),
});
