import { defaultWorkers } from "../WorkerPool.js";
import { runScenarioOn } from "../runScenarioOn.js";
import { formatRunTable } from "../formatRunTable.js";
import { intFlag, parseArgs } from "../parseArgs.js";
import { progressReporter } from "../progressReporter.js";
import { runManifest } from "../runManifest.js";
import { readScenarioFile } from "../readScenarioFile.js";
import { UserError } from "../UserError.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

export const RUN_USAGE = `gridgov run <scenario.json> [--seed N] [--replications N] [--days N] [--set path=value ...] [--workers N] [--json] [--out results.json]`;

/** `gridgov run`: runs one scenario and prints a table (or JSON). */
export async function runCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(
    argv,
    { seed: "string", replications: "string", days: "string", set: "list", json: "boolean", out: "string", workers: "string" },
    "run",
  );
  if (positional.length !== 1) throw new UserError(`usage: ${RUN_USAGE}`);
  const overrides = [...((flags.set as string[] | undefined) ?? [])];
  if (flags.days !== undefined) overrides.push(`run.days=${flags.days}`);
  const seedText = (flags.seed as string | undefined) ?? "1";
  const seed = /^\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText;
  const replications = intFlag(flags, "replications", 10, 1, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const { scenario, warnings } = readScenarioFile(positional[0], overrides);
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  const startedAt = new Date();
  const progress = progressReporter(`${scenario.name}: replication`);
  const result = await runScenarioOn(workers, scenario, { seed, replications, onProgress: progress.update }, warnings);
  progress.done();
  const json = JSON.stringify(result, null, 2) + "\n";
  if (flags.out !== undefined) {
    const manifest = runManifest(scenario, seed, replications, ["gridgov", "run", ...argv], startedAt);
    writeFileAtomic(flags.out as string, JSON.stringify({ manifest, result }, null, 2) + "\n");
  }
  process.stdout.write(flags.json ? json : formatRunTable(result));
  return 0;
}
