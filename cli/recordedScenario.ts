import { totalmem } from "node:os";
import type { CheckedScenario } from "./variantScenarios.js";
import { loadScenarioData } from "../sim/experiments/loadScenario.js";
import { scenarioHash } from "../sim/scenario/scenarioHash.js";
import { formatIssues } from "../sim/scenario/ScenarioIssue.js";
import { UserError } from "./UserError.js";

/**
 * The scenario a result file's manifest recorded at `field` ("manifest.scenario",
 * "scenarios[1]"), validated again. Its hash names what ran, so it must still be the hash
 * of its data: otherwise the file was changed after the run, and nothing may run.
 */
export function recordedScenario(file: string, field: string, recorded: { hash: string; data: Record<string, unknown> }): CheckedScenario {
  const parsed = loadScenarioData(recorded.data, [], totalmem());
  if (!parsed.ok) throw new UserError(formatIssues(`${file} (${field}.data)`, parsed.issues));
  const hash = scenarioHash(parsed.value);
  if (hash !== recorded.hash) {
    throw new UserError(`${file}: ${field}.hash: expected the hash of ${field}.data (${hash}), found ${JSON.stringify(recorded.hash).slice(0, 80)}; the file was changed after the run; nothing was run`);
  }
  return { scenario: parsed.value, warnings: parsed.warnings };
}
