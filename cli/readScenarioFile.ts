import { totalmem } from "node:os";
import { loadScenarioData } from "../sim/experiments/loadScenario.js";
import { ignoredAfterOverrides, ignoredFields, ignoredFieldWarning } from "../sim/scenario/ignoredFields.js";
import { parseJsonText } from "../sim/scenario/parseScenario.js";
import { formatIssues, type ScenarioIssue } from "../sim/scenario/ScenarioIssue.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import type { ParsedArgs } from "./parseArgs.js";
import { readTextFile } from "./readTextFile.js";
import { UserError } from "./UserError.js";

/** A scenario read from a file, with warnings to show. */
export interface ScenarioFile {
  file: string;
  scenario: Scenario;
  /** Warnings about the scenario (heavy load, a long shift): its results carry them. */
  warnings: string[];
  /**
   * Warnings about the file as written: a field it gives that another field it gives
   * overrides (see {@link ignoredFields}). Shown, but kept out of results: the same
   * scenario gives the same result whatever file, or file name, it was read from.
   */
  fileWarnings: string[];
}

/** A `path=value` change to a scenario, and the option that asked for it (`--set`, `--days`, …). */
export interface ScenarioOverride {
  text: string;
  flag: string;
}

/** The changes `--set path=value` (repeatable) and `--days N` ask for, in that order. */
export function scenarioOverrides(flags: ParsedArgs["flags"]): ScenarioOverride[] {
  const set = ((flags.set as string[] | undefined) ?? []).map((text) => ({ text, flag: "--set" }));
  return flags.days !== undefined ? [...set, { text: `run.days=${flags.days}`, flag: "--days" }] : set;
}

/**
 * Refuses a lever (of `--vary`, `--range`, `--lever`) that an override also sets: the
 * lever's values would silently replace the override's.
 */
export function refuseLeversAlsoSet(flag: string, levers: readonly string[], overrides: readonly ScenarioOverride[]): void {
  const clashes = levers.flatMap((lever) =>
    overrides
      .filter((o) => o.text.startsWith(`${lever}=`))
      .map((o) => `${flag} ${lever}: expected the lever to be given once, found it also in ${o.flag} ${o.flag === "--set" ? o.text : o.text.slice(lever.length + 1)}; its values would replace that`),
  );
  if (clashes.length) throw new UserError(clashes.join("\n"));
}

/**
 * Reads and validates a scenario file with `overrides` applied; every problem becomes
 * one UserError listing them all. A problem with a value an override wrote says which
 * option it came from.
 */
export function readScenarioFile(file: string, overrides: readonly ScenarioOverride[] = []): ScenarioFile {
  // Parsed here rather than by loadScenario, to see the file as written, before defaults are filled in.
  const json = parseJsonText(readTextFile(file, "scenario file"));
  const checked = json.ok ? loadScenarioData(json.value, overrides.map((o) => o.text), totalmem()) : json;
  if (!checked.ok) {
    const n = checked.issues.length;
    const issues = checked.issues.map((issue) => withOrigin(issue, overrides));
    throw new UserError(`${formatIssues(file, issues)}\n${file}: ${n} problem${n > 1 ? "s" : ""} found; nothing was run`);
  }
  const written = json.ok ? json.value : null;
  const fileWarnings = ignoredFields(written).map((f) => ignoredFieldWarning(f, file));
  // A field the file uses that an override now overrides: ignored without a word otherwise.
  const set = overrides.map((o) => ({ path: o.text.slice(0, Math.max(0, o.text.indexOf("="))), flag: o.flag }));
  for (const f of ignoredAfterOverrides(written, set.map((o) => o.path))) {
    const by = set.filter((o) => f.by.includes(o.path)).map((o) => `${o.flag} ${o.path}`);
    fileWarnings.push(`${f.path} in ${file} is ignored: ${by.join(" and ")} ${by.length === 1 ? "fixes" : "fix"} ${f.decides} instead`);
  }
  return { file, scenario: checked.value, warnings: checked.warnings, fileWarnings };
}

/** Adds "(from --set)" to an issue about a value an override wrote (the field itself or a part of it). */
function withOrigin(issue: ScenarioIssue, overrides: readonly ScenarioOverride[]): ScenarioIssue {
  if (issue.beforeOverrides) return issue;
  const path = issue.path.replace(/\[(\d+)\]/g, ".$1");
  const origin = [...overrides].reverse().find((o) => {
    const set = o.text.slice(0, Math.max(0, o.text.indexOf("=")));
    return set !== "" && (path === set || path.startsWith(`${set}.`));
  });
  return origin ? { ...issue, message: `${issue.message} (from ${origin.flag})` } : issue;
}
