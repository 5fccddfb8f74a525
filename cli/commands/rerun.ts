import { existsSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ENGINE_VERSION } from "../../sim/version.js";
import { z } from "zod";
import { checkShape, expected, jsonObject, recordedSeed, replicationCount } from "../checkShape.js";
import { findOptimum, optimumScenarios, optimumSearch, type OptimumSearch } from "../findOptimum.js";
import { intFlag, parseArgs, type FlagSpec } from "../parseArgs.js";
import { OPTIMIZE_FLAGS } from "./optimize.js";
import { progressReporter } from "../progressReporter.js";
import { readJsonFile } from "../readTextFile.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { runScenarioOn } from "../runScenarioOn.js";
import { OUTPUT_MANIFEST } from "../outputManifest.js";
import { noteOtherCommit } from "../runManifest.js";
import { recordedScenario } from "../recordedScenario.js";
import { firstDifferentLine, rerunOutputs } from "../rerunOutputs.js";
import type { CheckedScenario } from "../variantScenarios.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { UserError } from "../UserError.js";
import { defaultWorkers } from "../WorkerPool.js";

/** What rerun needs of a result file (written by `gridgov run --out` or `gridgov optimize --out`). */
const resultFileSchema = z.object(
  {
    manifest: z.object(
      {
        engineVersion: z.string(expected("the engine version (text)")),
        seed: recordedSeed,
        replications: replicationCount,
        scenario: z.object({ name: z.string(expected("text")), hash: z.string(expected("the scenario's hash (text)")), data: jsonObject("the scenario (an object)") }, expected("the scenario (an object)")),
      },
      expected("the run manifest (an object)"),
    ),
    result: jsonObject("the result (an object)"),
  },
  expected("a result file (an object)"),
);

/** Files of a results directory: given one of them, rerun checks the directory. */
const OUTPUT_FILES = [OUTPUT_MANIFEST, "sweep.json", "sweep.csv", "summary.csv", "comparison.json"];

export const RERUN_FLAGS = { workers: "string" } satisfies FlagSpec;

export const RERUN_USAGE = `gridgov rerun <results.json | DIR> [--workers N]
      runs a result file of gridgov run or optimize --out, or a directory of gridgov sweep, merge or compare --out, again and checks it byte for byte`;

/**
 * `gridgov rerun results.json`: runs again what a result file's manifest describes
 * (its embedded scenario, seed and replications) and reports whether the new result
 * matches the stored one byte for byte. Exit 0 if it does, 1 if not. Given a directory of
 * results (or one of its files), checks it from its manifest instead (see {@link rerunOutputs}).
 */
export async function rerunCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, RERUN_FLAGS, "rerun");
  if (positional.length !== 1) throw new UserError(`usage: ${RERUN_USAGE}`);
  const file = positional[0];
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  if (existsSync(file) && statSync(file).isDirectory()) return rerunOutputs(file, workers);
  // A file of a results directory stands for the directory — unless it is a run's result saved under such a name.
  const inResults = OUTPUT_FILES.includes(basename(file));
  if (inResults && existsSync(join(dirname(file), OUTPUT_MANIFEST))) return rerunOutputs(dirname(file), workers);
  const data = readJsonFile(file, "result file") as { partial?: unknown; manifest?: { command?: unknown; scenario?: unknown }; result?: Record<string, unknown> } | null;
  if (inResults && data?.manifest?.scenario === undefined) return rerunOutputs(dirname(file), workers);
  const command = Array.isArray(data?.manifest?.command) ? data.manifest.command : [];
  if (data?.partial === true) {
    const next = command[1] === "run" || command[1] === "sweep" || command[1] === "compare" ? "to continue it, give its command again with --resume" : "it can be neither rerun nor continued; run its command again";
    throw new UserError(`${file}: expected a complete result file, found the partial result of an interrupted run; ${next}`);
  }
  if (command[0] === "gridgov" && command[1] !== "run" && command[1] !== "optimize") {
    throw new UserError(`${file}: expected a result file of gridgov run or optimize --out, found one of gridgov ${String(command[1])}; to reproduce it, run its manifest.command again`);
  }
  // An optimize result is rerun from its command's target, lever and range: without the command it cannot be.
  const optimize = command[1] === "optimize" || (data?.result !== undefined && "lever" in data.result && "target" in data.result);
  if (optimize && command[1] !== "optimize") {
    throw new UserError(`${file}: manifest.command: expected the recorded command of gridgov optimize (a list of words), found ${command.length ? JSON.stringify(command).slice(0, 60) : "nothing"}; nothing was run`);
  }
  const stored = checkShape(file, data, resultFileSchema, "expected a result file written by gridgov run or optimize --out; nothing was run");
  const m = stored.manifest;
  const parsed = recordedScenario(file, "manifest.scenario", m.scenario);
  if (m.engineVersion !== ENGINE_VERSION) {
    process.stderr.write(`note: ${file} was made by engine ${m.engineVersion}; this is ${ENGINE_VERSION}\n`);
  } else noteOtherCommit(file, (data?.manifest as { gitCommit?: unknown } | undefined)?.gitCommit);
  // The target, lever and range as the command gave them; the scenario as it ran (its --set and --days applied).
  const recorded = optimize ? recordedSearch(file, command.slice(2).map(String), parsed.scenario) : null;
  let again: unknown;
  const runner = new ReplicationRunner(workers);
  if (recorded) {
    again = await findOptimum(runner, parsed.scenario, recorded.search, recorded.scenarios, m.seed, m.replications).finally(() => runner.close());
  } else {
    const progress = progressReporter(`${m.scenario.name}: replication`);
    again = await runScenarioOn(runner, parsed.scenario, { seed: m.seed, replications: m.replications, onProgress: progress.update }, parsed.warnings).finally(() => runner.close());
    progress.done();
  }
  const a = JSON.stringify(stored.result, null, 2);
  const b = JSON.stringify(again, null, 2);
  if (a === b) {
    process.stdout.write(`${file}: reproduced byte for byte (${m.replications} replications, seed ${m.seed}, scenario ${m.scenario.hash.slice(0, 12)})\n`);
    return 0;
  }
  process.stdout.write(`${file}: does NOT match: the results first differ at line ${firstDifferentLine(a, b)} of the result JSON\n`);
  return 1;
}

/** The search an optimize result's recorded command describes; a problem with it names the file's field. */
function recordedSearch(file: string, args: string[], base: Scenario): { search: OptimumSearch; scenarios: CheckedScenario[] } {
  try {
    const search = optimumSearch(parseArgs(args, OPTIMIZE_FLAGS, "optimize").flags);
    return { search, scenarios: optimumScenarios(base, search, `${file} (manifest.scenario.data)`) };
  } catch (e) {
    if (e instanceof UserError && !e.message.startsWith(file)) throw new UserError(`${file}: manifest.command: ${e.message}; nothing was run`);
    throw e;
  }
}
