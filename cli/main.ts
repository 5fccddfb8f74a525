import { ENGINE_VERSION } from "../sim/version.js";
import { COMPARE_FLAGS, compareCommand, COMPARE_USAGE } from "./commands/compare.js";
import { MERGE_FLAGS, mergeCommand, MERGE_USAGE } from "./commands/merge.js";
import { OPTIMIZE_FLAGS, optimizeCommand, OPTIMIZE_USAGE } from "./commands/optimize.js";
import { RERUN_FLAGS, rerunCommand, RERUN_USAGE } from "./commands/rerun.js";
import { RUN_FLAGS, runCommand, RUN_USAGE } from "./commands/run.js";
import { SCHEMA_FLAGS, schemaCommand, SCHEMA_USAGE } from "./commands/schema.js";
import { SWEEP_FLAGS, sweepCommand, SWEEP_USAGE } from "./commands/sweep.js";
import { VALIDATE_FLAGS, validateCommand, VALIDATE_USAGE } from "./commands/validate.js";
import type { FlagSpec } from "./parseArgs.js";
import { UserError } from "./UserError.js";

/** A command of the command line: what runs it, its usage text and the flags it accepts. */
export interface Command {
  run: (argv: readonly string[]) => number | Promise<number>;
  usage: string;
  flags: FlagSpec;
}

/** Every command, in the order the usage text lists them. */
export const COMMANDS: Record<string, Command> = {
  run: { run: runCommand, usage: RUN_USAGE, flags: RUN_FLAGS },
  compare: { run: compareCommand, usage: COMPARE_USAGE, flags: COMPARE_FLAGS },
  sweep: { run: sweepCommand, usage: SWEEP_USAGE, flags: SWEEP_FLAGS },
  optimize: { run: optimizeCommand, usage: OPTIMIZE_USAGE, flags: OPTIMIZE_FLAGS },
  merge: { run: mergeCommand, usage: MERGE_USAGE, flags: MERGE_FLAGS },
  rerun: { run: rerunCommand, usage: RERUN_USAGE, flags: RERUN_FLAGS },
  validate: { run: validateCommand, usage: VALIDATE_USAGE, flags: VALIDATE_FLAGS },
  schema: { run: schemaCommand, usage: SCHEMA_USAGE, flags: SCHEMA_FLAGS },
};

const DOCS = "Docs: docs/user-guide.md";

const USAGE = `GridGov ${ENGINE_VERSION} — simulate grid governance

usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join("\n")}
  gridgov <command> --help
      the usage of one command

${DOCS}`;

/**
 * A reader that closes stdout early (`gridgov schema | head -2`) is normal: what it did not
 * read is dropped, and the command ends as it would have. Other errors stay errors.
 */
function quietWhenClosed(e: NodeJS.ErrnoException): void {
  if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
}

const isHelp = (arg: string) => arg === "--help" || arg === "-h";

/**
 * Runs the command line and returns the exit code: 0 done, 2 bad input (message
 * on stderr, no stack trace), 3 an incomplete run (some replications failed), 1 a
 * negative answer (`rerun`: the result does not match; `optimize`: no value in the
 * range meets the target) or an internal error.
 */
export async function main(argv: readonly string[]): Promise<number> {
  process.stdout.on("error", quietWhenClosed);
  const [command, ...rest] = argv;
  if (!command || isHelp(command) || (command === "help" && !COMMANDS[rest[0]])) {
    process.stdout.write(USAGE + "\n");
    return command ? 0 : 2;
  }
  if (command === "--version") {
    process.stdout.write(ENGINE_VERSION + "\n");
    return 0;
  }
  const help = command === "help" ? COMMANDS[rest[0]] : rest.some(isHelp) ? COMMANDS[command] : undefined;
  if (help) {
    process.stdout.write(`usage: ${help.usage}\n\n${DOCS}\n`);
    return 0;
  }
  const run = COMMANDS[command]?.run;
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
