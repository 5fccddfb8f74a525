import { z } from "zod";
import { INCIDENT_REPORTERS } from "../sim/metrics/incidentReporters.js";
import { Histogram } from "../sim/metrics/Histogram.js";
import { FOUND_BY } from "../sim/model/IncidentStore.js";
import { ACTIVITIES } from "../sim/model/Workforce.js";
import { expected } from "./checkShape.js";

/** A measured figure: a number, or null where nothing was measured (NaN in the engine). */
const figure = z.number(expected("a number or null")).nullable();
/** A count of things. */
const count = z.int(expected("a whole number ≥ 0")).min(0, expected("a whole number ≥ 0"));
const counts = <K extends string>(keys: readonly K[]) => z.looseObject(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>, expected("counts (an object)"));
const figures = <K extends string>(keys: readonly K[]) => z.looseObject(Object.fromEntries(keys.map((k) => [k, figure])) as Record<K, typeof figure>, expected("figures (an object)"));

const histogram = z
  .looseObject(
    {
      n: count,
      min: figure,
      max: figure,
      bins: z.array(z.int().min(0).max(Histogram.BINS - 1), expected(`bin numbers from 0 to ${Histogram.BINS - 1}`)),
      counts: z.array(count, expected("bin counts")),
    },
    expected("a histogram (an object)"),
  )
  .refine((h) => h.bins.length === h.counts.length, expected("as many bin counts as bins"));

const metric = z.looseObject({ n: count, mean: figure, p50: figure, p90: figure, p95: figure, max: figure, histogram }, expected("a measurement (an object)"));

/** Every field of a replication result that combining replications reads, with its type. */
const resultShape = z.looseObject(
  {
    replication: count,
    events: count,
    truncated: z.boolean(expected("true or false")),
    measuredMinutes: figure,
    incidents: z.looseObject(
      {
        ...counts(["arrived", "closed", "open", "escalated", "misrouted", "reopened", "fixedByVolunteers", "satisfied", "duplicates"] as const).shape,
        foundBy: counts(FOUND_BY),
      },
      expected("the incident counts (an object)"),
    ),
    categories: z.array(z.looseObject({ id: z.string(expected("text")), ...counts(["arrived", "closed", "withinLimit", "late"] as const).shape }, expected("a category (an object)")), expected("the categories (a list)")),
    metrics: z.looseObject(Object.fromEntries(INCIDENT_REPORTERS.map((r) => [r.name, metric])), expected("the measurements (an object)")),
    workers: z.looseObject(
      {
        count,
        utilization: figure,
        hoursByActivity: figures([...ACTIVITIES, "patrol", "idle"] as const),
        overtimeHoursPerWeek: figure,
        workloadGini: figure,
      },
      expected("the worker figures (an object)"),
    ),
    cost: figures(["salariesPerYear", "overtimePerYear", "extraDutyPerYear", "totalPerYear", "perClosedIncident"] as const),
    satisfaction: figure,
    firstMissedLimit: figure,
    little: figures(["L", "Lq", "lambda"] as const),
    grids: z.looseObject(
      { occurred: z.array(count, expected("counts per grid")), meanResponse: z.array(figure, expected("figures per grid")), utilization: z.array(figure, expected("figures per grid")) },
      expected("the per-grid figures (an object)"),
    ),
    series: z.looseObject(
      { backlogHourly: z.array(figure, expected("hourly figures")), satisfactionDaily: z.array(figure, expected("daily figures")), residentShareDaily: z.array(figure, expected("daily figures")) },
      expected("the time series (an object)"),
    ),
  },
  expected("a replication's result (an object)"),
);

/**
 * What `gridgov merge` needs of each replication result in a shard file (see
 * {@link resultShape}). Written by the engine itself, so anything else means the file was
 * changed (or cut) after the run. Only checks: the result passes through as it was read,
 * fields and their order untouched, so merging gives the bytes one process would.
 */
export const replicationResultSchema = z.unknown().superRefine((value, ctx) => {
  const checked = resultShape.safeParse(value);
  if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
}) as unknown as z.ZodType<z.infer<typeof resultShape>>;
