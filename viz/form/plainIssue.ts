import type { IssueDetail, ScenarioIssue } from "../../sim/scenario/ScenarioIssue.js";
import type { FieldSpec } from "./formFields.js";

/** What the wording uses of the field an issue is on: its kind, the unit its label shows, and its bounds. */
export type PlainField = Partial<Pick<FieldSpec, "kind" | "unit" | "min" | "max" | "minExclusive" | "maxExclusive">>;

/**
 * A problem in plain words for the page, built from the issue's structured detail (never
 * from its English message): "Must be more than 0 — you entered −1", "Must be a whole
 * number — you entered 2.5", "Must be between 0 and 1 (a share: 0.9 for 90 %) — you entered
 * 90", "Must be at most 24 h per day — you entered 30", "Must have exactly 24 entries — this
 * list has 3", "Must not be empty — enter a number".
 *
 * `field` is the field whose box the issue is shown beside, when the issue is on that field
 * itself (not on a value inside a JSON box): its unit follows a bound, and its other bound
 * turns a range of two inclusive bounds into "between". An issue without a detail (a
 * cross-field or feasibility check, written for people already) keeps its message.
 */
export function plainIssue(issue: ScenarioIssue, field: PlainField = {}): string {
  const d = issue.detail;
  return (d && worded(d, field)) ?? issue.message;
}

function worded(d: IssueDetail, field: PlainField): string | undefined {
  switch (d.code) {
    case "too_small":
    case "too_big":
      if (d.origin === "number" || d.origin === "int") return `Must be ${range(d, field)} — you entered ${shown(d.found)}`;
      if (d.origin === "array") return listLength(d);
      if (d.origin === "string") return textLength(d);
      return undefined;
    case "invalid_type":
      return wrongType(d);
    case "invalid_value":
    case "invalid_union":
      if (!d.values?.length) return undefined;
      return `Must be ${d.values.length <= 2 ? orList(d.values.map(shown)) : `one of ${orList(d.values.map(shown))}`} — ${entered(d.found)}`;
    case "unrecognized_keys": {
      const keys = d.keys ?? [];
      if (keys.length === 0) return undefined;
      const names = keys.map((k) => JSON.stringify(k)).join(", ");
      return keys.length === 1 ? `Unknown field ${names}: remove it or check its spelling` : `Unknown fields ${names}: remove them or check their spelling`;
    }
    case "invalid_format":
      return d.rule ? `Must be ${d.rule} — ${entered(d.found)}` : undefined;
    default:
      return undefined;
  }
}

interface Bound {
  value: number;
  inclusive: boolean;
}

/** "more than 0", "at most 24 h per day", "between 0 and 1 (a share: 0.9 for 90 %)". */
function range(d: IssueDetail, field: PlainField): string {
  const whole = d.origin === "int" || field.kind === "integer";
  const low = d.code === "too_small";
  // The bound the value broke, from the issue; the other one from the field, if it has one.
  let broken: Bound = { value: (low ? d.minimum : d.maximum) ?? NaN, inclusive: d.inclusive ?? false };
  // The largest whole number a double holds exactly: a limit of the format, not of the field.
  if (whole && !low && broken.value >= Number.MAX_SAFE_INTEGER) return "a smaller whole number";
  // A whole number above 0 is a whole number of at least 1, as the box's own minimum says.
  if (whole && !broken.inclusive && Number.isFinite(broken.value)) broken = { value: low ? Math.floor(broken.value) + 1 : Math.ceil(broken.value) - 1, inclusive: true };
  const otherValue = low ? field.max : field.min;
  const other: Bound | undefined = otherValue === undefined ? undefined : { value: otherValue, inclusive: !(low ? field.maxExclusive : field.minExclusive) };
  const unit = field.unit ? ` ${field.unit}` : "";
  if (other && broken.inclusive && other.inclusive) {
    const [lo, hi] = low ? [broken.value, other.value] : [other.value, broken.value];
    const share = field.kind === "number" && !field.unit && lo === 0 && hi <= 1 ? shareHint(hi) : "";
    return `between ${number(lo)} and ${number(hi)}${unit}${share}`;
  }
  const words = low ? (broken.inclusive ? "at least" : "more than") : broken.inclusive ? "at most" : "less than";
  return `${words} ${number(broken.value)}${unit}`;
}

/** " (a share: 0.9 for 90 %)", with an example the range allows. */
function shareHint(max: number): string {
  const example = max >= 0.9 ? 0.9 : max >= 0.1 ? 0.1 : undefined;
  return example === undefined ? " (a share)" : ` (a share: ${example} for ${Math.round(example * 100)} %)`;
}

function listLength(d: IssueDetail): string | undefined {
  const n = d.code === "too_small" ? d.minimum : d.maximum;
  if (n === undefined) return undefined;
  const had = Array.isArray(d.found) ? (d.found.length === 0 ? "this list is empty" : `this list has ${d.found.length}`) : entered(d.found);
  const words = d.exact ? "exactly" : d.code === "too_small" ? "at least" : "at most";
  return `Must have ${words} ${number(n)} ${n === 1 ? "entry" : "entries"} — ${had}`;
}

function textLength(d: IssueDetail): string {
  const n = (d.code === "too_small" ? d.minimum : d.maximum) ?? 0;
  if (d.code === "too_small" && n <= 1 && !d.exact) return "Must not be empty";
  const has = typeof d.found === "string" ? ` — this one has ${number(Array.from(d.found).length)}` : "";
  const words = d.exact ? "exactly" : d.code === "too_small" ? "at least" : "at most";
  return `Must be ${words} ${number(n)} character${n === 1 ? "" : "s"} long${has}`;
}

function wrongType(d: IssueDetail): string {
  const found = d.found;
  const wanted = typeNoun(d.expected);
  if (found === "") return `Must not be empty — enter ${wanted}`;
  if (typeof found === "number" && (d.expected === "number" || d.expected === "int")) {
    if (Number.isNaN(found)) return "Must be a number — you entered something that is not one";
    if (!Number.isFinite(found)) return `Must be an ordinary number — you entered one too ${found > 0 ? "large" : "far below zero"} to use`;
    if (d.expected === "int") return `Must be a whole number — you entered ${shown(found)}`;
  }
  return `Must be ${wanted} — ${entered(found)}`;
}

function typeNoun(expected: string | undefined): string {
  switch (expected) {
    case "number":
      return "a number";
    case "int":
      return "a whole number";
    case "boolean":
      return "true or false";
    case "string":
      return "text";
    case "array":
      return "a list in brackets, [ … ]";
    case "object":
      return "a group of fields in braces, { … }";
    default:
      return expected ? `a ${expected}` : "something else";
  }
}

/** "you entered −1", or "it is missing". */
function entered(found: unknown): string {
  return found === undefined ? "it is missing" : `you entered ${shown(found)}`;
}

/** A value as the user would recognise it: numbers with a true minus and grouped digits, text in quotes (cut short), lists by their length. */
function shown(v: unknown): string {
  if (typeof v === "number") return number(v);
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v);
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : `a list of ${v.length}`;
  if (v !== null && typeof v === "object") return "a group of fields";
  return String(v);
}

/** 36600 → "36,600", -1 → "−1" (U+2212); written in full, as typed: never rounded. */
function number(x: number): string {
  if (Number.isNaN(x)) return "not a number";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const text = String(Math.abs(x));
  const [whole, fraction] = text.split(".");
  const grouped = /e/.test(text) ? text : `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction === undefined ? "" : `.${fraction}`}`;
  return x < 0 ? `−${grouped}` : grouped;
}

function orList(items: readonly string[]): string {
  return items.length <= 2 ? items.join(" or ") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
