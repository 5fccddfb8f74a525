import { loadScenarioData } from "../sim/experiments/loadScenario.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { UserError } from "./UserError.js";

/** A validated scenario and the warnings to show about it. */
export interface CheckedScenario {
  scenario: Scenario;
  warnings: string[];
}

/** How {@link variantScenarios} names what it checks. */
export interface VariantNames {
  /** The file the base scenario came from. */
  source: string;
  /** Names some of the variants by their indices: "points 1, 4". */
  some: (indices: number[]) => string;
  /** Names all of them: "every point". */
  every: string;
}

/**
 * Validates every variant of a validated base scenario — a sweep's points, the values
 * optimize tries — each the base with its own `path=value` overrides. Every problem of
 * every variant is reported at once, in one UserError; a problem several variants share
 * is listed once, with all of them. A variant estimated to need more than
 * `memoryLimitBytes` is refused.
 */
export function variantScenarios(base: Scenario, variants: ReadonlyArray<readonly string[]>, names: VariantNames, memoryLimitBytes = Infinity): CheckedScenario[] {
  const problems = new Map<string, number[]>();
  const checked = variants.map((overrides, k) => {
    const c = loadScenarioData(base, overrides, memoryLimitBytes);
    if (c.ok) return { scenario: c.value, warnings: c.warnings };
    for (const issue of c.issues) {
      const text = `${issue.path || "(scenario)"}: ${issue.message}`;
      problems.set(text, [...(problems.get(text) ?? []), k]);
    }
    return undefined;
  });
  if (problems.size) {
    const which = (indices: number[]) => (indices.length === variants.length && indices.length > 1 ? names.every : names.some(indices));
    const lines = [...problems].map(([text, indices]) => `${names.source} (${which(indices)}): ${text}`);
    throw new UserError(`${lines.join("\n")}\n${names.source}: ${problems.size} problem${problems.size > 1 ? "s" : ""} found; nothing was run`);
  }
  return checked as CheckedScenario[];
}

/** A list of numbers for a message, shortened after the first ten: "1, 4, 7" or "0, 1, …, 9, … (40 in all)". */
export function shortList(numbers: readonly number[]): string {
  return numbers.length <= 10 ? numbers.join(", ") : `${numbers.slice(0, 10).join(", ")}, … (${numbers.length} in all)`;
}
