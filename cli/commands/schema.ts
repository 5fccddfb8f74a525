import { inputJsonSchema } from "../../sim/scenario/inputJsonSchema.js";
import { scenarioSchema } from "../../sim/scenario/scenarioSchema.js";
import { parseArgs, type FlagSpec } from "../parseArgs.js";
import { UserError } from "../UserError.js";

/** The JSON Schema of scenario files, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...inputJsonSchema(scenarioSchema),
    title: "GridGov scenario",
  };
}

export const SCHEMA_FLAGS = {} satisfies FlagSpec;

export const SCHEMA_USAGE = `gridgov schema > scenario.schema.json
      prints the JSON Schema of scenario files`;

/** `gridgov schema`: prints the JSON Schema of scenario files. */
export function schemaCommand(argv: readonly string[]): number {
  const { positional } = parseArgs(argv, SCHEMA_FLAGS, "schema");
  if (positional.length) throw new UserError(`usage: ${SCHEMA_USAGE}`);
  process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
  return 0;
}
