import { totalmem } from "node:os";
import { loadScenario } from "../sim/experiments/loadScenario.js";
import { formatIssues } from "../sim/scenario/ScenarioIssue.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { readTextFile } from "./readTextFile.js";
import { UserError } from "./UserError.js";

/** A scenario read from a file, with warnings to show. */
export interface ScenarioFile {
  file: string;
  scenario: Scenario;
  warnings: string[];
}

/** Reads and validates a scenario file; every problem becomes one UserError listing them all. */
export function readScenarioFile(file: string, overrides: readonly string[] = []): ScenarioFile {
  const checked = loadScenario(readTextFile(file, "scenario file"), overrides, totalmem());
  if (!checked.ok) {
    const n = checked.issues.length;
    throw new UserError(`${formatIssues(file, checked.issues)}\n${file}: ${n} problem${n > 1 ? "s" : ""} found; nothing was run`);
  }
  return { file, scenario: checked.value, warnings: checked.warnings };
}
