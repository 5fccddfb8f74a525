import { scenarioSchema } from "../../sim/scenario/scenarioSchema.js";
import { formFields } from "../form/formFields.js";
import { getPath } from "../form/getPath.js";
import { jsonEqual } from "../form/jsonEqual.js";
import { setPath } from "../form/setPath.js";

/**
 * A scenario without the fields that equal their schema default (and without sections left
 * empty): it validates to the same scenario and makes a share link much shorter (a full
 * District J scenario is ~4.7 KB of JSON; compacted, well under 2 KB). Data that does not
 * validate comes back unchanged.
 */
export function compactScenario(scenario: unknown): unknown {
  const parsed = scenarioSchema.safeParse(scenario);
  if (!parsed.success) return scenario;
  const defaults = scenarioSchema.parse({ schemaVersion: parsed.data.schemaVersion, name: parsed.data.name });
  let out: unknown = parsed.data;
  for (const field of formFields()) {
    if (field.path === "schemaVersion" || field.path === "name") continue;
    const value = getPath(out, field.path);
    if (value !== undefined && jsonEqual(value, getPath(defaults, field.path))) out = setPath(out, field.path, undefined);
  }
  const record = out as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) out = setPath(out, key, undefined);
  }
  return out;
}
