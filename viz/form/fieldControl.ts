import type { FieldSpec } from "./formFields.js";
import { describeValue } from "./describeValue.js";
import { formatFieldValue } from "./formatFieldValue.js";
import type { RawControl } from "./readFieldValue.js";
import { ownFieldSource } from "./fieldSources.js";

/** The DOM of one field and the operations the form needs on it. */
export interface FieldControl {
  spec: FieldSpec;
  /** The field's wrapper (`.scenario-form__field`). */
  element: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  reset: HTMLButtonElement;
  /** Shows a value in the control. */
  show(value: unknown): void;
  /** The control's raw state. */
  read(): RawControl;
  /** Shows the messages next to the field (none: clears them). */
  setErrors(messages: readonly string[]): void;
  /** Marks the field as differing from the baseline, whose value is given. */
  setChanged(changed: boolean, baselineValue: unknown): void;
  setLocked(locked: boolean): void;
}

/** Text of the parts of a field that are not from the schema. */
export interface FieldTexts {
  locked: string;
  changed: string;
  /** What the baseline is called in the changed marker ("preset", "lesson"). */
  baselineName: string;
  reset: string;
}

/**
 * Builds one field: a `<label for>` (label and unit), the control (number box, checkbox,
 * select, text box or JSON text area), a reset button named "Reset <label>", the description
 * and default, a changed marker, a locked note and a message element (role="alert"). Every
 * text is set with `textContent`.
 */
export function fieldControl(doc: Document, spec: FieldSpec, id: string, texts: FieldTexts, onEdit: () => void): FieldControl {
  const el = (tag: string, className: string, text?: string) => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const element = el("div", "scenario-form__field");
  element.dataset.path = spec.path;
  element.dataset.kind = spec.kind;

  const head = el("div", "scenario-form__head");
  const label = el("label", "scenario-form__label", spec.label) as HTMLLabelElement;
  label.htmlFor = id;
  if (spec.unit) label.append(" ", el("span", "scenario-form__unit", `(${spec.unit})`));
  const changedMarker = el("span", "scenario-form__changed-marker");
  changedMarker.id = `${id}-changed`;
  changedMarker.hidden = true;
  const lockedNote = el("span", "scenario-form__locked-note", texts.locked);
  lockedNote.id = `${id}-locked`;
  lockedNote.hidden = true;
  head.append(label, changedMarker, lockedNote);

  const input = makeInput(doc, spec);
  input.id = id;
  input.classList.add("scenario-form__input");
  input.addEventListener(spec.kind === "boolean" || spec.kind === "enum" ? "change" : "input", onEdit);

  const reset = el("button", "scenario-form__reset", texts.reset) as HTMLButtonElement;
  reset.type = "button";
  reset.setAttribute("aria-label", `Reset ${spec.label}`);
  const control = el("div", "scenario-form__control");
  control.append(input, reset);

  const description = el("p", "scenario-form__description", spec.description);
  description.id = `${id}-description`;
  const notes = [spec.default !== undefined ? `Default: ${describeValue(spec.default)}.` : "", spec.optional ? "Optional: leave empty for none." : ""];
  const defaultText = notes.filter(Boolean).join(" ");
  if (defaultText) description.append(" ", el("span", "scenario-form__default", defaultText));
  // A section's own source is said once with the section (see sectionSource).
  const source = ownFieldSource(spec.path);
  if (source) description.append(" ", el("span", "scenario-form__source", `Baseline value's source: ${source}.`));

  const error = el("p", "scenario-form__error");
  error.id = `${id}-error`;
  error.setAttribute("role", "alert");
  error.hidden = true;

  element.append(head, control, description, error);

  const state = { changed: false, locked: false, invalid: false };
  const describe = () => {
    const ids = [description.id];
    if (state.changed) ids.push(changedMarker.id);
    if (state.locked) ids.push(lockedNote.id);
    if (state.invalid) ids.push(error.id);
    input.setAttribute("aria-describedby", ids.join(" "));
  };
  describe();

  return {
    spec,
    element,
    input,
    reset,
    show(value) {
      if (spec.kind === "boolean") (input as HTMLInputElement).checked = value === true;
      else input.value = formatFieldValue(spec, value);
    },
    read() {
      if (spec.kind === "boolean") return { value: "", checked: (input as HTMLInputElement).checked };
      if (spec.kind === "number" || spec.kind === "integer") return { value: input.value, badInput: input.validity?.badInput === true };
      return { value: input.value };
    },
    setErrors(messages) {
      state.invalid = messages.length > 0;
      error.textContent = messages.join("; ");
      error.hidden = !state.invalid;
      element.classList.toggle("invalid", state.invalid);
      if (state.invalid) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      describe();
    },
    setChanged(changed, baselineValue) {
      state.changed = changed;
      element.classList.toggle("changed", changed);
      changedMarker.hidden = !changed;
      changedMarker.textContent = changed ? `${texts.changed} (${texts.baselineName}: ${describeValue(baselineValue, 30)})` : "";
      describe();
    },
    setLocked(locked) {
      state.locked = locked;
      element.classList.toggle("locked", locked);
      lockedNote.hidden = !locked;
      input.disabled = locked || spec.kind === "const";
      reset.disabled = locked || spec.kind === "const";
      describe();
    },
  };
}

function makeInput(doc: Document, spec: FieldSpec): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  switch (spec.kind) {
    case "boolean": {
      const input = doc.createElement("input");
      input.type = "checkbox";
      return input;
    }
    case "enum":
    case "const": {
      const select = doc.createElement("select");
      (spec.options ?? []).forEach((o, k) => {
        const option = doc.createElement("option");
        option.value = String(k);
        option.textContent = String(o);
        select.append(option);
      });
      return select;
    }
    case "number":
    case "integer": {
      const input = doc.createElement("input");
      input.type = "number";
      input.setAttribute("inputmode", spec.kind === "integer" ? "numeric" : "decimal");
      if (spec.min !== undefined) input.min = String(spec.min);
      if (spec.max !== undefined) input.max = String(spec.max);
      input.step = String(spec.step ?? "any");
      return input;
    }
    case "string": {
      if ((spec.maxLength ?? 0) > 200) {
        const area = doc.createElement("textarea");
        area.rows = 3;
        return area;
      }
      const input = doc.createElement("input");
      input.type = "text";
      input.autocomplete = "off";
      return input;
    }
    case "json": {
      const area = doc.createElement("textarea");
      area.classList.add("scenario-form__json");
      area.spellcheck = false;
      area.rows = spec.default !== undefined && Array.isArray(spec.default) && spec.default.some((v) => typeof v === "object") ? 8 : 2;
      return area;
    }
  }
}
