import { loadScenarioData } from "../../sim/experiments/loadScenario.js";
import type { ScenarioIssue } from "../../sim/scenario/ScenarioIssue.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { matchesPath } from "./matchesPath.js";

/** The outcome of checking a draft scenario, with each problem placed on its field. */
export interface DraftCheck {
  valid: boolean;
  /** The validated scenario (defaults filled in) when valid. */
  value?: Scenario;
  issues: ScenarioIssue[];
  /** Messages by field path (the deepest field containing the issue's path). */
  byField: Map<string, string[]>;
  /** Issues on no field (the whole scenario, a section), as `path: message`. */
  general: string[];
  /** Feasibility warnings of a valid scenario (it runs, but badly). */
  warnings: string[];
}

/**
 * Checks a draft scenario the way the app will run it: schema, then feasibility
 * ({@link loadScenarioData}), and assigns every issue to the field it concerns.
 */
export function validateDraft(draft: unknown, fieldPaths: readonly string[]): DraftCheck {
  const checked = loadScenarioData(draft);
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  if (checked.ok) return { valid: true, value: checked.value, issues: [], byField, general, warnings: checked.warnings };
  for (const issue of checked.issues) {
    let best: string | undefined;
    for (const p of fieldPaths) {
      if (matchesPath(issue.path, p) && (best === undefined || p.length > best.length)) best = p;
    }
    if (best === undefined) {
      general.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
      continue;
    }
    const deeper = issue.path !== best ? `${issue.path.slice(best.length).replace(/^\./, "")}: ` : "";
    const list = byField.get(best) ?? [];
    list.push(`${deeper}${issue.message}`);
    byField.set(best, list);
  }
  return { valid: false, issues: checked.issues, byField, general, warnings: [] };
}
