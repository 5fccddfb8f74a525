import { loadScenarioData } from "../../sim/experiments/loadScenario.js";
import { parseScenario } from "../../sim/scenario/parseScenario.js";
import type { ScenarioIssue } from "../../sim/scenario/ScenarioIssue.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { formFields } from "../form/formFields.js";
import { matchesPath } from "../form/matchesPath.js";
import { setPath } from "../form/setPath.js";
import { checkJsonSafety } from "./checkJsonSafety.js";
import { lockedPaths } from "./lockedPaths.js";
import type { Lesson, ShareState } from "./shareStateSchema.js";

/** A share state made runnable: every scenario validated, the lesson's locks expanded to field paths. */
export interface ResolvedShare {
  ok: true;
  /** The scenarios in link order, validated (schema and feasibility) with defaults filled in. */
  scenarios: Scenario[];
  /** Preset id of each scenario, or null for a whole scenario in the link. */
  presets: Array<string | null>;
  /** Field paths the lesson locks (empty without a lesson). */
  locked: string[];
  lesson: Lesson | null;
  seed: number | string;
  replications: number;
}

/**
 * Turns a decoded share state into runnable scenarios: each preset is looked up in `presets`
 * (id → scenario data, e.g. the shipped `scenarios/*.json`), its `changes` applied (`null`
 * removes a field) and its `name` set; every scenario is then checked like a loaded file
 * (schema and feasibility). The first problem found comes back as an error naming the
 * scenario and the field path. Never throws.
 */
export function resolveShareState(state: ShareState, presets: Readonly<Record<string, unknown>>): ResolvedShare | { ok: false; error: string } {
  try {
    const scenarios: Scenario[] = [];
    const ids: Array<string | null> = [];
    for (const [i, entry] of state.scenarios.entries()) {
      const which = `scenario ${i + 1}`;
      let data: unknown;
      if ("preset" in entry) {
        if (!Object.hasOwn(presets, entry.preset)) {
          const known = Object.keys(presets).slice(0, 20).join(", ");
          return { ok: false, error: `${which}: unknown preset "${entry.preset}"; expected one of: ${known}` };
        }
        const base = parseScenario(presets[entry.preset]);
        if (!base.ok) return { ok: false, error: `${which}: preset "${entry.preset}" is not valid: ${describe(base.issues)}` };
        const unsafe = checkJsonSafety(entry.changes ?? {});
        if (unsafe) return { ok: false, error: `${which}: changes: ${unsafe}` };
        data = base.value;
        for (const [path, value] of Object.entries(entry.changes ?? {})) data = setPath(data, path, value === null ? undefined : value);
        if (entry.name !== undefined) data = setPath(data, "name", entry.name);
        ids.push(entry.preset);
      } else {
        const unsafe = checkJsonSafety(entry.scenario);
        if (unsafe) return { ok: false, error: `${which}: ${unsafe}` };
        data = entry.scenario;
        ids.push(null);
      }
      const checked = loadScenarioData(data);
      if (!checked.ok) {
        const from = "preset" in entry ? ` (preset "${entry.preset}" with the link's changes)` : "";
        return { ok: false, error: `${which}${from}: ${describe(checked.issues)}` };
      }
      scenarios.push(checked.value);
    }
    const allPaths = formFields().map((f) => f.path);
    for (const key of ["locked", "editable"] as const) {
      for (const entry of state.lesson?.[key] ?? []) {
        if (!allPaths.some((p) => matchesPath(p, entry))) return { ok: false, error: `lesson.${key}: unknown field "${entry}"` };
      }
    }
    return {
      ok: true,
      scenarios,
      presets: ids,
      locked: lockedPaths(state.lesson, allPaths),
      lesson: state.lesson ?? null,
      seed: state.seed,
      replications: state.replications,
    };
  } catch (e) {
    return { ok: false, error: `the link's scenarios cannot be read (${e instanceof Error ? e.message : "unexpected value"})` };
  }
}

function describe(issues: readonly ScenarioIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return issues.length > 3 ? `${shown.join("; ")}; and ${issues.length - 3} more` : shown.join("; ");
}
