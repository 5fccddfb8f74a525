import type { FieldSpec } from "./formFields.js";

/** The text a control shows for a value: numbers and strings as they are, JSON for complex values, "" for none. */
export function formatFieldValue(spec: FieldSpec, value: unknown): string {
  if (value === undefined) return "";
  if (spec.kind === "enum" || spec.kind === "const") {
    const k = (spec.options ?? []).findIndex((o) => o === value);
    return k >= 0 ? String(k) : "";
  }
  if (spec.kind === "json") return formatJson(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return formatJson(value);
}

/** Compact JSON, one object per line in a long array of objects (the incident categories). */
function formatJson(value: unknown): string {
  const flat = JSON.stringify(value) ?? "";
  if (flat.length <= 80 || !Array.isArray(value) || value.every((v) => v === null || typeof v !== "object")) return flat;
  return `[\n${value.map((v) => `  ${JSON.stringify(v)}`).join(",\n")}\n]`;
}
