import { parseJsonText } from "../../sim/scenario/parseScenario.js";
import type { FieldSpec } from "./formFields.js";

/** What a control holds: the value to try in the scenario, or why the box cannot be read. */
export type FieldRead = { ok: true; value: unknown } | { ok: false; message: string };

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
        : { ok: false, message: `expected one of ${options.map((o) => JSON.stringify(o)).join(", ")}` };
    }
    case "string":
      return { ok: true, value: raw.value };
    case "number":
    case "integer": {
      const text = raw.value.trim();
      if (raw.badInput) return { ok: false, message: "expected a number, found text that is not one" };
      if (text === "") return spec.optional ? { ok: true, value: undefined } : { ok: false, message: "expected a number, found an empty box" };
      const n = Number(text);
      return Number.isNaN(n) ? { ok: false, message: `expected a number, found ${JSON.stringify(text)}` } : { ok: true, value: n };
    }
    case "json": {
      if (raw.value.trim() === "") {
        return spec.optional ? { ok: true, value: undefined } : { ok: false, message: "expected a JSON value, found an empty box" };
      }
      const parsed = parseJsonText(raw.value);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.issues[0].message };
    }
  }
}
