import type { z } from "zod";
import { formatPath } from "../../sim/scenario/ScenarioIssue.js";

/**
 * One line for the first problems zod found in a share state: `path: message`. A scenario
 * entry that matches neither form is explained by the form its keys point to
 * (`preset` → a preset entry, otherwise a whole scenario).
 */
export function formatShareIssues(issues: readonly z.core.$ZodIssue[], input: unknown, max = 3): string {
  const lines: string[] = [];
  collect(issues, [], input, lines);
  const shown = lines.slice(0, max).join("; ");
  return lines.length > max ? `${shown}; and ${lines.length - max} more` : shown;
}

function collect(issues: readonly z.core.$ZodIssue[], base: PropertyKey[], input: unknown, out: string[]): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length === 2) {
      const at = valueAt(input, path);
      const isPreset = at !== null && typeof at === "object" && Object.hasOwn(at, "preset");
      collect(issue.errors[isPreset ? 0 : 1], path, input, out);
      continue;
    }
    if (issue.code === "invalid_key" && path.length > 0) {
      const key = JSON.stringify(String(path[path.length - 1]).slice(0, 80));
      const why = issue.issues.map((i) => i.message).join(", ");
      out.push(`${formatPath(path.slice(0, -1)) || "(link)"}: key ${key}: ${why}`);
      continue;
    }
    const message = issue.message.replace(/^Invalid input: /, "");
    out.push(`${formatPath(path) || "(link)"}: ${message}`);
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const seg of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}
