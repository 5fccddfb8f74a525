/**
 * Random small scenarios for model property tests, and a runner that drives
 * GridModel + ReplicationCollector directly while observing every stage event,
 * every change of a worker's activity, every dispatch request and every kernel event.
 */
import fc from "fast-check";
import { ReplicationCollector, type ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import { GridModel } from "../../sim/model/GridModel.js";
import { RETURNING } from "../../sim/model/Workforce.js";
import { scenarioSchema, type Scenario, type ScenarioInput } from "../../sim/scenario/scenarioSchema.js";

type DistributionInput = NonNullable<NonNullable<ScenarioInput["intake"]>["delay"]>;

/** fc.double restricted to finite values in [min, max]. */
export const real = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/**
 * A uniform draw in [min, max] on a fine lattice (both ends included). fc.double picks
 * uniformly among the representable doubles, which puts most draws of a range starting
 * at 0 below 1e-100; governance rates and shares need values spread over their range.
 */
export const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 1 << 20 }).map((k) => min + ((max - min) * k) / (1 << 20));

/** A probability: exactly 0, exactly 1, or uniform in between. */
const share = () => fc.oneof(fc.constant(0), fc.constant(1), uniform(0, 1), uniform(0, 1));

/**
 * A coefficient of variation: exactly 0 or 0.01–2. (Vanishing cvs such as 1e-200 are
 * an edge case of the gamma sampler with a test of its own in distribution.test.ts.)
 */
const cvArb = (max: number) => fc.oneof(fc.constant(0), real(0.01, max));

/** A service-time distribution of every kind, with means of 5–90 minutes (zero is possible). */
export const serviceTimeArb: fc.Arbitrary<DistributionInput> = fc.oneof(
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

/** A delay (minutes) with a mean in [min, max]: exponential, lognormal or deterministic. */
const delayArb = (min: number, max: number): fc.Arbitrary<DistributionInput> =>
  fc.oneof(
    uniform(Math.max(min, 0.1), max).map((mean) => ({ type: "exponential" as const, mean })),
    fc.tuple(uniform(Math.max(min, 0.1), max), cvArb(1.5)).map(([mean, cv]) => ({ type: "lognormal" as const, mean, cv })),
    uniform(min, max).map((value) => ({ type: "deterministic" as const, value })),
  );

/**
 * A strictly positive delay (mean ≥ 1 min, never exactly 0). Verification takes one, so
 * that `faultShare = rigour = 1` (a fix that is never right, always caught) spends
 * simulated time on each round of rework instead of looping at one instant: that
 * configuration is a known engine livelock with a test of its own (governance.test.ts).
 */
const positiveDelayArb = (min: number, max: number): fc.Arbitrary<DistributionInput> =>
  fc.oneof(
    uniform(min, max).map((mean) => ({ type: "exponential" as const, mean })),
    fc.tuple(uniform(min, max), uniform(0, 1)).map(([mean, cv]) => ({ type: "lognormal" as const, mean, cv })),
    uniform(min, max).map((value) => ({ type: "deterministic" as const, value })),
  );

const categoriesArb = fc
  .array(
    fc.record({
      share: real(0.1, 5),
      urgentShare: fc.oneof(fc.constant(0), uniform(0, 0.6)),
      serviceTime: serviceTimeArb,
      residentsReport: fc.boolean(),
      minor: fc.boolean(),
      onSiteResolution: share(),
      escalateTo: fc.constantFrom("street" as const, "district" as const),
      departmentServiceTime: delayArb(0, 240),
      timeLimitHours: uniform(1, 48),
      timeLimitInWorkingHours: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((cs) => cs.map((c, k) => ({ id: `c${k}`, name: `Category ${k}`, ...c })));

/** True three times in four. */
const likely = fc.oneof(fc.constant(true), fc.boolean());

const WEEKDAYS = [true, true, true, true, true, false, false];

const shiftsArb = fc.record({
  enabled: fc.boolean(),
  start: fc.integer({ min: 0, max: 720 }),
  length: fc.integer({ min: 60, max: 720 }),
  workdays: fc.oneof(fc.constant(WEEKDAYS), fc.constant(new Array(7).fill(true)), fc.array(fc.boolean(), { minLength: 7, maxLength: 7 })),
  weekendDutyShare: share(),
  nightOnCall: fc.boolean(),
});

/**
 * A small random scenario: 1–~20 grids, 0.3–3 worker posts per grid, 0.5–6 incidents an
 * hour, 1–3 days, with every stage, governance section and policy switched on or off and
 * varied: residents (reporting, app, volunteers, feedback), patrol, intake and duplicates,
 * dispatch policy and mode, travel, escalation, verification, admin burden, shifts and
 * night on-call, staffing (part-time, vacancies, turnover) and category fields.
 */
export const scenarioInputArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    district: fc.record({ width: uniform(800, 3000), height: uniform(800, 3000), households: fc.integer({ min: 800, max: 3000 }), personsPerHousehold: uniform(1, 4) }),
    layout: fc.oneof(
      fc.record({ columns: fc.integer({ min: 1, max: 4 }), rows: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ householdsPerGrid: fc.integer({ min: 150, max: 800 }) }),
    ),
    // Communities by grid count (the older grouping) or as a fixed map by households.
    community: fc.oneof(
      fc.record({ gridsPerCommunity: fc.integer({ min: 1, max: 9 }) }),
      fc.record({ householdsPerCommunity: fc.integer({ min: 100, max: 8000 }) }),
    ),
    communitiesPerStreet: fc.integer({ min: 1, max: 6 }),
    staffing: fc.record({
      workersPerGrid: uniform(0.3, 3),
      vacancyRate: fc.oneof(fc.constant(0), uniform(0, 0.5)),
      skill: uniform(0.5, 2),
      partTimeShare: share(),
      partTimeHoursPerDay: uniform(1, 8),
      partTimeSkill: uniform(0.5, 1.5),
      turnoverPerYear: share(),
      newcomerSkill: uniform(0.5, 1),
    }),
    ratePerHour: uniform(0.5, 6),
    flatProfile: fc.boolean(),
    hotspotCv: uniform(0, 1.5),
    categories: categoriesArb,
    discovery: likely,
    residents: fc.record({
      enabled: likely,
      reportsPerHour: uniform(0, 3),
      propensityCv: uniform(0, 1.5),
      appShare: share(),
      appSpeedup: uniform(1, 5),
      volunteerShare: fc.oneof(fc.constant(0), uniform(0, 0.03)),
      volunteerFindsPerHour: uniform(0, 0.5),
      volunteerFixShare: share(),
      initialSatisfaction: share(),
      satisfactionMemory: share(),
      feedback: fc.boolean(),
      feedbackStrength: uniform(0, 3),
    }),
    patrol: fc.record({ enabled: fc.boolean(), speedKmh: uniform(1, 8), sweepMeters: uniform(5, 60), share: share() }),
    intake: fc.record({ enabled: fc.boolean(), mean: uniform(1, 30), duplicateShare: share(), mergeDuplicates: fc.boolean() }),
    dispatch: fc.record({
      policy: fc.constantFrom("ownGrid" as const, "communityPool" as const, "nearest" as const),
      urgentFirst: fc.boolean(),
      mode: fc.constantFrom("automatic" as const, "manual" as const),
      manualDelay: delayArb(0, 60),
      afterIncident: fc.constantFrom("stay" as const, "returnToPost" as const, "returnToPostBeforeNext" as const),
    }),
    travel: fc.record({ enabled: fc.boolean(), metric: fc.constantFrom("rectilinear" as const, "euclidean" as const), speedKmh: uniform(3, 30) }),
    escalation: fc.record({
      enabled: fc.boolean(),
      streetTeams: fc.integer({ min: 1, max: 3 }),
      districtTeams: fc.integer({ min: 1, max: 3 }),
      acceptanceDelay: delayArb(0, 240),
      whistle: fc.boolean(),
      whistleHours: uniform(0.25, 4),
      misrouteProbability: share(),
      misrouteDelay: delayArb(0, 240),
    }),
    verification: fc.record({ enabled: fc.boolean(), minutes: positiveDelayArb(1, 20), faultShare: share(), rigour: share() }),
    admin: fc.record({
      enabled: fc.boolean(),
      dataEntryMinutesPerIncident: uniform(0, 15),
      dataEntryMinutesPerStage: uniform(0, 10),
      dailyTaskHours: uniform(0, 4),
      taskCut: share(),
      blockMinutes: uniform(10, 120),
    }),
    shifts: shiftsArb,
    days: fc.integer({ min: 1, max: 3 }),
    warmupDays: fc.constantFrom(0, 0.5, 1),
  })
  .map((r) => ({
    schemaVersion: 1 as const,
    name: "property",
    district: { widthMeters: r.district.width, heightMeters: r.district.height, households: r.district.households, personsPerHousehold: r.district.personsPerHousehold },
    grids: { ...r.layout, ...r.community, communitiesPerStreet: r.communitiesPerStreet },
    staffing: r.staffing,
    incidents: {
      ratePerHour: r.ratePerHour,
      ...(r.flatProfile ? { hourOfDay: new Array(24).fill(1), dayOfWeek: new Array(7).fill(1) } : {}),
      hotspotCv: r.hotspotCv,
      categories: r.categories,
    },
    discovery: { enabled: r.discovery },
    residents: r.residents,
    patrol: r.patrol,
    intake: {
      enabled: r.intake.enabled,
      delay: { type: "exponential" as const, mean: r.intake.mean },
      duplicateShare: r.intake.duplicateShare,
      mergeDuplicates: r.intake.mergeDuplicates,
    },
    dispatch: r.dispatch,
    travel: r.travel,
    escalation: r.escalation,
    verification: r.verification,
    admin: r.admin,
    shifts: {
      enabled: r.shifts.enabled,
      start: r.shifts.start,
      end: Math.min(1440, r.shifts.start + r.shifts.length),
      workdays: r.shifts.workdays,
      weekendDutyShare: r.shifts.weekendDutyShare,
      nightOnCall: r.shifts.nightOnCall,
    },
    run: { days: r.days, warmupDays: Math.min(r.warmupDays, r.days - 0.5) },
  }));

export const scenarioArb: fc.Arbitrary<Scenario> = scenarioInputArb.map((s) => scenarioSchema.parse(s));

/** Validates a scenario written in short form. */
export function scenario(input: Omit<ScenarioInput, "schemaVersion" | "name">): Scenario {
  return scenarioSchema.parse({ schemaVersion: 1, name: "test", ...input });
}

/**
 * The bare queueing loop: a scenario input with every governance stage switched off
 * (no residents, patrol, escalation, verification, admin or shifts). Tests spread their
 * own sections over it.
 */
export const PLAIN: Omit<ScenarioInput, "schemaVersion" | "name"> = {
  discovery: { enabled: false },
  intake: { enabled: false },
  residents: { enabled: false },
  patrol: { enabled: false },
  escalation: { enabled: false },
  verification: { enabled: false },
  admin: { enabled: false },
  shifts: { enabled: false },
};

export interface ObservedRun {
  model: GridModel;
  result: ReplicationResult;
}

/** Hooks into a run; every hook is optional. */
export interface Observers {
  /** Every stage event, before the collector sees it (the model has stamped the time already). */
  stage?: (model: GridModel, id: number, stage: number, now: number) => void;
  /**
   * Every call of `Crew.setActivity` that changes a worker's activity, before it takes
   * effect (`from` is still the worker's activity; job, position and shift flag are as
   * the engine left them just before the change).
   */
  activity?: (model: GridModel, w: number, from: number, to: number, now: number) => void;
  /** Every dispatch request (`Crew.request`): `before` runs before the dispatcher decides, `after` once it has. */
  requestBefore?: (model: GridModel, id: number) => void;
  requestAfter?: (model: GridModel, id: number) => void;
  /** Every close, with the satisfaction verdict, before the collector sees it. */
  close?: (model: GridModel, id: number, satisfied: boolean) => void;
  /** After every kernel event has been handled (the model is between events). */
  afterEvent?: (model: GridModel) => void;
  /** Called once the model and collector are built, before the run (to wrap anything else). */
  setup?: (model: GridModel) => void;
}

/** The kernel's handler table (private in Simulation; tests wrap it to look between events). */
function handlerTable(model: GridModel): Array<(arg: number) => void> {
  return (model.sim as unknown as { handlers: Array<(arg: number) => void> }).handlers;
}

/**
 * Runs one replication the way runReplication does, calling the observers. A bare
 * function as fourth argument observes stage events (the original signature).
 */
export function runObserved(
  s: Scenario,
  seed: number | string,
  replication: number,
  observers?: Observers | NonNullable<Observers["stage"]>,
): ObservedRun {
  const o: Observers = typeof observers === "function" ? { stage: observers } : (observers ?? {});
  const model = new GridModel(s, { seed, replication });
  const collector = new ReplicationCollector(model);
  const inner = model.observer;
  const { stage: watchStage, close: watchClose } = o;
  model.observer = {
    stage(i, st, now) {
      watchStage?.(model, i, st, now);
      inner.stage(i, st, now);
    },
    closed(i, satisfied) {
      watchClose?.(model, i, satisfied);
      inner.closed(i, satisfied);
    },
  };
  const crew = model.crew;
  if (o.activity) {
    const inner = crew.setActivity.bind(crew);
    const watch = o.activity;
    crew.setActivity = (w, activity, now) => {
      const from = model.workforce.activity[w];
      if (from !== activity) watch(model, w, from, activity, now);
      inner(w, activity, now);
    };
  }
  if (o.requestBefore || o.requestAfter) {
    const inner = crew.request.bind(crew);
    const { requestBefore, requestAfter } = o;
    crew.request = (i) => {
      requestBefore?.(model, i);
      inner(i);
      requestAfter?.(model, i);
    };
  }
  if (o.afterEvent) {
    const handlers = handlerTable(model);
    const check = o.afterEvent;
    for (let k = 0; k < handlers.length; k++) {
      const h = handlers[k];
      if (h) handlers[k] = (arg) => {
        h(arg);
        check(model);
      };
    }
  }
  o.setup?.(model);
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
  /** Key of the incident's own random decisions (outcomes stream). */
  key: number;
}

/** The occurrence (stage 0) of every incident of a run, in order. */
export function occurrences(s: Scenario, seed: number | string, replication: number): Occurrence[] {
  const out: Occurrence[] = [];
  runObserved(s, seed, replication, (m, i, stage) => {
    if (stage !== 0) return;
    const inc = m.incidents;
    out.push({ time: m.sim.now, x: inc.x[i], y: inc.y[i], category: inc.category[i], urgent: inc.urgent[i], service: inc.service[i], key: inc.key[i] });
  });
  return out;
}

/** Position of worker `w` at `now`, walking back to the post if returning (independent of the engine's own `locate`). */
export function workerPosition(model: GridModel, w: number, now: number): [number, number] {
  const wf = model.workforce;
  const x = wf.x[w];
  const y = wf.y[w];
  if (wf.activity[w] !== RETURNING) return [x, y];
  const total = wf.moveEnd[w] - wf.moveStart[w];
  const f = total > 0 ? Math.min(1, (now - wf.moveStart[w]) / total) : 1;
  const dx = wf.postX[w] - x;
  const dy = wf.postY[w] - y;
  if (model.s.travel.metric === "euclidean") return [x + f * dx, y + f * dy];
  const walked = f * (Math.abs(dx) + Math.abs(dy));
  return walked <= Math.abs(dx) ? [x + Math.sign(dx) * walked, y] : [wf.postX[w], y + Math.sign(dy) * (walked - Math.abs(dx))];
}

/** Distance under the scenario's travel metric. */
export function distance(s: Scenario, ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return s.travel.metric === "euclidean" ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx) + Math.abs(dy);
}
