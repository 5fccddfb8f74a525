import { combineReplications, type RunOptions, type RunResult } from "../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../sim/metrics/ReplicationCollector.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import type { CompletedUnit } from "./keptUnits.js";
import type { ReplicationJob, ReplicationRunner } from "./ReplicationRunner.js";
import { UserError } from "./UserError.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/**
 * Runs a scenario's replications on `runner` (in this thread or on worker threads); the
 * result is the same, byte for byte, either way. Failed replications are reported with
 * the scenario, seed and replication; the others still run. When `stop` is aborted
 * (Ctrl-C), no new replication starts and {@link InterruptedRunError} carries the ones
 * completed.
 */
export async function runScenarioOn(
  runner: ReplicationRunner,
  scenario: Scenario,
  options: RunOptions,
  warnings: readonly string[],
  stop?: AbortSignal,
): Promise<RunResult> {
  const jobs = Array.from({ length: options.replications }, (_, replication) => ({ scenario, seed: options.seed, replication }));
  const results = await runJobs(runner, jobs, options.onProgress, stop);
  return combineReplications(scenario, options.seed, results, warnings);
}

/**
 * Runs replications 0 … `replications` − 1 of every point, all (point, replication) units
 * as one batch on `runner` (so worker threads stay busy across points), and combines each
 * point's replications. Units in `done` (an interrupted run's or sweep's, for `--resume`) are
 * taken as they are and not run again. What `gridgov sweep` runs (and `gridgov run`, with one
 * point); the sweep benchmark times it.
 * When `stop` is aborted, throws {@link InterruptedRunError} with every unit completed,
 * those of `done` included, each with its point (as `completedScenarios`).
 */
export async function runPoints(
  runner: ReplicationRunner,
  points: ReadonlyArray<{ scenario: Scenario; warnings: readonly string[] }>,
  seed: number | string,
  replications: number,
  onProgress?: (done: number, total: number) => void,
  stop?: AbortSignal,
  done: readonly CompletedUnit[] = [],
): Promise<RunResult[]> {
  const byPoint: ReplicationResult[][] = points.map(() => []);
  for (const u of done) byPoint[u.point].push(u.result);
  const have = new Set(done.map((u) => `${u.point}/${u.replication}`));
  const todo = points.flatMap((_, point) => Array.from({ length: replications }, (_, replication) => ({ point, replication }))).filter((u) => !have.has(`${u.point}/${u.replication}`));
  let results: ReplicationResult[];
  try {
    results = await runJobs(runner, todo.map((u) => ({ scenario: points[u.point].scenario, seed, replication: u.replication })), onProgress, stop, (j) => todo[j].point);
  } catch (e) {
    if (e instanceof InterruptedRunError && done.length > 0) {
      throw new InterruptedRunError([...done.map((u) => u.result), ...e.completed], points.length * replications, [...done.map((u) => u.point), ...e.completedScenarios]);
    }
    throw e;
  }
  todo.forEach((u, k) => byPoint[u.point].push(results[k]));
  return points.map(({ scenario, warnings }, k) => combineReplications(scenario, seed, byPoint[k], warnings));
}

/**
 * Runs any list of jobs on `runner` and returns their results in the list's order. If
 * some fail, throws {@link IncompleteRunError} naming each (scenario, seed, replication);
 * if `stop` was aborted, {@link InterruptedRunError} with the completed results, each with
 * the scenario `scenarioOf` gives its job (by the job's position in the list).
 */
export async function runJobs(
  runner: ReplicationRunner,
  jobs: readonly ReplicationJob[],
  onProgress?: (done: number, total: number) => void,
  stop?: AbortSignal,
  scenarioOf: (job: number) => number = () => 0,
): Promise<ReplicationResult[]> {
  const outcomes = await runner.run(jobs, onProgress, stop);
  const done: ReplicationResult[] = [];
  const doneScenarios: number[] = [];
  const failed: string[] = [];
  outcomes.forEach((o, k) => {
    if (o?.ok) {
      done.push(o.result);
      doneScenarios.push(scenarioOf(k));
    } else if (o) failed.push(`${jobs[k].scenario.name}, seed ${jobs[k].seed}, replication ${jobs[k].replication}: ${o.error.split("\n")[0]}`);
  });
  if (stop?.aborted) throw new InterruptedRunError(done, jobs.length, doneScenarios);
  if (failed.length > 0) throw new IncompleteRunError(`${failed.length} of ${jobs.length} replications failed:\n${failed.join("\n")}`);
  return done;
}

/** Some replications could not be run: the run is incomplete (exit code 3). */
export class IncompleteRunError extends UserError {
  readonly exitCode = 3;
}

/**
 * The run was interrupted (Ctrl-C); `completed` holds the replications that finished and
 * `completedScenarios` the scenario of each, by its place among the scenarios run
 * together (0 when there was one) (exit code 130).
 */
export class InterruptedRunError extends UserError {
  readonly exitCode = 130;
  constructor(
    readonly completed: ReplicationResult[],
    readonly total: number,
    readonly completedScenarios: number[],
  ) {
    super(`interrupted: ${completed.length} of ${total} replications completed`);
  }

  /**
   * Keeps what was done: writes `contents` to `file`, marked `"partial": true` with a note
   * that it is not a complete result (so it cannot be mistaken for one), and says where in
   * this error's message. `space` indents the JSON as `JSON.stringify` does.
   */
  keepIn(file: string, contents: Record<string, unknown>, space?: number): void {
    writeFileAtomic(file, JSON.stringify({ partial: true, note: `${this.message}; this is NOT a complete result`, ...contents }, null, space) + "\n");
    this.message += `; the completed ones are in ${file}`;
  }
}
