import { inputJsonSchema, type JsonSchemaNode } from "./inputJsonSchema.js";
import { scenarioSchema } from "./scenarioSchema.js";
import { unitOf } from "./unitOf.js";

let root: JsonSchemaNode | undefined;

/**
 * The unit of the number at `path` in a scenario, as the schema describes it (see
 * {@link unitOf}): `["shifts", "start"]` → "min after midnight", `["run", "days"]` →
 * "days", `["incidents", "categories", 0, "serviceTime", "mean"]` → "min"; "share" for a
 * number the schema bounds from 0 to at most 1 (`admin.taskCut`). An entry of a list takes
 * the list's unit (`…serviceTime.values[2]` → "min"). Undefined for a number without a
 * unit (a count, a multiplier) and for a path the schema does not have.
 */
export function fieldUnit(path: readonly PropertyKey[]): string | undefined {
  root ??= inputJsonSchema(scenarioSchema);
  let nodes = [root];
  let key = "";
  let described: string[] = [];
  for (const seg of path) {
    const options = nodes.flatMap((n) => [n, ...(n.oneOf ?? []), ...(n.anyOf ?? [])]);
    if (typeof seg === "number") {
      nodes = options.flatMap((n) => (n.items ? [n.items] : []));
    } else {
      key = String(seg);
      nodes = options.flatMap((n) => (n.properties && Object.hasOwn(n.properties, key) ? [n.properties[key]] : []));
      described = nodes.flatMap((n) => (n.description ? [n.description] : []));
    }
    if (nodes.length === 0) return undefined;
  }
  const leaves = nodes.flatMap((n) => [n, ...(n.oneOf ?? []), ...(n.anyOf ?? [])]).filter((n) => n.type === "number");
  if (leaves.length > 0 && leaves.every((n) => n.minimum === 0 && n.maximum !== undefined && n.maximum <= 1)) return "share";
  return unitOf(key, described.join(" "));
}
