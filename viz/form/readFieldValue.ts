import { parseJsonText } from "../../sim/scenario/parseScenario.js";
import type { IssueDetail } from "../../sim/scenario/ScenarioIssue.js";
import type { FieldSpec } from "./formFields.js";

/**
 * What a control holds: the value to try in the scenario, or why the box cannot be read
 * (`message` in the command line's words, `detail` as the schema's issues carry it, for
 * the plain words shown beside the box).
 */
export type FieldRead = { ok: true; value: unknown } | { ok: false; message: string; detail?: IssueDetail };

/** The raw state of a control, as the DOM gives it. */
export interface RawControl {
  /** The box's text (number, text, JSON), or the selected option's index for an enum. */
  value: string;
  checked?: boolean;
  /** The browser could not read the typed text as a number (`validity.badInput`). */
  badInput?: boolean;
}

/**
 * Turns what the user typed into the value tried in the scenario. Only what the schema
 * cannot judge is refused here (an empty or unreadable number box, broken JSON); ranges,
 * integers and the rest are left to the schema so its message is the one shown.
 * An empty box of an optional field removes the field (`undefined`).
 */
export function readFieldValue(spec: FieldSpec, raw: RawControl): FieldRead {
  switch (spec.kind) {
    case "boolean":
      return { ok: true, value: Boolean(raw.checked) };
    case "enum":
    case "const": {
      const options = spec.options ?? [];
      const k = Number(raw.value);
      return Number.isInteger(k) && k >= 0 && k < options.length
        ? { ok: true, value: options[k] }
        : { ok: false, message: `expected one of ${options.map((o) => JSON.stringify(o)).join(", ")}`, detail: { code: "invalid_value", values: options } };
    }
    case "string":
      return { ok: true, value: raw.value };
    case "number":
    case "integer": {
      const text = raw.value.trim();
      const expected = spec.kind === "integer" ? "int" : "number";
      // The browser hides what it could not read: it is reported as not a number (NaN).
      if (raw.badInput) return { ok: false, message: "expected a number, found text that is not one", detail: { code: "invalid_type", expected, found: NaN } };
      if (text === "") {
        return spec.optional ? { ok: true, value: undefined } : { ok: false, message: "expected a number, found an empty box", detail: { code: "invalid_type", expected, found: "" } };
      }
      const n = Number(text);
      return Number.isNaN(n) ? { ok: false, message: `expected a number, found ${JSON.stringify(text)}`, detail: { code: "invalid_type", expected, found: text } } : { ok: true, value: n };
    }
    case "json": {
      if (raw.value.trim() === "") {
        const expected = Array.isArray(spec.default) ? "array" : "object";
        return spec.optional ? { ok: true, value: undefined } : { ok: false, message: "expected a JSON value, found an empty box", detail: { code: "invalid_type", expected, found: "" } };
      }
      const parsed = parseJsonText(raw.value);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.issues[0].message };
    }
  }
}
