import { readFileSync } from "node:fs";
import { parseJsonText } from "../sim/scenario/parseScenario.js";
import { fileSystemReason } from "./fileSystemReason.js";
import { UserError } from "./UserError.js";

/**
 * Reads a UTF-8 text file given on the command line (`what` says what it should be:
 * "scenario file", "result file", …). A file that cannot be read is a UserError naming
 * it; a leading byte-order mark, which some editors write, is dropped.
 */
export function readTextFile(file: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UserError(`${file}: cannot read the ${what}: ${fileSystemReason(e, file)}`);
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** As {@link readTextFile}, parsed as JSON; a syntax error is reported with its line and column. */
export function readJsonFile(file: string, what: string): unknown {
  const json = parseJsonText(readTextFile(file, what));
  if (!json.ok) throw new UserError(json.issues.map((i) => `${file}: ${i.message}`).join("\n"));
  return json.value;
}
