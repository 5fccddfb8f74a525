import { loadScenarioData } from "../../sim/experiments/loadScenario.js";
import type { ScenarioIssue } from "../../sim/scenario/ScenarioIssue.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import type { FieldSpec } from "./formFields.js";
import { matchesPath } from "./matchesPath.js";
import { plainIssue } from "./plainIssue.js";

/** The outcome of checking a draft scenario, with each problem placed on its field. */
export interface DraftCheck {
  valid: boolean;
  /** The validated scenario (defaults filled in) when valid. */
  value?: Scenario;
  /** Every problem, as the schema and feasibility checks give them (the command line's words, with their detail). */
  issues: ScenarioIssue[];
  /** Plain-words messages by field path (the deepest field containing the issue's path), see {@link plainIssue}. */
  byField: Map<string, string[]>;
  /** Issues on no field (the whole scenario, a section), as `path: message` in plain words. */
  general: string[];
  /** Feasibility warnings of a valid scenario (it runs, but badly). */
  warnings: string[];
}

/**
 * Checks a draft scenario the way the app will run it: schema, then feasibility
 * ({@link loadScenarioData}), and assigns every issue to the field it concerns, in plain
 * words for the page ({@link plainIssue}; a value inside a JSON box is named by its inner
 * path: `mean: Must be more than 0 — you entered −20`).
 */
export function validateDraft(draft: unknown, fields: readonly FieldSpec[]): DraftCheck {
  const checked = loadScenarioData(draft);
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  if (checked.ok) return { valid: true, value: checked.value, issues: [], byField, general, warnings: checked.warnings };
  for (const issue of checked.issues) {
    let best: FieldSpec | undefined;
    for (const f of fields) {
      if (matchesPath(issue.path, f.path) && (best === undefined || f.path.length > best.path.length)) best = f;
    }
    if (best === undefined) {
      const text = plainIssue(issue);
      general.push(issue.path ? `${issue.path}: ${text}` : text);
      continue;
    }
    const own = issue.path === best.path;
    const deeper = own ? "" : `${issue.path.slice(best.path.length).replace(/^\./, "")}: `;
    const list = byField.get(best.path) ?? [];
    list.push(`${deeper}${plainIssue(issue, own ? best : {})}`);
    byField.set(best.path, list);
  }
  return { valid: false, issues: checked.issues, byField, general, warnings: [] };
}
