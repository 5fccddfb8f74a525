import { loadScenarioData } from "../../sim/experiments/loadScenario.js";
import { gridDimensions } from "../../sim/model/Layout.js";
import { workerCount } from "../../sim/model/Workforce.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { ignoredFields, ignoredFieldWarning, overridden, type OverriddenField } from "../../sim/scenario/ignoredFields.js";
import type { ScenarioIssue } from "../../sim/scenario/ScenarioIssue.js";

/** A scenario chosen for the comparison, as edited in the page. */
export interface ScenarioEntry {
  /** Stable key within the page. */
  key: number;
  /** The shipped preset it started from, or null for a loaded file or a linked scenario. */
  preset: string | null;
  /** What "changed" and "reset" refer to: the preset's or the file's data. */
  baseline: unknown;
  /** In a lesson, the data its link set the scenario up with: what the editor resets to there. */
  lessonStart?: unknown;
  /** The current scenario data (JSON). */
  data: unknown;
  /** Problems that block running it (empty when it can run). */
  issues: ScenarioIssue[];
  /** Warnings about how it will run (e.g. a load the workers cannot keep up with), as `gridgov run` prints them. */
  warnings: string[];
  /**
   * For a scenario loaded from a file: its name, and the fields the file gives that another
   * field it gives overrides (see {@link entryFileWarnings}).
   */
  file?: { name: string; ignored: OverriddenField[] };
}

let nextKey = 1;

/** A new entry, checked. */
export function makeEntry(preset: string | null, baseline: unknown, data: unknown = baseline): ScenarioEntry {
  const entry: ScenarioEntry = { key: nextKey++, preset, baseline, data, issues: [], warnings: [] };
  return Object.assign(entry, checkEntry(entry));
}

/**
 * A new entry for a scenario loaded from file `name`, checked; `data` is the file's JSON as
 * written, before defaults are filled in, which alone tells which of its fields another
 * overrides (see {@link entryFileWarnings}).
 */
export function makeFileEntry(name: string, data: unknown): ScenarioEntry {
  return Object.assign(makeEntry(null, data), { file: { name, ignored: ignoredFields(data) } });
}

/**
 * The entry's current data checked (schema and feasibility): its problems as field-path
 * issues, or, when it can run, the warnings about how it will run.
 */
export function checkEntry(entry: Pick<ScenarioEntry, "data">): Pick<ScenarioEntry, "issues" | "warnings"> {
  const checked = loadScenarioData(entry.data);
  return checked.ok ? { issues: [], warnings: checked.warnings } : { issues: checked.issues, warnings: [] };
}

/**
 * Warnings about the file an entry was loaded from, as `gridgov run` prints them: each field
 * the file gives that another field it gives overrides, for as long as the scenario still
 * gives that other field (the editor may take it out). They concern the file, not the
 * scenario, so they are shown with it but not carried into its results.
 */
export function entryFileWarnings(entry: Pick<ScenarioEntry, "data" | "file">): string[] {
  const file = entry.file;
  return file ? file.ignored.filter((f) => overridden(entry.data, f)).map((f) => ignoredFieldWarning(f, file.name)) : [];
}

/** The validated scenario of an entry (throws if it has issues: check first). */
export function entryScenario(entry: ScenarioEntry): Scenario {
  const checked = loadScenarioData(entry.data);
  if (!checked.ok) throw new Error(`scenario is not valid: ${checked.issues[0]?.message}`);
  return checked.value;
}

/** The entry's display name (its `name` field, as text). */
export function entryName(entry: ScenarioEntry): string {
  const name = (entry.data as { name?: unknown } | null)?.name;
  return typeof name === "string" && name ? name : "(unnamed scenario)";
}

/** "28 grids · 15 grid workers": the size of a valid entry's district, as the engine builds it; null while it is invalid. */
export function entrySize(entry: ScenarioEntry): string | null {
  if (entry.issues.length > 0) return null;
  const s = entryScenario(entry);
  const { columns, rows } = gridDimensions(s);
  const grids = columns * rows;
  const workers = workerCount(s, grids);
  const n = (x: number) => x.toLocaleString("en-US");
  return `${n(grids)} grid${grids === 1 ? "" : "s"} · ${n(workers)} grid worker${workers === 1 ? "" : "s"}`;
}
