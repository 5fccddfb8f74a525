import { sectionSource } from "./fieldSources.js";
import type { ScenarioIssue } from "../../sim/scenario/ScenarioIssue.js";
import { scenarioSchema, type Scenario } from "../../sim/scenario/scenarioSchema.js";
import { changedPaths } from "./changedPaths.js";
import { fieldControl, type FieldControl } from "./fieldControl.js";
import { formFields, formSections } from "./formFields.js";
import { getPath } from "./getPath.js";
import { matchesPath } from "./matchesPath.js";
import { plainIssue } from "./plainIssue.js";
import { readFieldValue } from "./readFieldValue.js";
import { setPath } from "./setPath.js";
import { validateDraft, type DraftCheck } from "./validateDraft.js";

/** Words of the form that do not come from the schema (for translation). */
export interface ScenarioFormTexts {
  /** Note on a locked field. */
  locked: string;
  /** Marker on a field that differs from the baseline (followed by "(<baselineName>: <value>)"). */
  changed: string;
  /** What the baseline is called in that marker: "preset", or "lesson" for a lesson's set-up. */
  baselineName: string;
  /** Visible text of each field's reset button (its accessible name is "Reset <label>"). */
  reset: string;
  /** The whole-scenario reset button. */
  resetAll: string;
  /** Legend of the top-level fields (name, description). */
  scenario: string;
  /** Heading of the problem summary; `{n}` is replaced by the number of problems. */
  problems: string;
}

const DEFAULT_TEXTS: ScenarioFormTexts = {
  locked: "locked by the lesson",
  changed: "changed",
  baselineName: "preset",
  reset: "Reset",
  resetAll: "Reset all to preset",
  scenario: "Scenario",
  problems: "{n} problem(s) to fix before the scenario can run",
};

export interface ScenarioFormOptions {
  /** The scenario to edit (validated; raw scenario data is validated and filled in first). */
  scenario: unknown;
  /** What it is compared with (its preset, or a lesson's set-up): fields differing from it are marked and reset to it. */
  baseline: unknown;
  /** Field paths that cannot be changed; a section path (`staffing`) locks all its fields. */
  locked?: readonly string[];
  /**
   * Called after every edit and reset. When `valid`, `scenario` is the validated scenario with
   * defaults filled in, ready to run; otherwise it is the draft as typed (not a valid Scenario),
   * and `issues` say what is wrong. Not called for the initial scenario or {@link ScenarioFormController.setScenario}.
   */
  onChange?: (scenario: Scenario, valid: boolean, issues: ScenarioIssue[]) => void;
  /** Prefix of element ids, unique per form on a page (default: `scenario-form-<n>`). */
  idPrefix?: string;
  /** The document to build in (default: the global one). */
  document?: Document;
  texts?: Partial<ScenarioFormTexts>;
}

/** A built form and what the app can do with it. */
export interface ScenarioFormController {
  /** The detached form element (class `scenario-form`). */
  element: HTMLFormElement;
  /** The scenario as edited: validated when {@link valid}, else the draft as typed. */
  value(): Scenario;
  valid(): boolean;
  /** Every current problem (schema, feasibility, unreadable boxes) with its field path. */
  issues(): ScenarioIssue[];
  /** Resets every unlocked field to the baseline, then reports through onChange. */
  reset(): void;
  /** Resets one field to the baseline (ignored when locked), then reports through onChange. */
  resetField(path: string): void;
  /** Replaces the edited scenario (a file loaded, a link opened), without calling onChange. */
  setScenario(scenario: unknown): void;
}

const controllers = new WeakMap<Element, ScenarioFormController>();
let formCount = 0;

/** Validated copy with defaults filled in, or a plain copy when it does not validate. */
function normalize(data: unknown): unknown {
  const parsed = scenarioSchema.safeParse(data);
  return parsed.success ? parsed.data : structuredClone(data);
}

/**
 * A form editing one scenario, generated from the scenario schema: one `<fieldset>` per
 * schema section, one labelled control per field (see {@link fieldControl}), every edit
 * validated against the schema and feasibility with the message shown on its field.
 * Distributions and arrays (incident categories, hour profiles, workdays) are edited as
 * small JSON text areas, checked the same way. Returns the controller; see {@link scenarioForm}.
 */
export function createScenarioForm(options: ScenarioFormOptions): ScenarioFormController {
  const doc = options.document ?? globalThis.document;
  const texts = { ...DEFAULT_TEXTS, ...options.texts };
  const prefix = options.idPrefix ?? `scenario-form-${++formCount}`;
  const fields = formFields();
  const paths = fields.map((f) => f.path);
  const locked = new Set(paths.filter((p) => (options.locked ?? []).some((l) => matchesPath(p, l))));
  const baseline = normalize(options.baseline);
  let draft = normalize(options.scenario);
  /** Boxes that cannot be read (empty, not a number, broken JSON), by field path. */
  const localErrors = new Map<string, ScenarioIssue>();
  let check: DraftCheck;

  const el = (tag: string, className: string, text?: string) => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const form = el("form", "scenario-form") as HTMLFormElement;
  form.noValidate = true;
  form.addEventListener("submit", (e) => e.preventDefault());
  const summary = el("div", "scenario-form__summary");
  summary.setAttribute("role", "alert");
  summary.hidden = true;
  const warnings = el("div", "scenario-form__warnings");
  warnings.setAttribute("aria-live", "polite");
  warnings.hidden = true;
  const resetAll = el("button", "scenario-form__reset-all", texts.resetAll) as HTMLButtonElement;
  resetAll.type = "button";
  const toolbar = el("div", "scenario-form__toolbar");
  toolbar.append(resetAll);
  form.append(toolbar, summary, warnings);

  const controls = new Map<string, FieldControl>();
  const groups = [{ key: "", label: texts.scenario, description: "" }, ...formSections()];
  for (const group of groups) {
    // A field with one possible value (the file format's version) has nothing to edit.
    const members = fields.filter((f) => f.section === group.key && f.kind !== "const");
    if (members.length === 0) continue;
    const fieldset = el("fieldset", "scenario-form__section");
    fieldset.dataset.section = group.key || "scenario";
    fieldset.append(el("legend", "scenario-form__legend", group.label));
    if (group.description) fieldset.append(el("p", "scenario-form__section-description", group.description));
    // Where the baseline's values of the whole section come from, said once rather than under every field.
    const source = sectionSource(group.key);
    if (source) fieldset.append(el("p", "scenario-form__source", `Baseline values' source: ${source}.`));
    for (const spec of members) {
      const id = `${prefix}-${spec.path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
      const control = fieldControl(doc, spec, id, texts, () => edit(spec.path));
      control.reset.addEventListener("click", () => resetField(spec.path));
      control.setLocked(locked.has(spec.path));
      controls.set(spec.path, control);
      fieldset.append(control.element);
    }
    form.append(fieldset);
  }

  const issues = (): ScenarioIssue[] => [...localErrors.values(), ...check.issues];
  const valid = () => check.valid && localErrors.size === 0;

  function showAll(): void {
    for (const [path, control] of controls) control.show(getPath(draft, path));
  }

  function refresh(): void {
    check = validateDraft(draft, fields);
    const changed = changedPaths(draft, baseline);
    let count = check.general.length;
    for (const [path, control] of controls) {
      const local = localErrors.get(path);
      const messages = local !== undefined ? [plainIssue(local, control.spec)] : (check.byField.get(path) ?? []);
      count += messages.length;
      control.setErrors(messages);
      control.setChanged(
        changed.some((c) => matchesPath(c, path) || matchesPath(path, c)),
        getPath(baseline, path),
      );
    }
    summary.replaceChildren();
    summary.hidden = count === 0;
    if (count > 0) {
      summary.append(el("p", "scenario-form__summary-title", texts.problems.replace("{n}", String(count))));
      if (check.general.length) {
        const list = el("ul", "scenario-form__summary-list");
        for (const message of check.general) list.append(el("li", "", message));
        summary.append(list);
      }
    }
    warnings.replaceChildren(...check.warnings.map((w) => el("p", "scenario-form__warning", w)));
    warnings.hidden = check.warnings.length === 0;
  }

  function emit(): void {
    options.onChange?.(controller.value(), valid(), issues());
  }

  function edit(path: string): void {
    const control = controls.get(path);
    if (!control || locked.has(path)) return;
    const read = readFieldValue(control.spec, control.read());
    if (read.ok) {
      draft = setPath(draft, path, read.value);
      localErrors.delete(path);
    } else {
      localErrors.set(path, { path, message: read.message, ...(read.detail ? { detail: read.detail } : {}) });
    }
    refresh();
    emit();
  }

  function resetField(path: string): void {
    const control = controls.get(path);
    if (!control || locked.has(path)) return;
    draft = setPath(draft, path, structuredClone(getPath(baseline, path)));
    localErrors.delete(path);
    control.show(getPath(draft, path));
    refresh();
    emit();
  }

  function reset(): void {
    let next = structuredClone(baseline);
    for (const path of locked) next = setPath(next, path, structuredClone(getPath(draft, path)));
    draft = next;
    localErrors.clear();
    showAll();
    refresh();
    emit();
  }

  resetAll.addEventListener("click", reset);

  const controller: ScenarioFormController = {
    element: form,
    value: () => (valid() && check.value ? check.value : draft) as Scenario,
    valid,
    issues,
    reset,
    resetField,
    setScenario(scenario) {
      draft = normalize(scenario);
      localErrors.clear();
      showAll();
      refresh();
    },
  };
  showAll();
  refresh();
  controllers.set(form, controller);
  return controller;
}

/**
 * The scenario editor as a detached element (a `<form class="scenario-form">`), built with
 * DOM calls only: untrusted text (names, descriptions, messages) is always set as text.
 * Use {@link resetScenarioForm} or {@link scenarioFormController} to act on it later.
 */
export function scenarioForm(options: ScenarioFormOptions): HTMLElement {
  return createScenarioForm(options).element;
}

/** The controller of an element built by {@link scenarioForm}, if it is one. */
export function scenarioFormController(element: Element): ScenarioFormController | undefined {
  return controllers.get(element);
}

/** Resets every unlocked field of a form built by {@link scenarioForm} to its baseline. */
export function resetScenarioForm(element: Element): void {
  controllers.get(element)?.reset();
}
