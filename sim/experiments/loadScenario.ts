import { checkFeasibility } from "../model/checkFeasibility.js";
import { estimateMemory, type MemoryEstimate } from "../model/estimateMemory.js";
import { applyOverrides } from "../scenario/applyOverrides.js";
import { parseJsonText, parseScenario } from "../scenario/parseScenario.js";
import type { Checked, ScenarioIssue } from "../scenario/ScenarioIssue.js";
import type { Scenario } from "../scenario/scenarioSchema.js";

/**
 * The memory a scenario may be estimated to need when the caller gives no limit (the web
 * app, share links): what one engine in a browser tab can count on. The command line
 * passes the machine's memory instead.
 */
export const DEFAULT_MEMORY_LIMIT_BYTES = 2 ** 30;

/**
 * Turns scenario text (a file's contents, a pasted or linked scenario) into a
 * validated, runnable scenario: JSON syntax, schema, `--set` overrides (applied to
 * the validated scenario, so they can reach defaulted fields), and feasibility.
 * Never throws for bad input: every problem comes back as an issue with its path.
 * Its warnings are about the scenario, and results carry them; a field the text gives
 * that another overrides is a matter of the text, found by `ignoredFields` on the data as
 * written (defaults would make every ignored field look given).
 */
export function loadScenario(text: string, overrides: readonly string[] = [], memoryLimitBytes = DEFAULT_MEMORY_LIMIT_BYTES): Checked<Scenario> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  return loadScenarioData(json.value, overrides, memoryLimitBytes);
}

/**
 * As {@link loadScenario}, from already-parsed JSON data. A scenario estimated to need
 * more than `memoryLimitBytes` is refused before anything is allocated.
 */
export function loadScenarioData(data: unknown, overrides: readonly string[] = [], memoryLimitBytes = DEFAULT_MEMORY_LIMIT_BYTES): Checked<Scenario> {
  let parsed = parseScenario(data);
  if (!parsed.ok) return overrides.length ? { ok: false, issues: parsed.issues.map((issue) => ({ ...issue, beforeOverrides: true as const })) } : parsed;
  if (overrides.length > 0) {
    const changed = applyOverrides(parsed.value, overrides);
    if (!changed.ok) return changed;
    parsed = parseScenario(changed.value);
    if (!parsed.ok) return parsed;
  }
  const estimate = estimateMemory(parsed.value);
  // Written so that an estimate that is not a number (a layout of 0 × Infinity grids) is refused too.
  if (!(estimate.bytes <= memoryLimitBytes)) return { ok: false, issues: [tooLargeIssue(parsed.value, estimate, memoryLimitBytes)] };
  let feasibility: ReturnType<typeof checkFeasibility>;
  try {
    feasibility = checkFeasibility(parsed.value);
  } catch (e) {
    // A district the estimate let through but the engine cannot lay out: a problem of the input, not a crash.
    return { ok: false, issues: [{ path: "", message: `expected a district the engine can lay out, found one it cannot (${e instanceof Error ? e.message : String(e)})` }] };
  }
  if (feasibility.issues.length) return { ok: false, issues: feasibility.issues };
  return { ok: true, value: parsed.value, warnings: feasibility.warnings };
}

/**
 * Why a scenario does not fit in memory, named after the field behind the largest part of
 * the estimate: the households (residents), the grids (their number, and the workers in
 * them unless it is the workers per grid that is huge), the hotspot blocks, the open
 * incidents the run makes room for, or the run's length.
 */
function tooLargeIssue(s: Scenario, estimate: MemoryEstimate, memoryLimitBytes: number): ScenarioIssue {
  // Astronomical counts in powers of ten rather than in hundreds of digits.
  const gb = (b: number) => `${b / 2 ** 30 < 1e6 ? (b / 2 ** 30).toFixed(1) : (b / 2 ** 30).toExponential(1)} GB`;
  const n = (x: number) => (x < 1e15 ? Math.round(x).toLocaleString("en-US") : Number.isFinite(x) ? x.toExponential(1) : "more than 1e+308");
  const { counts: c, parts } = estimate;
  const largest = (Object.keys(parts) as Array<keyof MemoryEstimate["parts"]>).reduce((a, b) => (parts[b] > parts[a] ? b : a));
  const gridPath = s.grids.columns !== undefined ? "grids.columns" : "grids.householdsPerGrid";
  const gridCount = s.grids.columns !== undefined ? `grids.columns × grids.rows = ${n(c.columns)} × ${n(c.rows)} = ${n(c.grids)} grids` : `${n(c.grids)} grids`;
  const [path, what, advice] =
    largest === "residents" ? ["district.households", `${n(c.residents)} residents`, "shrink the district or switch residents off"]
    : largest === "workers" && s.staffing.workersPerGrid > c.grids ? ["staffing.workersPerGrid", `${n(c.workers)} grid workers`, "use fewer workers per grid"]
    : largest === "grids" || largest === "workers" ? [gridPath, `${gridCount} with ${n(c.workers)} grid workers`, "use fewer, larger grids"]
    : largest === "blocks" ? ["incidents.hotspotBlockMeters", `${n(c.blocks)} hotspot blocks`, "use larger hotspot blocks"]
    : largest === "incidents" ? ["run.maxOpenIncidents", `room for ${n(c.openIncidents)} open incidents`, "lower run.maxOpenIncidents"]
    : largest === "series" ? ["run.days", `${n(s.run.days)} days of hourly figures`, "shorten the run"]
    : ["", "the engine itself", "use a machine with more memory"];
  return {
    path,
    message: `expected a scenario that fits in the memory available (${gb(memoryLimitBytes)}), found one estimated to need ${Number.isFinite(estimate.bytes) ? gb(estimate.bytes) : "more than any machine has"} (${what}); ${advice}`,
  };
}
