import { parseArgs, type FlagSpec } from "../parseArgs.js";
import { readScenarioFile, scenarioOverrides } from "../readScenarioFile.js";
import { UserError } from "../UserError.js";

export const VALIDATE_FLAGS = { set: "list" } satisfies FlagSpec;

export const VALIDATE_USAGE = `gridgov validate <scenario.json> [more.json ...] [--set path=value ...]
      checks scenario files without running them: exit 0 if all are valid, 2 with every problem listed`;

/** `gridgov validate`: checks scenario files; exit 0 if all are valid, 2 with every problem listed otherwise. */
export function validateCommand(argv: readonly string[]): number {
  const { positional, flags } = parseArgs(argv, VALIDATE_FLAGS, "validate");
  if (positional.length === 0) throw new UserError(`usage: ${VALIDATE_USAGE}`);
  const problems: string[] = [];
  for (const file of positional) {
    try {
      const { scenario, warnings, fileWarnings } = readScenarioFile(file, scenarioOverrides(flags));
      process.stdout.write(`${file}: valid ("${scenario.name}")\n`);
      for (const w of [...fileWarnings, ...warnings]) process.stdout.write(`${file}: warning: ${w}\n`);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(e.message);
    }
  }
  if (problems.length) throw new UserError(problems.join("\n"));
  return 0;
}
