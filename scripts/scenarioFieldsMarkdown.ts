import { inputJsonSchema, type JsonSchemaNode } from "../sim/scenario/inputJsonSchema.js";
import { scenarioSchema } from "../sim/scenario/scenarioSchema.js";

/** The markdown table of scenario fields, generated from the zod schema's JSON Schema. */
export function scenarioFieldsMarkdown(): string {
  const root = inputJsonSchema(scenarioSchema);
  const rows: string[] = [];
  walk(root, "", rows, root.required ?? []);
  return [
    "# Scenario fields",
    "",
    "Every field of a scenario file, generated from the schema (`sim/scenario/scenarioSchema.ts`) by",
    "`npx tsx scripts/scenario-fields.ts`; do not edit by hand. Times are in minutes unless the name",
    "says otherwise. Omitted fields take their default. `gridgov schema` prints the same as JSON Schema.",
    "",
    "Distributions (`{ \"type\": ... }`): `exponential` {mean}, `deterministic` {value}, `uniform` {min, max},",
    "`lognormal` {mean, cv}, `gamma` {mean, cv}, `triangular` {min, mode, max}, `empirical` {values, weights}.",
    "",
    "| field | type | default | description |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

function walk(node: JsonSchemaNode, path: string, rows: string[], required: string[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const p = path ? `${path}.${key}` : key;
    const isDistribution = Boolean(child.oneOf ?? child.anyOf);
    rows.push(`| \`${p}\` | ${typeOf(child)} | ${defaultOf(child, required.includes(key))} | ${escape(child.description ?? "")} |`);
    if (child.properties && !isDistribution) walk(child, p, rows, child.required ?? []);
    if (child.items?.properties) walk(child.items, `${p}[]`, rows, child.items.required ?? []);
  }
}

function typeOf(s: JsonSchemaNode): string {
  if (s.oneOf ?? s.anyOf) return "distribution";
  if (s.enum) return s.enum.map((e) => `\`${JSON.stringify(e)}\``).join(" \\| ");
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  const t = Array.isArray(s.type) ? s.type.join(" \\| ") : (s.type ?? "");
  const lo = s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : s.minimum !== undefined ? `≥ ${s.minimum}` : "";
  const hi = s.exclusiveMaximum !== undefined ? `< ${s.exclusiveMaximum}` : s.maximum !== undefined && s.maximum < 1e15 ? `≤ ${s.maximum}` : "";
  const range = [lo, hi].filter(Boolean).join(", ");
  if (t === "array" && s.items) return `array of ${typeOf(s.items)}`;
  return range ? `${t} (${range})` : t;
}

function defaultOf(s: JsonSchemaNode, required: boolean): string {
  if (s.default === undefined) return required ? "required" : "–";
  const text = JSON.stringify(s.default);
  if (s.properties && text === "{}") return "(section)";
  return text.length > 40 ? "see schema" : `\`${escape(text)}\``;
}

function escape(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
