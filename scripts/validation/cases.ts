import type { ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import {
  centralPostTravelDistance,
  mmcQueueWait,
  pollaczekKhinchineWait,
  roamingTravelDistance,
} from "./theory.js";

/** A plausible wrong answer the simulated interval must be narrow enough to reject. */
export interface Rival {
  label: string;
  value: number;
}

/** One comparison of the engine with a textbook result. */
export interface ValidationCase {
  /** Behaviour checked, in words; used as the test name and the report's row label. */
  name: string;
  /** Test file family the case belongs to (tests/validation/<suite>.test.ts). */
  suite: "erlangC" | "mmcPatrol" | "pollaczekKhinchine" | "travelDistance";
  /** Scenario file in `scenarios/validation/`. */
  scenario: string;
  /** The textbook result, e.g. "Erlang C". */
  theoryName: string;
  /** Model parameters, in words, for the report. */
  parameters: string;
  /** Unit of {@link theory} and {@link simulated}. */
  unit: string;
  /** The value one replication measured. */
  simulated: (result: ReplicationResult, scenario: Scenario) => number;
  /** The value theory predicts; Little's law cases compute it from the replications' own λ and W. */
  theory: (scenario: Scenario, results: readonly ReplicationResult[]) => number;
  /** Plausible wrong answers that the interval must exclude. */
  rivals: (scenario: Scenario, results: readonly ReplicationResult[]) => Rival[];
}

/** Root seed of every validation run. */
export const VALIDATION_SEED = 20240601;
/** Replications per case in the test suite. */
export const TEST_REPLICATIONS = 30;
/** Replications per case in `docs/validation.md`. */
export const REPORT_REPLICATIONS = 60;
/** Probability that at least one correct case fails by chance, over the whole suite (before Bonferroni). */
export const FAMILY_ALPHA = 0.01;

/** Arrival rate (per minute), servers and service moments of a single-grid, single-category queue scenario. */
export function queueOf(s: Scenario): { c: number; lambda: number; mean: number; variance: number } {
  const spec = s.incidents.categories[0].serviceTime;
  const skill = s.staffing.skill;
  let mean: number;
  let variance: number;
  switch (spec.type) {
    case "exponential":
      [mean, variance] = [spec.mean, spec.mean * spec.mean];
      break;
    case "deterministic":
      [mean, variance] = [spec.value, 0];
      break;
    case "lognormal":
    case "gamma":
      [mean, variance] = [spec.mean, (spec.mean * spec.cv) ** 2];
      break;
    default:
      throw new Error(`no textbook moments for ${spec.type} service`);
  }
  if (s.incidents.ratePerHour === undefined) throw new Error("validation scenarios give incidents.ratePerHour");
  return { c: s.staffing.workersPerGrid, lambda: s.incidents.ratePerHour / 60, mean: mean / skill, variance: variance / skill ** 2 };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const queueWait = (r: ReplicationResult) => r.metrics.queueWait.mean;
const metresPerMinute = (s: Scenario) => (s.travel.speedKmh * 1000) / 60;
const travelMetres = (r: ReplicationResult, s: Scenario) => r.metrics.travelTime.mean * metresPerMinute(s);
const gridArea = (s: Scenario) => (s.district.widthMeters / s.grids.columns!) * (s.district.heightMeters / s.grids.rows!);
const erlang = (s: Scenario) => {
  const q = queueOf(s);
  return mmcQueueWait(q.c, q.lambda, q.mean);
};
const pk = (s: Scenario) => {
  const q = queueOf(s);
  return pollaczekKhinchineWait(q.lambda, q.mean, q.variance);
};
/** The M/M/1 answer: one server c times as fast (pooling mistaken for a single fast worker). */
const oneFastServer = (s: Scenario): Rival => {
  const q = queueOf(s);
  return { label: `M/M/1 with a ${q.c}× faster worker`, value: mmcQueueWait(1, q.lambda, q.mean / q.c) };
};
const wrongC = (s: Scenario, dc: number): Rival => {
  const q = queueOf(s);
  return { label: `M/M/c with c = ${q.c + dc}`, value: mmcQueueWait(q.c + dc, q.lambda, q.mean) };
};
const mm1 = (s: Scenario): Rival => {
  const q = queueOf(s);
  return { label: "M/M/1 (exponential handling)", value: mmcQueueWait(1, q.lambda, q.mean) };
};
const md1 = (s: Scenario): Rival => {
  const q = queueOf(s);
  return { label: "M/D/1 (constant handling)", value: pollaczekKhinchineWait(q.lambda, q.mean, 0) };
};

function erlangCase(suite: ValidationCase["suite"], scenario: string, c: number, rho: string, parameters: string, rivals: ValidationCase["rivals"]): ValidationCase {
  return { name: `queue wait matches Erlang C for c=${c}, ρ=${rho}`, suite, scenario, theoryName: "Erlang C", parameters, unit: "min", simulated: queueWait, theory: erlang, rivals };
}

function pkCase(name: string, scenario: string, parameters: string, rivals: ValidationCase["rivals"]): ValidationCase {
  return { name, suite: "pollaczekKhinchine", scenario, theoryName: "Pollaczek–Khinchine", parameters, unit: "min", simulated: queueWait, theory: pk, rivals };
}

/** Little's law L = λW and Lq = λWq on the outputs of `scenario`. */
function littleCases(suite: ValidationCase["suite"], scenario: string, label: string, parameters: string): ValidationCase[] {
  const lambdaTimes = (results: readonly ReplicationResult[], w: (r: ReplicationResult) => number) =>
    mean(results.map((r) => r.little.lambda * w(r)));
  const W = (r: ReplicationResult) => r.metrics.resolutionTime.mean;
  return [
    {
      name: `time-average number in system L equals λW (Little's law) for ${label}`,
      suite,
      scenario,
      theoryName: "Little's law, λ·W from the same runs",
      parameters,
      unit: "incidents",
      simulated: (r) => r.little.L,
      theory: (_s, results) => lambdaTimes(results, W),
      rivals: (_s, results) => [{ label: "λ·Wq (waiting incidents only)", value: lambdaTimes(results, queueWait) }],
    },
    {
      name: `time-average queue length Lq equals λWq (Little's law) for ${label}`,
      suite,
      scenario,
      theoryName: "Little's law, λ·Wq from the same runs",
      parameters,
      unit: "incidents",
      simulated: (r) => r.little.Lq,
      theory: (_s, results) => lambdaTimes(results, queueWait),
      rivals: (_s, results) => [{ label: "λ·W (incidents in handling too)", value: lambdaTimes(results, W) }],
    },
  ];
}

/** Every validation case, in report order. */
export const VALIDATION_CASES: readonly ValidationCase[] = [
  erlangCase("erlangC", "mm1-rho05.json", 1, "0.5", "c=1, λ=3/h, exponential handling, mean 10 min", (s) => [md1(s)]),
  erlangCase("erlangC", "mm2-rho08.json", 2, "0.8", "c=2, λ=9.6/h, exponential handling, mean 10 min", (s) => [oneFastServer(s), wrongC(s, 1)]),
  erlangCase("erlangC", "mm5-rho09.json", 5, "0.9", "c=5, λ=27/h, exponential handling, mean 10 min", (s) => [oneFastServer(s), wrongC(s, 1)]),
  erlangCase("mmcPatrol", "mmc-patrol.json", 10, "0.8", "M/M/c patrol: c=10, λ=8/h, exponential handling, mean 60 min", (s) => [oneFastServer(s), wrongC(s, -1), wrongC(s, 1)]),
  pkCase("queue wait matches Pollaczek–Khinchine for M/D/1, ρ=0.8", "md1-rho08.json", "c=1, λ=4.8/h, constant handling 10 min", (s) => [mm1(s)]),
  pkCase("queue wait matches Pollaczek–Khinchine for lognormal handling (cv 0.5), ρ=0.8", "mg1-lognormal.json", "c=1, λ=4.8/h, lognormal handling, mean 10 min, cv 0.5", (s) => [mm1(s), md1(s)]),
  pkCase("queue wait matches Pollaczek–Khinchine for gamma handling (cv 2), ρ=0.5", "mg1-gamma.json", "c=1, λ=3/h, gamma handling, mean 10 min, cv 2", (s) => [mm1(s)]),
  {
    name: "roaming worker travels (2/3)·√A on average (Larson & Odoni 3.12a)",
    suite: "travelDistance",
    scenario: "travel-roaming.json",
    theoryName: "(2/3)·√A, right-angle distance",
    parameters: "1 worker, grid 1000 m × 1000 m, uniform incidents, stays at the last site, λ=2/h",
    unit: "m",
    simulated: travelMetres,
    theory: (s) => roamingTravelDistance(gridArea(s)),
    rivals: (s) => [{ label: "0.5·√A (start from the grid centre)", value: centralPostTravelDistance(gridArea(s)) }],
  },
  {
    name: "worker returning to the grid centre travels 0.5·√A on average",
    suite: "travelDistance",
    scenario: "travel-central-post.json",
    theoryName: "0.5·√A, right-angle distance",
    parameters: "1 worker, grid 1000 m × 1000 m, uniform incidents, back to the centre before the next, λ=2/h",
    unit: "m",
    simulated: travelMetres,
    theory: (s) => centralPostTravelDistance(gridArea(s)),
    rivals: (s) => [{ label: "(2/3)·√A (start from the last site)", value: roamingTravelDistance(gridArea(s)) }],
  },
  ...littleCases("mmcPatrol", "mmc-patrol.json", "the M/M/c patrol case", "c=10, λ=8/h, exponential handling, mean 60 min"),
  ...littleCases("pollaczekKhinchine", "mg1-gamma.json", "gamma handling (cv 2)", "c=1, λ=3/h, gamma handling, mean 10 min, cv 2"),
];

/**
 * Two-sided confidence level of each case's interval: Bonferroni over all cases, so the
 * chance that any correct case falls outside its interval is at most {@link FAMILY_ALPHA}.
 */
export const CASE_CONFIDENCE = 1 - FAMILY_ALPHA / VALIDATION_CASES.length;
