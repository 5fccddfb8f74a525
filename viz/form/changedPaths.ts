import { scenarioSchema } from "../../sim/scenario/scenarioSchema.js";
import { jsonEqual } from "./jsonEqual.js";

/**
 * The dotted paths where `scenario` differs from `baseline`. Objects are compared field by
 * field (`staffing.workersPerGrid`, `intake.delay.mean`); arrays and other values as a whole
 * (`incidents.hourOfDay`). A field present on one side only counts as changed. Each side
 * that is a valid scenario is compared with its defaults filled in, so a preset file that
 * leaves a field out equals the validated scenario made from it. Pure: inputs are not modified.
 */
export function changedPaths(scenario: unknown, baseline: unknown): string[] {
  const out: string[] = [];
  diff(filled(scenario), filled(baseline), "", out);
  return out;
}

function filled(data: unknown): unknown {
  if (data === null || typeof data !== "object") return data;
  const parsed = scenarioSchema.safeParse(data);
  return parsed.success ? parsed.data : data;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function diff(a: unknown, b: unknown, path: string, out: string[]): void {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const key of keys) {
      diff(Object.hasOwn(a, key) ? a[key] : undefined, Object.hasOwn(b, key) ? b[key] : undefined, path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (!jsonEqual(a, b)) out.push(path);
}
