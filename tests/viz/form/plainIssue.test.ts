import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../sim/scenario/parseScenario.js";
import type { ScenarioIssue } from "../../../sim/scenario/ScenarioIssue.js";
import { scenarioSchema } from "../../../sim/scenario/scenarioSchema.js";
import { formFields, type FieldSpec } from "../../../viz/form/formFields.js";
import { plainIssue } from "../../../viz/form/plainIssue.js";
import { readFieldValue } from "../../../viz/form/readFieldValue.js";
import { setPath } from "../../../viz/form/setPath.js";
import { validateDraft } from "../../../viz/form/validateDraft.js";
import teaching from "../../../scenarios/teaching-small.json" with { type: "json" };

const validated = scenarioSchema.parse(teaching);
const fields = formFields();
const spec = (path: string): FieldSpec => fields.find((f) => f.path === path)!;

/** The schema's issue at `path` when `path` is set to `value` (as parseScenario reports it). */
function issueAt(path: string, value: unknown, at = path): ScenarioIssue {
  const r = parseScenario(setPath(validated, path, value));
  if (r.ok) throw new Error(`expected ${path} = ${JSON.stringify(value)} to be refused`);
  const issue = r.issues.find((i) => i.path === at);
  if (!issue) throw new Error(`no issue at ${at}: ${JSON.stringify(r.issues)}`);
  return issue;
}

/** The plain words beside the box of `path` when `path` is set to `value`. */
const plain = (path: string, value: unknown) => plainIssue(issueAt(path, value), spec(path));

describe("plainIssue", () => {
  it("keeps the command line's message and carries the zod issue's data beside it", () => {
    const issue = issueAt("staffing.workersPerGrid", -1);
    expect(issue.message).toBe("expected number to be >0, found -1");
    expect(issue.detail).toEqual({ code: "too_small", origin: "number", minimum: 0, inclusive: false, found: -1 });
  });

  it("words a number below or above its bound, with a true minus sign and grouped digits", () => {
    expect(plain("staffing.workersPerGrid", -1)).toBe("Must be more than 0 — you entered −1");
    expect(plain("residents.appSpeedup", 0.5)).toBe("Must be at least 1 — you entered 0.5");
    expect(plain("run.days", 1e9)).toBe("Must be at most 36,600 days — you entered 1,000,000,000");
    expect(plainIssue({ path: "x", message: "m", detail: { code: "too_big", origin: "number", maximum: 10, inclusive: false, found: 12 } })).toBe(
      "Must be less than 10 — you entered 12",
    );
  });

  it("keeps the unit the field's label shows", () => {
    expect(plain("staffing.partTimeHoursPerDay", 30)).toBe("Must be at most 24 h per day — you entered 30");
    expect(plain("district.widthMeters", 0)).toBe("Must be more than 0 m — you entered 0");
    expect(plain("admin.blockMinutes", 0.5)).toBe("Must be at least 1 min — you entered 0.5");
    expect(plain("shifts.start", 1500)).toBe("Must be between 0 and 1,440 min after midnight — you entered 1,500");
  });

  it("gives both ends of a range whose ends are both allowed, and says what a share is", () => {
    const share = "Must be between 0 and 1 (a share: 0.9 for 90 %)";
    expect(plain("residents.appShare", 90)).toBe(`${share} — you entered 90`);
    expect(plain("residents.appShare", -0.1)).toBe(`${share} — you entered −0.1`);
    expect(plain("staffing.vacancyRate", 0.99)).toBe("Must be between 0 and 0.95 (a share: 0.9 for 90 %) — you entered 0.99");
    expect(plain("verification.maxReopenings", 21)).toBe("Must be between 0 and 20 — you entered 21");
    // Without the field (a value inside a JSON box) only the bound broken is known.
    expect(plainIssue(issueAt("residents.appShare", 1.5))).toBe("Must be at most 1 — you entered 1.5");
  });

  it("words a whole-number field: not whole, and 'more than 0' as 'at least 1' as its box says", () => {
    expect(plain("grids.gridsPerCommunity", 2.5)).toBe("Must be a whole number — you entered 2.5");
    expect(plain("grids.gridsPerCommunity", 0)).toBe("Must be at least 1 — you entered 0");
    expect(plain("escalation.streetTeams", -1)).toBe("Must be at least 0 — you entered −1");
    // Not "between 1 and 9,007,199,254,740,991": that is the largest whole number a double holds, no limit of the field's.
    expect(plain("district.households", 1e17)).toBe("Must be a smaller whole number — you entered 100,000,000,000,000,000");
  });

  it("words a value that is not a number, is missing, or is too large to use", () => {
    expect(plain("staffing.skill", "abc")).toBe('Must be a number — you entered "abc"');
    expect(plain("staffing.skill", Infinity)).toBe("Must be an ordinary number — you entered one too large to use");
    expect(plain("staffing.skill", -Infinity)).toBe("Must be an ordinary number — you entered one too far below zero to use");
    expect(plain("staffing.skill", null)).toBe("Must be a number — you entered null");
    expect(plainIssue(issueAt("intake.delay", { type: "lognormal", mean: 20 }, "intake.delay.cv"))).toBe("Must be a number — it is missing");
    expect(plain("residents.feedback", "yes")).toBe('Must be true or false — you entered "yes"');
    expect(plain("intake.delay", "abc")).toBe('Must be a group of fields in braces, { … } — you entered "abc"');
  });

  it("words a box that cannot be read: empty, or not a number", () => {
    const read = (path: string, value: string, badInput = false) => {
      const r = readFieldValue(spec(path), { value, badInput });
      if (r.ok) throw new Error("expected the box to be refused");
      return plainIssue({ path, message: r.message, detail: r.detail }, spec(path));
    };
    expect(read("staffing.skill", "")).toBe("Must not be empty — enter a number");
    expect(read("grids.communitiesPerStreet", "  ")).toBe("Must not be empty — enter a whole number");
    expect(read("staffing.skill", "", true)).toBe("Must be a number — you entered something that is not one");
    expect(read("staffing.skill", "twelve")).toBe('Must be a number — you entered "twelve"');
    expect(read("incidents.hourOfDay", "")).toBe("Must not be empty — enter a list in brackets, [ … ]");
    expect(read("intake.delay", "")).toBe("Must not be empty — enter a group of fields in braces, { … }");
  });

  it("words a choice that is not one of the allowed values", () => {
    expect(plain("dispatch.policy", "fastest")).toBe('Must be one of "ownGrid", "communityPool" or "nearest" — you entered "fastest"');
    const category = { ...validated.incidents.categories[0], escalateTo: "city" };
    expect(plainIssue(issueAt("incidents.categories", [category], "incidents.categories[0].escalateTo"))).toBe('Must be "street" or "district" — you entered "city"');
    const type = issueAt("intake.delay", { type: "weibull", mean: 20 }, "intake.delay.type");
    expect(plainIssue(type)).toBe('Must be one of "exponential", "deterministic", "uniform", "lognormal", "gamma", "triangular" or "empirical" — you entered "weibull"');
    expect(plainIssue(issueAt("intake.delay", { mean: 20 }, "intake.delay.type"))).toMatch(/^Must be one of "exponential", .* — it is missing$/);
  });

  it("words a list of the wrong length", () => {
    expect(plain("incidents.hourOfDay", [1, 2, 3])).toBe("Must have exactly 24 entries — this list has 3");
    expect(plain("shifts.workdays", [true, true])).toBe("Must have exactly 7 entries — this list has 2");
    expect(plain("incidents.categories", [])).toBe("Must have at least 1 entry — this list is empty");
  });

  it("words text that is empty or too long, and text of the wrong form", () => {
    expect(plain("name", "")).toBe("Must not be empty");
    expect(plain("name", "x".repeat(300))).toBe("Must be at most 200 characters long — this one has 300");
    const category = { ...validated.incidents.categories[0], id: "1x" };
    expect(plainIssue(issueAt("incidents.categories", [category], "incidents.categories[0].id"))).toBe(
      'Must be a short identifier: a letter, then letters, digits, _ or - — you entered "1x"',
    );
  });

  it("names an unknown field", () => {
    expect(plainIssue(issueAt("intake.delay", { type: "exponential", mean: 20, cv: 1 }))).toBe('Unknown field "cv": remove it or check its spelling');
  });

  it("keeps the message of a check written for people (cross-field, feasibility), and of an issue without data", () => {
    const warmup = issueAt("run.warmupDays", 100);
    expect(warmup.detail).toBeUndefined();
    expect(plainIssue(warmup, spec("run.warmupDays"))).toBe(warmup.message);
    expect(plainIssue({ path: "", message: "expected valid JSON, found a syntax error" })).toBe("expected valid JSON, found a syntax error");
  });

  it("is what validateDraft puts beside each box, a value inside a JSON box named by its inner path", () => {
    const check = validateDraft(setPath(setPath(validated, "staffing.workersPerGrid", -1), "intake.delay", { type: "lognormal", mean: -20, cv: 1 }), fields);
    expect(check.valid).toBe(false);
    expect(check.byField.get("staffing.workersPerGrid")).toEqual(["Must be more than 0 — you entered −1"]);
    expect(check.byField.get("intake.delay")).toEqual(["mean: Must be more than 0 — you entered −20"]);
    // The issues themselves keep the command line's words.
    expect(check.issues.map((i) => i.message)).toContain("expected number to be >0, found -1");
  });
});
