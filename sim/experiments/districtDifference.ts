import type { Scenario } from "../scenario/scenarioSchema.js";

/**
 * How `other` describes another district than `baseline` (households, persons per
 * household or extent), in words, or null when the district is the same. Compared with
 * a baseline of another district, a scenario's differences come from the district as
 * well as from its rules: a reform of District J set against the small teaching
 * district "raises staff cost" by the cost of a district twenty times larger.
 */
export function districtDifference(baseline: Scenario, other: Scenario): string | null {
  const a = baseline.district;
  const b = other.district;
  if (a.households === b.households && a.personsPerHousehold === b.personsPerHousehold && a.widthMeters === b.widthMeters && a.heightMeters === b.heightMeters) {
    return null;
  }
  return (
    `another district than the baseline's (${describe(b)}, against ${describe(a)}): its differences from the baseline ` +
    `come from the district as well as from its rules; to see what the rules alone change, compare it with a baseline of the same district`
  );
}

function describe(d: Scenario["district"]): string {
  const km = (m: number) => String(Number((m / 1000).toFixed(2)));
  const people = Math.round(d.households * d.personsPerHousehold).toLocaleString("en-US");
  return `${d.households.toLocaleString("en-US")} households, ${people} residents, ${km(d.widthMeters)} × ${km(d.heightMeters)} km`;
}
