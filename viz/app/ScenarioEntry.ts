import { loadScenarioData } from "../../sim/experiments/loadScenario.js";
import { gridDimensions } from "../../sim/model/Layout.js";
import { workerCount } from "../../sim/model/Workforce.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
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
}

let nextKey = 1;

/** A new entry, checked. */
export function makeEntry(preset: string | null, baseline: unknown, data: unknown = baseline): ScenarioEntry {
  const entry: ScenarioEntry = { key: nextKey++, preset, baseline, data, issues: [], warnings: [] };
  return Object.assign(entry, checkEntry(entry));
}

/**
 * The entry's current data checked (schema and feasibility): its problems as field-path
 * issues, or, when it can run, the warnings about how it will run.
 */
export function checkEntry(entry: Pick<ScenarioEntry, "data">): Pick<ScenarioEntry, "issues" | "warnings"> {
  const checked = loadScenarioData(entry.data);
  return checked.ok ? { issues: [], warnings: checked.warnings } : { issues: checked.issues, warnings: [] };
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
