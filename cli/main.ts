import { ENGINE_VERSION } from "../sim/version.js";
import { compareCommand, COMPARE_USAGE } from "./commands/compare.js";
import { mergeCommand } from "./commands/merge.js";
import { optimizeCommand, OPTIMIZE_USAGE } from "./commands/optimize.js";
import { rerunCommand } from "./commands/rerun.js";
import { runCommand, RUN_USAGE } from "./commands/run.js";
import { schemaCommand } from "./commands/schema.js";
import { sweepCommand, SWEEP_USAGE } from "./commands/sweep.js";
import { validateCommand } from "./commands/validate.js";
import { UserError } from "./UserError.js";

const USAGE = `GridGov ${ENGINE_VERSION} — simulate grid governance

usage:
  ${RUN_USAGE}
  ${COMPARE_USAGE}
  ${SWEEP_USAGE}
  ${OPTIMIZE_USAGE}
  gridgov merge <dir/>                               # combine the shard files of a sweep
  gridgov rerun <results.json>                       # reproduce a result file and check it byte for byte
  gridgov validate <scenario.json> [more.json ...]
  gridgov schema > scenario.schema.json

Docs: docs/user-guide.md`;

const COMMANDS: Record<string, (argv: readonly string[]) => number | Promise<number>> = {
  run: runCommand,
  compare: compareCommand,
  rerun: rerunCommand,
  sweep: sweepCommand,
  merge: mergeCommand,
  optimize: optimizeCommand,
  validate: validateCommand,
  schema: schemaCommand,
};

/**
 * Runs the command line and returns the exit code: 0 done, 2 bad input (message
 * on stderr, no stack trace), 3 an incomplete run (some replications failed), 1 an
 * internal error.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(USAGE + "\n");
    return command ? 0 : 2;
  }
  if (command === "--version") {
    process.stdout.write(ENGINE_VERSION + "\n");
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UserError(`unknown command "${command}"; expected one of: ${Object.keys(COMMANDS).join(", ")}\n\n${USAGE}`);
    return await run(rest);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`${e.message}\n`);
      return "exitCode" in e && typeof e.exitCode === "number" ? e.exitCode : 2;
    }
    throw e;
  }
}
