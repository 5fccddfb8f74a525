import { inputJsonSchema } from "../../sim/scenario/inputJsonSchema.js";
import { scenarioSchema } from "../../sim/scenario/scenarioSchema.js";
import { parseArgs } from "../parseArgs.js";

/** The JSON Schema of scenario files, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...inputJsonSchema(scenarioSchema),
    title: "GridGov scenario",
  };
}

/** `gridgov schema`: prints the JSON Schema of scenario files. */
export function schemaCommand(argv: readonly string[]): number {
  parseArgs(argv, {}, "schema");
  process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
  return 0;
}
