import { z } from "zod";
import { scenarioSchema } from "../../sim/scenario/scenarioSchema.js";
import { labelFromKey } from "./labelFromKey.js";
import { unitOf } from "../../sim/scenario/unitOf.js";
import { inputJsonSchema, type JsonSchemaNode } from "../../sim/scenario/inputJsonSchema.js";

/**
 * How a field is edited: a number box (`number`, `integer`), a checkbox (`boolean`), a
 * select (`enum`), a text box (`string`), fixed text (`const`), or a small JSON text
 * area validated like every other field (`json`: distributions, arrays such as the
 * incident categories and the hour-of-day profile).
 */
export type FieldKind = "number" | "integer" | "boolean" | "enum" | "string" | "const" | "json";

/** One editable field of a scenario, generated from the schema. */
export interface FieldSpec {
  /** Dotted path, e.g. `staffing.workersPerGrid`. */
  path: string;
  /** Top-level section key (`staffing`), or "" for top-level fields (`name`). */
  section: string;
  /** The field's own key (`workersPerGrid`). */
  key: string;
  /** Human label derived from the key ("Workers per grid"). */
  label: string;
  /** Unit, when known ("m", "km/h", "h", "min", "per hour", …). */
  unit?: string;
  /** The schema's `.describe()` text. */
  description: string;
  kind: FieldKind;
  /** Lowest allowed value (inclusive unless `minExclusive`); an integer's exclusive bound is turned inclusive. */
  min?: number;
  minExclusive?: boolean;
  /** Highest allowed value (inclusive unless `maxExclusive`). */
  max?: number;
  maxExclusive?: boolean;
  /** Input step: 1 for integers, "any" for other numbers. */
  step?: number | "any";
  /** Allowed values of an `enum` (or the single value of a `const`). */
  options?: ReadonlyArray<string | number | boolean>;
  /** Longest allowed text of a `string`. */
  maxLength?: number;
  /** The schema default, if any (sections are filled in, so every field has a value once validated). */
  default?: unknown;
  /** True when the field may be left out and has no default (leaving the box empty removes it). */
  optional: boolean;
}

/** A top-level group of fields (one `<fieldset>`). */
export interface SectionSpec {
  key: string;
  label: string;
  description: string;
}

const cache = new WeakMap<z.ZodType, { fields: FieldSpec[]; sections: SectionSpec[] }>();

/** The JSON Schema of the scenario as written (inputs, with defaults), the walker's source. */
function describeSchema(schema: z.ZodType): { fields: FieldSpec[]; sections: SectionSpec[] } {
  const hit = cache.get(schema);
  if (hit) return hit;
  const root = inputJsonSchema(schema);
  const fields: FieldSpec[] = [];
  const sections: SectionSpec[] = [];
  walk(root, "", "", fields, sections);
  const out = { fields, sections };
  cache.set(schema, out);
  return out;
}

/**
 * Every field of the scenario schema in schema order: each leaf scalar (number, integer,
 * boolean, enum, string, literal) and each complex value (distribution, array) as one
 * `json` field. Sections are not fields; see {@link formSections}.
 */
export function formFields(schema: z.ZodType = scenarioSchema): FieldSpec[] {
  return describeSchema(schema).fields;
}

/** The top-level sections of the schema (objects such as `district`, `staffing`), in order. */
export function formSections(schema: z.ZodType = scenarioSchema): SectionSpec[] {
  return describeSchema(schema).sections;
}

function walk(node: JsonSchemaNode, path: string, section: string, fields: FieldSpec[], sections: SectionSpec[]): void {
  const required = node.required ?? [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const p = path ? `${path}.${key}` : key;
    const isUnion = Boolean(child.oneOf ?? child.anyOf);
    if (child.properties && !isUnion) {
      if (!path) sections.push({ key, label: labelFromKey(key), description: child.description ?? "" });
      walk(child, p, section || key, fields, sections);
      continue;
    }
    fields.push(fieldSpec(child, p, key, section, required.includes(key)));
  }
}

const SAFE = Number.MAX_SAFE_INTEGER;

function fieldSpec(s: JsonSchemaNode, path: string, key: string, section: string, required: boolean): FieldSpec {
  const description = s.description ?? "";
  const spec: FieldSpec = {
    path,
    section,
    key,
    label: labelFromKey(key),
    description,
    kind: kindOf(s),
    optional: !required && s.default === undefined,
  };
  // A distribution names its unit in its parameters' descriptions ("mean (minutes)").
  const inner = (s.oneOf ?? s.anyOf ?? []).flatMap((o) => Object.values(o.properties ?? {}).map((q) => q.description ?? ""));
  const unit = unitOf(key, description) ?? unitOf(key, inner.join(" "));
  if (unit) spec.unit = unit;
  if (s.default !== undefined) spec.default = s.default;
  if (spec.kind === "enum") spec.options = s.enum;
  if (spec.kind === "const" && s.const !== undefined) spec.options = [s.const];
  if (spec.kind === "string" && s.maxLength !== undefined) spec.maxLength = s.maxLength;
  if (spec.kind === "number" || spec.kind === "integer") {
    const integer = spec.kind === "integer";
    if (s.minimum !== undefined && s.minimum > -SAFE) spec.min = s.minimum;
    if (s.exclusiveMinimum !== undefined) {
      if (integer) spec.min = Math.floor(s.exclusiveMinimum) + 1;
      else {
        spec.min = s.exclusiveMinimum;
        spec.minExclusive = true;
      }
    }
    if (s.maximum !== undefined && s.maximum < SAFE) spec.max = s.maximum;
    if (s.exclusiveMaximum !== undefined) {
      if (integer) spec.max = Math.ceil(s.exclusiveMaximum) - 1;
      else {
        spec.max = s.exclusiveMaximum;
        spec.maxExclusive = true;
      }
    }
    spec.step = integer ? 1 : "any";
  }
  return spec;
}

function kindOf(s: JsonSchemaNode): FieldKind {
  if (s.oneOf ?? s.anyOf) return "json";
  if (s.const !== undefined) return "const";
  if (s.enum) return "enum";
  const type = Array.isArray(s.type) ? undefined : s.type;
  if (type === "number" || type === "integer" || type === "boolean" || type === "string") return type;
  return "json";
}
