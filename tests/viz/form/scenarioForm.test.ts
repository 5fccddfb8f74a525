// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../sim/scenario/parseScenario.js";
import { scenarioSchema, type Scenario } from "../../../sim/scenario/scenarioSchema.js";
import { formFields } from "../../../viz/form/formFields.js";
import { setPath } from "../../../viz/form/setPath.js";
import { createScenarioForm, resetScenarioForm, scenarioForm, scenarioFormController } from "../../../viz/form/scenarioForm.js";
import teaching from "../../../scenarios/teaching-small.json" with { type: "json" };


const preset = teaching as Record<string, unknown>;
const validated = scenarioSchema.parse(preset);

interface Report {
  scenario: Scenario;
  valid: boolean;
}

function build(options: { scenario?: unknown; locked?: string[] } = {}) {
  const reports: Report[] = [];
  const form = scenarioForm({
    scenario: options.scenario ?? validated,
    baseline: preset,
    locked: options.locked,
    onChange: (scenario, valid) => reports.push({ scenario, valid }),
  });
  document.body.replaceChildren(form);
  const field = (path: string) => form.querySelector<HTMLElement>(`[data-path="${path}"]`)!;
  const input = (path: string) => field(path).querySelector<HTMLInputElement>(".scenario-form__input")!;
  const error = (path: string) => field(path).querySelector<HTMLElement>(".scenario-form__error")!;
  const marker = (path: string) => field(path).querySelector<HTMLElement>(".scenario-form__changed-marker")!;
  const last = () => reports[reports.length - 1];
  return { form, reports, field, input, error, marker, last };
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

function choose(el: HTMLSelectElement | HTMLInputElement, apply: () => void): void {
  apply();
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** The command line's message for `path` when `path` is set to `value` (parseScenario's). */
function schemaMessage(path: string, value: unknown): string {
  const r = parseScenario(setPath(validated, path, value));
  if (r.ok) throw new Error("expected an invalid scenario");
  return r.issues.find((i) => i.path === path)!.message;
}

describe("scenarioForm", () => {
  it("groups the fields by section, each with a label for its control, unit, description and default", () => {
    const { form, field, input } = build();
    expect(form.tagName).toBe("FORM");
    const legends = [...form.querySelectorAll("fieldset > legend")].map((l) => l.textContent);
    expect(legends).toEqual(expect.arrayContaining(["Scenario", "District", "Grids", "Staffing", "Dispatch", "Admin", "Shifts", "Run"]));
    for (const spec of formFields()) {
      const f = field(spec.path);
      // The file format's version has one possible value: nothing to edit, so not shown.
      if (spec.kind === "const") {
        expect(f, spec.path).toBeNull();
        continue;
      }
      expect(f, spec.path).not.toBeNull();
      const label = f.querySelector("label")!;
      const control = document.getElementById(label.htmlFor)!;
      expect(control.closest("[data-path]")).toBe(f);
      expect(label.textContent).toContain(spec.label);
      expect(f.querySelector(".scenario-form__description")!.textContent).toContain(spec.description);
    }
    expect(field("district.widthMeters").querySelector("label")!.textContent).toBe("Width (m)");
    expect(field("grids.householdsPerGrid").textContent).toContain("Default: 400.");
    const households = input("grids.householdsPerGrid");
    expect(households.type).toBe("number");
    expect(households.value).toBe("400");
    expect(households.min).toBe("0");
    expect(input("grids.gridsPerCommunity")).toMatchObject({ min: "1", step: "1" });
    expect(input("staffing.vacancyRate")).toMatchObject({ min: "0", max: "0.95" });
    expect(field("dispatch.policy").querySelector("select")!.options.length).toBe(3);
    // A section's source once, with the section; a field's own source with the field.
    const staffing = form.querySelector('fieldset[data-section="staffing"]')!;
    expect(staffing.querySelectorAll(".scenario-form__source").length).toBe(2);
    expect(staffing.querySelector(":scope > .scenario-form__source")?.textContent).toMatch(/^Baseline values' source: assumption/);
    expect(field("staffing.workersPerGrid").querySelector(".scenario-form__source")?.textContent).toMatch(/one grid, one worker/);
    expect(field("staffing.vacancyRate").querySelector(".scenario-form__source")).toBeNull();
    expect(input("residents.feedback").type).toBe("checkbox");
    expect(field("intake.delay").querySelector("textarea")!.value).toBe('{"type":"exponential","mean":15}');
  });

  it("refuses an out-of-range value with plain words next to the field, and clears it once fixed", () => {
    const { input, error, last, field, form } = build();
    const box = input("staffing.workersPerGrid");
    type(box, "-1");
    expect(error("staffing.workersPerGrid").textContent).toBe("Must be more than 0 — you entered −1");
    // The issue reported to the app keeps the command line's words.
    expect(scenarioFormController(form)!.issues()).toContainEqual(expect.objectContaining({ path: "staffing.workersPerGrid", message: schemaMessage("staffing.workersPerGrid", -1) }));
    expect(error("staffing.workersPerGrid").hidden).toBe(false);
    expect(error("staffing.workersPerGrid").getAttribute("role")).toBe("alert");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(box.getAttribute("aria-describedby")!.split(" ")).toContain(error("staffing.workersPerGrid").id);
    expect(field("staffing.workersPerGrid").classList.contains("invalid")).toBe(true);
    expect(last().valid).toBe(false);

    type(box, "2");
    expect(error("staffing.workersPerGrid").textContent).toBe("");
    expect(error("staffing.workersPerGrid").hidden).toBe(true);
    expect(box.hasAttribute("aria-invalid")).toBe(false);
    expect(box.getAttribute("aria-describedby")!.split(" ")).not.toContain(error("staffing.workersPerGrid").id);
    expect(last().valid).toBe(true);
    expect(last().scenario.staffing.workersPerGrid).toBe(2);
  });

  it("refuses a share above 1 and a non-integer count in plain words", () => {
    const { input, error, last } = build();
    type(input("residents.appShare"), "90");
    expect(error("residents.appShare").textContent).toBe("Must be between 0 and 1 (a share: 0.9 for 90 %) — you entered 90");
    expect(last().valid).toBe(false);
    type(input("residents.appShare"), "0.5");
    type(input("grids.gridsPerCommunity"), "2.5");
    expect(error("grids.gridsPerCommunity").textContent).toBe("Must be a whole number — you entered 2.5");
    type(input("grids.gridsPerCommunity"), "2");
    type(input("staffing.partTimeHoursPerDay"), "30");
    expect(error("staffing.partTimeHoursPerDay").textContent).toBe("Must be at most 24 h per day — you entered 30");
    expect(last().valid).toBe(false);
  });

  it("puts cross-field and feasibility problems on the field they name", () => {
    const { input, error, last } = build();
    const days = teaching.run.days;
    type(input("run.warmupDays"), String(days + 6));
    expect(error("run.warmupDays").textContent).toMatch(new RegExp(`expected fewer warm-up days than run days \\(${days}\\), found ${days + 6}`));
    expect(last().valid).toBe(false);
    type(input("run.warmupDays"), "1");
    type(input("staffing.workersPerGrid"), "0.01");
    expect(error("staffing.workersPerGrid").textContent).toMatch(/expected at least one grid worker/);
    expect(last().valid).toBe(false);
    // Too many to hold: said on the field, before anything is allocated.
    type(input("staffing.workersPerGrid"), "1e12");
    expect(error("staffing.workersPerGrid").textContent).toMatch(/expected a scenario that fits in the memory available \(1\.0 GB\), found one estimated to need [\d.e+]+ GB \(15,000,000,000,000 grid workers\)/);
    expect(last().valid).toBe(false);
  });

  it("reports an empty required box without changing the scenario, and removes an optional field left empty", () => {
    const { input, error, last, form } = build();
    type(input("staffing.skill"), "");
    expect(error("staffing.skill").textContent).toBe("Must not be empty — enter a number");
    expect(last().valid).toBe(false);
    expect(scenarioFormController(form)!.issues()).toContainEqual(expect.objectContaining({ path: "staffing.skill", message: "expected a number, found an empty box" }));
    type(input("staffing.skill"), "1");
    type(input("grids.columns"), "3");
    expect(error("grids.rows").textContent).toBe("expected columns and rows together, found only one");
    type(input("grids.columns"), "");
    expect(error("grids.rows").textContent).toBe("");
    expect(last().valid).toBe(true);
    expect("columns" in last().scenario.grids).toBe(false);
  });

  it("edits enums, booleans and JSON fields, with JSON messages and plain words for the schema's", () => {
    const { field, input, error, last } = build();
    const select = field("dispatch.policy").querySelector("select")!;
    choose(select, () => (select.selectedIndex = 2));
    expect(last().scenario.dispatch.policy).toBe("nearest");
    const box = input("residents.feedback");
    choose(box, () => (box.checked = true));
    expect(last().scenario.residents.feedback).toBe(true);
    const delay = field("intake.delay").querySelector("textarea")!;
    type(delay, '{"type": "lognormal", "mean": 20');
    expect(error("intake.delay").textContent).toMatch(/^expected valid JSON/);
    expect(last().valid).toBe(false);
    type(delay, '{"type": "lognormal", "mean": -20, "cv": 1}');
    expect(error("intake.delay").textContent).toBe("mean: Must be more than 0 — you entered −20");
    type(delay, '{"type": "lognormal", "mean": 20, "cv": 1}');
    expect(error("intake.delay").textContent).toBe("");
    expect(last()).toMatchObject({ valid: true, scenario: { intake: { delay: { type: "lognormal", mean: 20, cv: 1 } } } });
  });

  it("marks fields that differ from the baseline with a class and visible text, and unmarks them when equal again", () => {
    const { field, input, marker } = build();
    const f = field("grids.householdsPerGrid");
    expect(f.classList.contains("changed")).toBe(false);
    expect(marker("grids.householdsPerGrid").hidden).toBe(true);
    type(input("grids.householdsPerGrid"), "300");
    expect(f.classList.contains("changed")).toBe(true);
    expect(marker("grids.householdsPerGrid").hidden).toBe(false);
    expect(marker("grids.householdsPerGrid").textContent).toBe("changed (preset: 400)");
    expect(input("grids.householdsPerGrid").getAttribute("aria-describedby")).toContain(marker("grids.householdsPerGrid").id);
    type(input("grids.householdsPerGrid"), "400");
    expect(f.classList.contains("changed")).toBe(false);
    expect(marker("grids.householdsPerGrid").hidden).toBe(true);
  });

  it("resets one field with its own button, named after the field", () => {
    const { form, input, field, last } = build();
    type(input("grids.householdsPerGrid"), "-5");
    const button = [...form.querySelectorAll("button")].find((b) => b.getAttribute("aria-label") === "Reset Households per grid")!;
    expect(button).toBeDefined();
    expect(button.type).toBe("button");
    button.click();
    expect(input("grids.householdsPerGrid").value).toBe("400");
    expect(field("grids.householdsPerGrid").classList.contains("changed")).toBe(false);
    expect(field("grids.householdsPerGrid").classList.contains("invalid")).toBe(false);
    expect(last()).toMatchObject({ valid: true, scenario: { grids: { householdsPerGrid: 400 } } });
  });

  it("resets the whole scenario through the export and the reset-all button", () => {
    const { form, input, field, last } = build();
    type(input("grids.householdsPerGrid"), "300");
    type(input("run.days"), "7");
    type(input("staffing.skill"), "");
    resetScenarioForm(form);
    expect(input("grids.householdsPerGrid").value).toBe("400");
    expect(input("run.days").value).toBe(String(teaching.run.days));
    expect(input("staffing.skill").value).toBe("1");
    expect(form.querySelectorAll(".changed, .invalid").length).toBe(0);
    expect(last()).toMatchObject({ valid: true });
    expect(last().scenario).toEqual(validated);

    type(input("run.days"), "7");
    form.querySelector<HTMLButtonElement>(".scenario-form__reset-all")!.click();
    expect(input("run.days").value).toBe(String(teaching.run.days));
    expect(field("run.days").classList.contains("changed")).toBe(false);
  });

  it("disables locked fields with a visible note and keeps them through a whole reset", () => {
    const teacher = setPath(validated, "staffing.workersPerGrid", 2);
    const { form, field, input, last } = build({ scenario: teacher, locked: ["staffing.workersPerGrid", "run"] });
    for (const path of ["staffing.workersPerGrid", "run.days", "run.warmupDays"]) {
      expect(input(path).disabled, path).toBe(true);
      expect(field(path).classList.contains("locked")).toBe(true);
      const note = field(path).querySelector<HTMLElement>(".scenario-form__locked-note")!;
      expect(note.hidden).toBe(false);
      expect(note.textContent).toBe("locked by the lesson");
      expect(field(path).querySelector<HTMLButtonElement>(".scenario-form__reset")!.disabled).toBe(true);
    }
    expect(input("grids.householdsPerGrid").disabled).toBe(false);
    expect(field("grids.householdsPerGrid").querySelector<HTMLElement>(".scenario-form__locked-note")!.hidden).toBe(true);
    // an edit event on a locked field (e.g. scripted) changes nothing
    type(input("staffing.workersPerGrid"), "9");
    expect(scenarioFormController(form)!.value().staffing.workersPerGrid).toBe(2);
    type(input("grids.householdsPerGrid"), "300");
    resetScenarioForm(form);
    expect(last().scenario.grids.householdsPerGrid).toBe(400);
    expect(last().scenario.staffing.workersPerGrid).toBe(2);
  });

  it("shows a hostile name as text and never creates elements from it", () => {
    const hostile = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=1</script>Evil 评估';
    const { form, input } = build({ scenario: { ...validated, name: hostile, description: hostile } });
    expect(input("name").value).toBe(hostile);
    expect(form.querySelector<HTMLTextAreaElement>('[data-path="description"] textarea')!.value).toBe(hostile);
    expect(form.querySelectorAll("img, script").length).toBe(0);
    const other = scenarioForm({ scenario: validated, baseline: { ...preset, name: hostile } });
    expect(other.querySelector('[data-path="name"] .scenario-form__changed-marker')!.textContent).toContain("<img");
    expect(other.querySelectorAll("img, script").length).toBe(0);
    // A value typed into a JSON box comes back in the message beside it: as text too.
    const categories = form.querySelector<HTMLTextAreaElement>('[data-path="incidents.categories"] textarea')!;
    type(categories, JSON.stringify([{ ...validated.incidents.categories[0], escalateTo: hostile }]));
    const message = form.querySelector('[data-path="incidents.categories"] .scenario-form__error')!;
    expect(message.textContent).toMatch(/^\[0\]\.escalateTo: Must be "street" or "district" — you entered "<img src=x onerror=/);
    expect(form.querySelectorAll("img, script").length).toBe(0);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it("shows problems of the initial scenario and keeps ids unique between forms", () => {
    const a = createScenarioForm({ scenario: setPath(validated, "run.days", -1), baseline: preset });
    const b = createScenarioForm({ scenario: validated, baseline: preset });
    expect(a.valid()).toBe(false);
    expect(a.element.querySelector('[data-path="run.days"] .scenario-form__error')!.textContent).toBe("Must be more than 0 days — you entered −1");
    expect(a.element.querySelector<HTMLElement>(".scenario-form__summary")!.hidden).toBe(false);
    expect(b.valid()).toBe(true);
    const ids = [...a.element.querySelectorAll("[id]"), ...b.element.querySelectorAll("[id]")].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    b.setScenario(setPath(validated, "run.days", 3));
    expect(b.element.querySelector<HTMLInputElement>('[data-path="run.days"] input')!.value).toBe("3");
    expect(b.value().run.days).toBe(3);
  });
});
