import { COMPARED_MEASURES, compareRuns, type ComparedMeasure, type MeasureComparison } from "../sim/experiments/compareRuns.js";
import { districtDifference } from "../sim/experiments/districtDifference.js";
import { combineReplications, type RunResult } from "../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../sim/metrics/ReplicationCollector.js";
import { meanInterval } from "../sim/metrics/studentT.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { progressReporter } from "./progressReporter.js";
import type { ReplicationRunner } from "./ReplicationRunner.js";
import { InterruptedRunError, runJobs } from "./runScenarioOn.js";
import { UserError } from "./UserError.js";

/** `--precision responseTime.mean=2%`, read: every scenario's 95 % half-width within 2 % of its mean. */
export interface PrecisionTarget {
  /** As given on the command line. */
  spec: string;
  measure: ComparedMeasure;
  relative: number;
  reached: (runs: RunResult[]) => boolean;
}

/** Reads `--precision measure=2%`. */
export function precisionTarget(spec: string): PrecisionTarget {
  const m = /^([\w.]+)=([\d.]+)%$/.exec(spec);
  const measure = m && COMPARED_MEASURES.find((x) => x.name === m[1]);
  if (!m || !measure || !(Number(m[2]) > 0)) {
    throw new UserError(`--precision: expected <measure>=<percent>% with a measure among ${COMPARED_MEASURES.map((x) => x.name).join(", ")}, found "${spec}"`);
  }
  const relative = Number(m[2]) / 100;
  return {
    spec,
    measure,
    relative,
    reached: (runs) =>
      runs.every((r) => {
        const v = r.perReplication.map(measure.value).filter((x): x is number => x !== null && Number.isFinite(x));
        if (v.length < 2) return false;
        const iv = meanInterval(v);
        return (iv.ci95[1] - iv.ci95[0]) / 2 <= relative * Math.abs(iv.mean);
      }),
  };
}

/** A scenario to compare, with the warnings its checks gave. */
export interface ComparedScenario {
  scenario: Scenario;
  warnings: string[];
}

/**
 * Adds to each scenario after the first a warning when it describes another district than
 * the first: its differences are then not its rules' alone.
 */
export function withDistrictWarnings<T extends ComparedScenario>(scenarios: readonly T[]): T[] {
  return scenarios.map((f, k) => {
    const other = k > 0 ? districtDifference(scenarios[0].scenario, f.scenario) : null;
    return other ? { ...f, warnings: [...f.warnings, other] } : f;
  });
}

/** How a comparison runs: the first batch of replications, and with a precision target, batches until it is reached or the cap. */
export interface ComparisonOptions {
  seed: number | string;
  replications: number;
  precision: PrecisionTarget | null;
  maxReplications: number;
}

/** What a comparison found, and the JSON `gridgov compare` writes (`comparison.json`). */
export interface Comparison {
  runs: RunResult[];
  comparisons: MeasureComparison[][];
  /** With a precision target: whether it was reached, after how many replications. */
  precision: { measure: string; relativeHalfWidth: number; replications: number; reached: boolean } | null;
  json: string;
}

/** A completed (scenario, replication) unit of a comparison. */
export interface ComparisonUnit {
  scenario: number;
  replication: number;
  result: ReplicationResult;
}

/**
 * Runs every scenario with common random numbers (same seed, so replication k of each
 * faces the same incidents), all scenarios' replications of a round as one batch on
 * `runner`, and compares each with the first. Units in `done` (an interrupted comparison's,
 * for `--resume`) are taken as they are, in their round, and not run again. When `stop` is
 * aborted, `keepPartial` is given every completed unit — earlier rounds whole, the last as
 * far as it got, and those of `done` not reached yet — before {@link InterruptedRunError}
 * is thrown on.
 */
export async function runComparison(
  runner: ReplicationRunner,
  scenarios: readonly ComparedScenario[],
  options: ComparisonOptions,
  stop?: AbortSignal,
  keepPartial?: (e: InterruptedRunError, completed: ComparisonUnit[]) => void,
  done: readonly ComparisonUnit[] = [],
): Promise<Comparison> {
  const { seed, replications, precision, maxReplications } = options;
  // Every scenario runs the same replications (0 … n − 1); with a precision target, batches
  // are added to all of them until each scenario's interval of the chosen measure is narrow enough.
  const results = scenarios.map(() => [] as ReplicationResult[]);
  let n = 0;
  let target = replications;
  let runs: RunResult[];
  const kept = new Map(done.map((u) => [`${u.scenario}/${u.replication}`, u]));
  for (;;) {
    const progress = progressReporter(`${scenarios.length} scenarios: run`);
    // This round's units: replications n … target − 1 of every scenario, those kept taken as they are.
    const round = scenarios.flatMap((_, scenario) => Array.from({ length: target - n }, (_, k) => ({ scenario, replication: n + k })));
    const todo = round.filter((u) => !kept.has(`${u.scenario}/${u.replication}`));
    let fresh: ReplicationResult[];
    try {
      fresh = await runJobs(runner, todo.map((u) => ({ scenario: scenarios[u.scenario].scenario, seed, replication: u.replication })), progress.update, stop, (j) => todo[j].scenario);
    } catch (e) {
      if (e instanceof InterruptedRunError && keepPartial) {
        const unit = (scenario: number, result: ReplicationResult) => ({ scenario, replication: result.replication, result });
        keepPartial(e, [...results.flatMap((rs, k) => rs.map((r) => unit(k, r))), ...kept.values(), ...e.completed.map((r, i) => unit(e.completedScenarios[i], r))]);
      }
      throw e;
    }
    progress.done();
    let next = 0;
    for (const u of round) {
      const key = `${u.scenario}/${u.replication}`;
      const k = kept.get(key);
      kept.delete(key);
      results[u.scenario].push(k ? k.result : fresh[next++]);
    }
    n = target;
    runs = scenarios.map(({ scenario, warnings }, k) => combineReplications(scenario, seed, results[k], warnings));
    if (!precision || precision.reached(runs) || n >= maxReplications) break;
    target = Math.min(maxReplications, n + replications);
  }
  const reached = precision ? { measure: precision.measure.name, relativeHalfWidth: precision.relative, replications: n, reached: precision.reached(runs) } : null;
  const comparisons = compareRuns(runs);
  const output = {
    seed,
    replications: n,
    precision: reached,
    baseline: runs[0].scenario,
    scenarios: runs.slice(1).map((r, k) => ({ scenario: r.scenario, against: runs[0].scenario.name, measures: comparisons[k] })),
    runs,
  };
  return { runs, comparisons, precision: reached, json: JSON.stringify(output, null, 2) + "\n" };
}
