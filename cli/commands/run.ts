import { defaultWorkers } from "../WorkerPool.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { InterruptedRunError, runScenarioOn } from "../runScenarioOn.js";
import { formatRunTable } from "../formatRunTable.js";
import { interruptSignal } from "../interruptSignal.js";
import { intFlag, parseArgs, seedFlag, type FlagSpec } from "../parseArgs.js";
import { progressReporter } from "../progressReporter.js";
import { runManifest } from "../runManifest.js";
import { readScenarioFile, scenarioOverrides } from "../readScenarioFile.js";
import { UserError } from "../UserError.js";
import { checkOutputFiles } from "../checkOutputFiles.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

export const RUN_FLAGS = { seed: "string", replications: "string", days: "string", set: "list", workers: "string", json: "boolean", out: "string" } satisfies FlagSpec;

export const RUN_USAGE = `gridgov run <scenario.json> [--seed N] [--replications N] [--days N] [--set path=value ...] [--workers N] [--json] [--out FILE]
      runs one scenario; --out FILE is a file: the JSON result with its run manifest`;

/** `gridgov run`: runs one scenario and prints a table (or JSON). */
export async function runCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, RUN_FLAGS, "run");
  if (positional.length !== 1) throw new UserError(`usage: ${RUN_USAGE}`);
  const seed = seedFlag(flags);
  const replications = intFlag(flags, "replications", 10, 1, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const { scenario, warnings, fileWarnings } = readScenarioFile(positional[0], scenarioOverrides(flags));
  for (const w of [...fileWarnings, ...warnings]) process.stderr.write(`warning: ${w}\n`);
  if (flags.out !== undefined) checkOutputFiles([flags.out as string, partialFile(flags.out as string)]);
  const startedAt = new Date();
  const progress = progressReporter(`${scenario.name}: replication`);
  const stop = interruptSignal();
  let result;
  const runner = new ReplicationRunner(workers);
  try {
    result = await runScenarioOn(runner, scenario, { seed, replications, onProgress: progress.update }, warnings, stop.signal);
  } catch (e) {
    if (e instanceof InterruptedRunError && flags.out !== undefined) {
      const manifest = runManifest(scenario, seed, replications, ["gridgov", "run", ...argv], startedAt);
      e.keepIn(partialFile(flags.out as string), { manifest, completed: e.completed }, 2);
    }
    throw e;
  } finally {
    stop.dispose();
    await runner.close();
  }
  progress.done();
  const json = JSON.stringify(result, null, 2) + "\n";
  if (flags.out !== undefined) {
    const manifest = runManifest(scenario, seed, replications, ["gridgov", "run", ...argv], startedAt);
    writeFileAtomic(flags.out as string, JSON.stringify({ manifest, result }, null, 2) + "\n");
  }
  process.stdout.write(flags.json ? json : formatRunTable(result));
  return 0;
}

/** Where an interrupted run keeps its completed replications: `results.json` → `results.partial.json`. */
export function partialFile(out: string): string {
  return out.endsWith(".json") ? `${out.slice(0, -5)}.partial.json` : `${out}.partial.json`;
}
