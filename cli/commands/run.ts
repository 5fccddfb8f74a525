import { defaultWorkers } from "../WorkerPool.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { rmSync } from "node:fs";
import type { RunResult } from "../../sim/experiments/runScenario.js";
import { scenarioHash } from "../../sim/scenario/scenarioHash.js";
import { readRunPartial, refuseToReplaceKept } from "../keptUnits.js";
import { InterruptedRunError, runPoints } from "../runScenarioOn.js";
import { formatRunTable } from "../formatRunTable.js";
import { interruptSignal } from "../interruptSignal.js";
import { intFlag, parseArgs, seedFlag, type FlagSpec } from "../parseArgs.js";
import { progressReporter } from "../progressReporter.js";
import { runManifest } from "../runManifest.js";
import { readScenarioFile, scenarioOverrides } from "../readScenarioFile.js";
import { UserError } from "../UserError.js";
import { checkOutputFiles } from "../checkOutputFiles.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

export const RUN_FLAGS = { seed: "string", replications: "string", days: "string", set: "list", workers: "string", json: "boolean", out: "string", resume: "boolean" } satisfies FlagSpec;

export const RUN_USAGE = `gridgov run <scenario.json> [--seed N] [--replications N] [--days N] [--set path=value ...] [--workers N] [--json] [--out FILE [--resume]]
      runs one scenario; --out FILE is a file: the JSON result with its run manifest; --resume continues an interrupted run from FILE's .partial.json`;

/** `gridgov run`: runs one scenario and prints a table (or JSON). */
export async function runCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, RUN_FLAGS, "run");
  if (positional.length !== 1) throw new UserError(`usage: ${RUN_USAGE}`);
  const seed = seedFlag(flags);
  const replications = intFlag(flags, "replications", 10, 1, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const { scenario, warnings, fileWarnings } = readScenarioFile(positional[0], scenarioOverrides(flags));
  for (const w of [...fileWarnings, ...warnings]) process.stderr.write(`warning: ${w}\n`);
  const out = flags.out as string | undefined;
  if (flags.resume && out === undefined) throw new UserError("--resume needs --out FILE: the interrupted run kept its replications beside that file");
  // Checked before anything runs: the kept replications must be this run's.
  const earlier = flags.resume ? readRunPartial(partialFile(out!), { baseHash: scenarioHash(scenario), seed, replications }) : null;
  if (earlier) process.stderr.write(`resuming: ${earlier.completed.length} of ${replications} replications done, from ${partialFile(out!)}\n`);
  else if (out !== undefined) refuseToReplaceKept(partialFile(out), "run");
  if (out !== undefined) checkOutputFiles([out, partialFile(out)]);
  const startedAt = new Date();
  const manifest = () => ({ ...runManifest(scenario, seed, replications, ["gridgov", "run", ...argv], startedAt), resumed: earlier?.runs });
  const progress = progressReporter(`${scenario.name}: replication`);
  const stop = interruptSignal();
  let result: RunResult;
  const runner = new ReplicationRunner(workers);
  try {
    // One point: the kept replications are taken as they are, the others run.
    [result] = await runPoints(runner, [{ scenario, warnings }], seed, replications, progress.update, stop.signal, earlier?.completed);
  } catch (e) {
    if (e instanceof InterruptedRunError && out !== undefined) {
      e.keepIn(partialFile(out), { manifest: manifest(), completed: e.completed }, 2);
      e.message += "; add --resume to the same command to continue";
    }
    throw e;
  } finally {
    stop.dispose();
    await runner.close();
  }
  progress.done();
  const json = JSON.stringify(result, null, 2) + "\n";
  if (out !== undefined) {
    writeFileAtomic(out, JSON.stringify({ manifest: manifest(), result }, null, 2) + "\n");
    // Its replications are in the result now.
    if (earlier) rmSync(partialFile(out), { force: true });
  }
  process.stdout.write(flags.json ? json : formatRunTable(result));
  return 0;
}

/** Where an interrupted run keeps its completed replications: `results.json` → `results.partial.json`. */
export function partialFile(out: string): string {
  return out.endsWith(".json") ? `${out.slice(0, -5)}.partial.json` : `${out}.partial.json`;
}
