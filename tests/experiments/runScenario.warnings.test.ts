import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/experiments/loadScenario.js";
import { OPEN_AT_END_WARNING, runScenario, type RunResult } from "../../sim/experiments/runScenario.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";

const text = readFileSync(new URL("../../scenarios/teaching-small.json", import.meta.url), "utf8");

function teaching(...overrides: string[]): Scenario {
  const checked = loadScenario(text, overrides);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.value;
}

const openWarning = (r: RunResult) => r.warnings.filter((w) => /still open at the end/.test(w));
const totals = (r: RunResult) => ({
  open: r.perReplication.reduce((sum, p) => sum + p.incidents.open, 0),
  closed: r.perReplication.reduce((sum, p) => sum + p.incidents.closed, 0),
});

describe("the warning about incidents still open at the end", () => {
  it("flags a run too short for its resolution times, with the count, the share and a longer length to try", () => {
    const r = runScenario(teaching("run.days=3", "run.warmupDays=1"), { seed: 1, replications: 2 });
    const { open, closed } = totals(r);
    expect(open).toBeGreaterThan(OPEN_AT_END_WARNING * closed);
    const [warning, ...more] = openWarning(r);
    expect(more).toEqual([]);
    expect(warning).toMatch(new RegExp(`^${open} incidents were still open at the end, ${Math.round((100 * open) / closed)} % as many as were closed`));
    expect(warning).toContain("biased low");
    expect(warning).toContain("6 days");
  });

  it("stays silent when few incidents are open at the end, as in the shipped teaching district", () => {
    const r = runScenario(teaching(), { seed: 1, replications: 2 });
    const { open, closed } = totals(r);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThanOrEqual(OPEN_AT_END_WARNING * closed);
    expect(openWarning(r)).toEqual([]);
  });

  it("gives way to the stopped-early warning when a replication was cut short", () => {
    const r = runScenario(teaching("run.days=4", "incidents.ratePerHour=200", "run.maxOpenIncidents=500"), { seed: 1, replications: 2 });
    expect(r.perReplication.some((p) => p.truncated)).toBe(true);
    expect(r.warnings.join("\n")).toContain("stopped early");
    expect(openWarning(r)).toEqual([]);
  });
});
