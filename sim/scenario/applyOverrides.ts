import type { z } from "zod";
import { OVERRIDDEN_FIELDS, overridden } from "./ignoredFields.js";
import type { Checked, ScenarioIssue } from "./ScenarioIssue.js";
import { scenarioSchema } from "./scenarioSchema.js";

/**
 * Applies `path=value` overrides (the CLI's `--set`) to raw scenario data, before
 * validation. `path` is dotted (`staffing.workersPerGrid`, `incidents.categories.0.share`);
 * `value` is read as JSON when it parses (numbers, booleans, objects), else as a string.
 * Paths are checked against the schema, so a misspelt field is refused, not ignored.
 * The input is not modified.
 */
export function applyOverrides(input: unknown, overrides: readonly string[]): Checked<unknown> {
  const data = structuredClone(input) as Record<string, unknown>;
  const issues: ScenarioIssue[] = [];
  for (const item of overrides) {
    const eq = item.indexOf("=");
    if (eq <= 0) {
      issues.push({ path: item, message: `expected --set path=value, found "${item}"` });
      continue;
    }
    const path = item.slice(0, eq).split(".");
    const problem = checkPath(path) ?? checkIndices(data, path);
    if (problem) {
      issues.push({ path: path.join("."), message: problem });
      continue;
    }
    setAt(data, path, readValue(item.slice(eq + 1)));
  }
  for (const item of overrides) {
    // Changing a field another one overrides would change nothing: a sweep over it would run the same scenario at every point.
    const field = OVERRIDDEN_FIELDS.find((f) => f.path === item.slice(0, item.indexOf("=")));
    if (field && overridden(data, field)) {
      const [one, by] = [field.by.length === 1, field.by.join(" and ")];
      issues.push({ path: field.path, message: `expected a field this scenario uses, found one it ignores: ${by} ${one ? "fixes" : "fix"} ${field.decides} of this scenario; change ${one ? "it" : "them"} instead` });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: data, warnings: [] };
}

function readValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  path.forEach((key, k) => {
    if (k === path.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === null || typeof node[key] !== "object") node[key] = /^\d+$/.test(path[k + 1]) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

/**
 * Returns why a list index on `path` is out of range in `data`, or undefined: a field of
 * an entry needs an existing entry (0 … n − 1); a whole entry may also be added at n.
 */
function checkIndices(data: unknown, path: string[]): string | undefined {
  let node = data;
  for (let k = 0; k < path.length; k++) {
    if (node === null || typeof node !== "object") return undefined;
    if (Array.isArray(node) && /^\d+$/.test(path[k])) {
      const index = Number(path[k]);
      const last = k === path.length - 1 ? node.length : node.length - 1;
      const list = path.slice(0, k).join(".");
      if (index > last) {
        if (last < 0) return `index out of range: ${list} is empty, found ${index}; set the whole list with --set ${list}=[...]`;
        return `index out of range: expected ${last > 0 ? `0–${last}` : "0"} (${list} has ${node.length} entr${node.length === 1 ? "y" : "ies"}${last === node.length ? `; ${last} adds one` : ""}), found ${index}`;
      }
    }
    node = (node as Record<string, unknown>)[path[k]];
  }
  return undefined;
}

/** Returns why `path` names no field of the scenario schema, or undefined if it does. */
function checkPath(path: string[]): string | undefined {
  let nodes: z.core.$ZodType[] = [scenarioSchema];
  for (let k = 0; k < path.length; k++) {
    const key = path[k];
    const next: z.core.$ZodType[] = [];
    const fields = new Set<string>();
    for (const node of nodes.flatMap(unwrap)) {
      const def = node._zod.def as unknown as Record<string, unknown>;
      if (def.type === "object") {
        const shape = def.shape as Record<string, z.core.$ZodType>;
        Object.keys(shape).forEach((f) => fields.add(f));
        if (Object.hasOwn(shape, key)) next.push(shape[key]);
      } else if (def.type === "array" && /^\d+$/.test(key)) {
        next.push(def.element as z.core.$ZodType);
      } else if (def.type === "array") {
        fields.add("<index>");
      }
    }
    if (next.length === 0) {
      const where = k === 0 ? "the scenario" : `"${path.slice(0, k).join(".")}"`;
      const known = [...fields].sort().join(", ");
      return `unknown field "${key}" in ${where}${known ? `; expected one of: ${known}` : " (it has no fields)"}`;
    }
    nodes = next;
  }
  return undefined;
}

/** The object/array/leaf schemas behind wrappers (defaults, optionals, unions, refinements). */
function unwrap(node: z.core.$ZodType): z.core.$ZodType[] {
  const def = node._zod.def as unknown as Record<string, unknown>;
  switch (def.type) {
    case "default":
    case "prefault":
    case "optional":
    case "nullable":
    case "readonly":
      return unwrap(def.innerType as z.core.$ZodType);
    case "pipe":
      return unwrap(def.in as z.core.$ZodType);
    case "union":
      return (def.options as z.core.$ZodType[]).flatMap(unwrap);
    default:
      return [node];
  }
}
