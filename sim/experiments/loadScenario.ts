import { checkFeasibility } from "../model/checkFeasibility.js";
import { estimateMemoryBytes } from "../model/estimateMemory.js";
import { applyOverrides } from "../scenario/applyOverrides.js";
import { parseJsonText, parseScenario } from "../scenario/parseScenario.js";
import type { Checked } from "../scenario/ScenarioIssue.js";
import type { Scenario } from "../scenario/scenarioSchema.js";

/**
 * Turns scenario text (a file's contents, a pasted or linked scenario) into a
 * validated, runnable scenario: JSON syntax, schema, `--set` overrides (applied to
 * the validated scenario, so they can reach defaulted fields), and feasibility.
 * Never throws for bad input: every problem comes back as an issue with its path.
 */
export function loadScenario(text: string, overrides: readonly string[] = [], memoryLimitBytes = Infinity): Checked<Scenario> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  return loadScenarioData(json.value, overrides, memoryLimitBytes);
}

/**
 * As {@link loadScenario}, from already-parsed JSON data. A scenario estimated to need
 * more than `memoryLimitBytes` is refused before anything is allocated.
 */
export function loadScenarioData(data: unknown, overrides: readonly string[] = [], memoryLimitBytes = Infinity): Checked<Scenario> {
  let parsed = parseScenario(data);
  if (!parsed.ok) return parsed;
  if (overrides.length > 0) {
    const changed = applyOverrides(parsed.value, overrides);
    if (!changed.ok) return changed;
    parsed = parseScenario(changed.value);
    if (!parsed.ok) return parsed;
  }
  const needed = estimateMemoryBytes(parsed.value);
  if (needed > memoryLimitBytes) {
    const gb = (b: number) => `${(b / 2 ** 30).toFixed(1)} GB`;
    const residents = Math.round(parsed.value.district.households * parsed.value.district.personsPerHousehold);
    return {
      ok: false,
      issues: [
        {
          path: "district.households",
          message: `expected a scenario that fits in this machine's memory (${gb(memoryLimitBytes)}), found one estimated to need ${gb(needed)} (${residents.toLocaleString("en-US")} residents); shrink the district or switch residents off`,
        },
      ],
    };
  }
  const feasibility = checkFeasibility(parsed.value);
  if (feasibility.issues.length) return { ok: false, issues: feasibility.issues };
  return { ok: true, value: parsed.value, warnings: feasibility.warnings };
}
