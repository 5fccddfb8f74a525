import { districtDifference } from "../../sim/experiments/districtDifference.js";
import { parseScenario } from "../../sim/scenario/parseScenario.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";

/** The shipped scenario library, bundled into the page: id (file name without `.json`) → scenario data. */
const files = import.meta.glob("../../scenarios/*.json", { eager: true, import: "default" }) as Record<string, unknown>;

/** Shipped scenarios by id, in the order the library lists them (baseline first). */
export const PRESETS: Record<string, unknown> = Object.fromEntries(
  Object.entries(files)
    .map(([path, data]) => [path.replace(/^.*\/([^/]+)\.json$/, "$1"), data] as const)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)),
);

function rank(id: string): number {
  if (id === "district-j-baseline") return 0;
  if (id === "teaching-small") return 1;
  if (id === "before-reform") return 2;
  return id.startsWith("reform-combined") ? 4 : 3;
}

/** The preset's display name (its `name` field, as text). */
export function presetName(id: string): string {
  const data = PRESETS[id] as { name?: unknown } | undefined;
  return typeof data?.name === "string" ? data.name : id;
}

/**
 * The library in groups of one district each, named after the group's first scenario
 * ("District J (illustrative) — baseline": the baseline and its reforms; the teaching
 * district apart), so that a reform is picked beside the baseline it belongs to.
 */
export function presetGroups(): Array<{ label: string; ids: string[] }> {
  // "The same district" as compare and the page's warning judge it (districtDifference).
  const groups: Array<{ first: Scenario; label: string; ids: string[] }> = [];
  for (const id of Object.keys(PRESETS)) {
    const parsed = parseScenario(PRESETS[id]);
    if (!parsed.ok) throw new Error(`shipped scenario ${id} is not valid`);
    const group = groups.find((g) => districtDifference(g.first, parsed.value) === null);
    if (group) group.ids.push(id);
    else groups.push({ first: parsed.value, label: presetName(id), ids: [id] });
  }
  return groups.map(({ label, ids }) => ({ label, ids }));
}
