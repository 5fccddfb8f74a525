/**
 * Random small scenarios for model property tests, and a runner that drives
 * GridModel + ReplicationCollector directly while observing every stage event.
 */
import fc from "fast-check";
import { ReplicationCollector, type ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import { GridModel } from "../../sim/model/GridModel.js";
import { scenarioSchema, type Scenario, type ScenarioInput } from "../../sim/scenario/scenarioSchema.js";

type DistributionInput = NonNullable<ScenarioInput["intake"]>["delay"];

/** fc.double restricted to finite values in [min, max]. */
export const real = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/**
 * A coefficient of variation: exactly 0 or 0.01–2. (Vanishing cvs such as 1e-200 are
 * an edge case of the gamma sampler with a test of its own in distribution.test.ts.)
 */
const cvArb = (max: number) => fc.oneof(fc.constant(0), real(0.01, max));

/** A service-time distribution of every kind, with means of 5–90 minutes. */
export const serviceTimeArb: fc.Arbitrary<NonNullable<DistributionInput>> = fc.oneof(
  real(5, 90).map((mean) => ({ type: "exponential" as const, mean })),
  real(0, 90).map((value) => ({ type: "deterministic" as const, value })),
  fc.tuple(real(0, 60), real(0, 60)).map(([a, b]) => ({ type: "uniform" as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(real(5, 90), cvArb(1.5)).map(([mean, cv]) => ({ type: "lognormal" as const, mean, cv })),
  fc.tuple(real(5, 90), cvArb(2)).map(([mean, cv]) => ({ type: "gamma" as const, mean, cv })),
  fc
    .tuple(real(0, 60), real(0, 60), real(0, 60))
    .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y))
    .map(([min, mode, max]) => ({ type: "triangular" as const, min, mode, max })),
  fc
    .array(fc.tuple(real(0, 90), real(0, 5)), { minLength: 1, maxLength: 4 })
    .filter((vw) => vw.reduce((s, [, w]) => s + w, 0) > 0)
    .map((vw) => ({ type: "empirical" as const, values: vw.map(([v]) => v), weights: vw.map(([, w]) => w) })),
);

const categoriesArb = fc
  .array(fc.tuple(real(0.1, 5), real(0, 0.6), serviceTimeArb), { minLength: 1, maxLength: 3 })
  .map((cs) => cs.map(([share, urgentShare, serviceTime], k) => ({ id: `c${k}`, name: `Category ${k}`, share, urgentShare, serviceTime })));

/**
 * A small random scenario: 1–~20 grids, 0.3–3 workers per grid, 0.5–8 incidents an
 * hour, 1–4 days, every policy and every stage switched on or off.
 */
export const scenarioInputArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    width: real(800, 3000),
    height: real(800, 3000),
    households: fc.integer({ min: 2000, max: 6000 }),
    layout: fc.oneof(
      fc.record({ columns: fc.integer({ min: 1, max: 4 }), rows: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ householdsPerGrid: fc.integer({ min: 300, max: 2000 }) }),
    ),
    gridsPerCommunity: fc.integer({ min: 1, max: 9 }),
    communitiesPerStreet: fc.integer({ min: 1, max: 6 }),
    workersPerGrid: real(0.3, 3),
    skill: real(0.5, 2),
    ratePerHour: real(0.5, 8),
    flatProfile: fc.boolean(),
    hotspotCv: real(0, 1.5),
    categories: categoriesArb,
    discovery: fc.boolean(),
    reportProbability: real(0, 1),
    reportDelayMean: real(5, 240),
    patrolSpeedKmh: fc.constantFrom(0, 2, 4, 8),
    intake: fc.boolean(),
    intakeMean: real(1, 30),
    policy: fc.constantFrom("ownGrid" as const, "communityPool" as const, "nearest" as const),
    urgentFirst: fc.boolean(),
    afterIncident: fc.constantFrom("stay" as const, "returnToPost" as const, "returnToPostBeforeNext" as const),
    travel: fc.boolean(),
    metric: fc.constantFrom("rectilinear" as const, "euclidean" as const),
    speedKmh: real(3, 30),
    days: fc.integer({ min: 1, max: 4 }),
    warmupDays: fc.constantFrom(0, 0.5, 1),
  })
  .map((r) => ({
    schemaVersion: 1 as const,
    name: "property",
    district: { widthMeters: r.width, heightMeters: r.height, households: r.households },
    grids: { ...r.layout, gridsPerCommunity: r.gridsPerCommunity, communitiesPerStreet: r.communitiesPerStreet },
    staffing: { workersPerGrid: r.workersPerGrid, skill: r.skill },
    incidents: {
      ratePerHour: r.ratePerHour,
      ...(r.flatProfile ? { hourOfDay: new Array(24).fill(1), dayOfWeek: new Array(7).fill(1) } : {}),
      hotspotCv: r.hotspotCv,
      categories: r.categories,
    },
    discovery: {
      enabled: r.discovery,
      residentReportProbability: r.reportProbability,
      residentReportDelay: { type: "exponential" as const, mean: r.reportDelayMean },
      patrolSpeedKmh: r.patrolSpeedKmh,
    },
    intake: { enabled: r.intake, delay: { type: "exponential" as const, mean: r.intakeMean } },
    dispatch: { policy: r.policy, urgentFirst: r.urgentFirst, afterIncident: r.afterIncident },
    travel: { enabled: r.travel, metric: r.metric, speedKmh: r.speedKmh },
    run: { days: r.days, warmupDays: Math.min(r.warmupDays, r.days - 0.5) },
  }));

export const scenarioArb: fc.Arbitrary<Scenario> = scenarioInputArb.map((s) => scenarioSchema.parse(s));

/** Validates a scenario written in short form. */
export function scenario(input: Omit<ScenarioInput, "schemaVersion" | "name">): Scenario {
  return scenarioSchema.parse({ schemaVersion: 1, name: "test", ...input });
}

export interface ObservedRun {
  model: GridModel;
  result: ReplicationResult;
}

/**
 * Runs one replication the way runReplication does, calling `observe` on every stage
 * event before the collector sees it (the model has already stamped the stage time;
 * `now` is what the model passed to onStage).
 */
export function runObserved(
  s: Scenario,
  seed: number | string,
  replication: number,
  observe?: (model: GridModel, id: number, stage: number, now: number) => void,
): ObservedRun {
  const model = new GridModel(s, { seed, replication });
  const collector = new ReplicationCollector(model);
  if (observe) {
    const inner = model.onStage;
    const watch = observe;
    model.onStage = (i, st, now) => {
      watch(model, i, st, now);
      inner(i, st, now);
    };
  }
  model.run();
  return { model, result: collector.result(replication) };
}

/** What is known of an incident the moment it occurs. */
export interface Occurrence {
  time: number;
  x: number;
  y: number;
  category: number;
  urgent: number;
  service: number;
}

/** The occurrence (stage 0) of every incident of a run, in order. */
export function occurrences(s: Scenario, seed: number | string, replication: number): Occurrence[] {
  const out: Occurrence[] = [];
  runObserved(s, seed, replication, (m, i, stage) => {
    if (stage !== 0) return;
    const inc = m.incidents;
    out.push({ time: m.sim.now, x: inc.x[i], y: inc.y[i], category: inc.category[i], urgent: inc.urgent[i], service: inc.service[i] });
  });
  return out;
}
