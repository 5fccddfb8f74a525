import type { z } from "zod";
import { fieldUnit } from "./fieldUnit.js";
import { issueDetail } from "./issueDetail.js";
import { jsonErrorOffset } from "./jsonErrorOffset.js";
import { formatPath, type Checked, type ScenarioIssue } from "./ScenarioIssue.js";
import { scenarioSchema, type Scenario } from "./scenarioSchema.js";

/**
 * Validates raw scenario data (parsed JSON) against the schema, filling defaults.
 * Every problem is reported with its field path, what was expected (with the unit of a
 * number, when the schema gives one) and what was found.
 */
export function parseScenario(input: unknown): Checked<Scenario> {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, warnings: [] };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const described = describeIssue(issue, input);
      const detail = issueDetail(issue, valueAt(input, issue.path));
      return detail ? { ...described, detail } : described;
    }),
  };
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJsonText(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text), warnings: [] };
  } catch (e) {
    const pos = jsonErrorOffset(text);
    const before = text.slice(0, pos);
    const line = before.split("\n").length;
    const column = pos - before.lastIndexOf("\n");
    const near = JSON.stringify(text.slice(pos, pos + 20));
    const reason = (e as Error).message.replace(/,? ".*$/s, "");
    return {
      ok: false,
      issues: [{ path: "", message: `expected valid JSON, found a syntax error at line ${line}, column ${column} (near ${near}): ${reason}` }],
    };
  }
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): ScenarioIssue {
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    return { path, message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}; check the spelling against \`gridgov schema\`` };
  }
  if (issue.code === "invalid_union" && "options" in issue && Array.isArray(issue.options)) {
    const options = issue.options.map((o) => `"${String(o)}"`).join(", ");
    return { path, message: `expected one of ${options}, found ${show(valueAt(input, issue.path))}` };
  }
  const found = valueAt(input, issue.path);
  const message = issue.message.replace(/^Invalid input: /, "").replace(/^Too (small|big): /, "");
  if (issue.code === "custom" || /found /.test(message)) return { path, message };
  const foundText = found === undefined ? "nothing (the field is missing)" : show(found);
  return { path, message: `${message.replace(/, received \w+$/, "")}${unitNote(issue, found)}, found ${foundText}` };
}

/**
 * The unit of the number an issue expects, for its message: " (min after midnight)",
 * " (days)"; for a share, how to write one (" (a share: for 50 % write 0.5)" when the
 * value looks like a percentage, else " (a share, 0..1)"); "" when the issue is not
 * about a number or the number has no unit.
 */
function unitNote(issue: z.core.$ZodIssue, found: unknown): string {
  const numeric =
    (issue.code === "invalid_type" && (issue.expected === "number" || issue.expected === "int")) ||
    ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number") ||
    issue.code === "not_multiple_of";
  const unit = numeric ? fieldUnit(issue.path) : undefined;
  if (unit === undefined) return "";
  if (unit !== "share") return ` (${unit})`;
  return typeof found === "number" && found >= 2 && found <= 100 ? ` (a share: for ${found} % write ${Number((found / 100).toPrecision(12))})` : " (a share, 0..1)";
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function show(v: unknown): string {
  // A number beyond a double's range (1e400) parses to ±Infinity, which JSON would print as null.
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  const text = JSON.stringify(v);
  if (text === undefined) return String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
