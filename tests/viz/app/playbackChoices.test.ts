import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { combineReplications } from "../../../sim/experiments/runScenario.js";
import { recordPlayback } from "../../../sim/experiments/recordPlayback.js";
import { runReplication } from "../../../sim/experiments/runReplication.js";
import { loadScenario } from "../../../sim/experiments/loadScenario.js";
import { playbackLengths, replicationChoices } from "../../../viz/app/playbackChoices.js";
import type { ScenarioOutcome } from "../../../viz/engine/runComparison.js";

function teaching(days: number) {
  const checked = loadScenario(readFileSync(new URL("../../../scenarios/teaching-small.json", import.meta.url), "utf8"), [`run.days=${days}`, "run.warmupDays=0"]);
  if (!checked.ok) throw new Error("teaching-small.json should be valid");
  return checked.value;
}

describe("playback choices", () => {
  it("offers 1, 2, 3 and 7 days as far as the run goes", () => {
    expect(playbackLengths(teaching(28))).toEqual([1, 2, 3, 7]);
    expect(playbackLengths(teaching(3))).toEqual([1, 2, 3]);
    expect(playbackLengths(teaching(1))).toEqual([1]);
  });

  it("labels every replication with the most incidents open in an hour of the days shown", () => {
    const scenario = teaching(4);
    const replications = [0, 1, 2].map((k) => runReplication(scenario, 8, k));
    const outcome: ScenarioOutcome = { scenario, result: combineReplications(scenario, 8, replications, []), replications };
    for (const days of [1, 3]) {
      const choices = replicationChoices(outcome, days);
      expect(choices.map((c) => c.value)).toEqual([0, 1, 2]);
      choices.forEach((c, k) => {
        const busiest = Math.max(...replications[k].series.backlogHourly.slice(0, 24 * days));
        // The window is named: the backlog chart above covers the whole run, the playback only its first days.
        expect(c.label).toBe(`replication ${k} — busiest hour of ${days === 1 ? "day 1" : `days 1–${days}`}: ${busiest} open on the platform`);
      });
    }
    // Over more days the busiest hour can only grow.
    const [one, three] = [replicationChoices(outcome, 1), replicationChoices(outcome, 3)];
    one.forEach((c, k) => expect(Number(/(\d+) open/.exec(three[k].label)![1])).toBeGreaterThanOrEqual(Number(/(\d+) open/.exec(c.label)![1])));
  });

  it("counts fewer than the playback's peak, which also counts incidents not yet found and looks every 5 minutes", () => {
    const scenario = teaching(4);
    const replications = [0, 1, 2].map((k) => runReplication(scenario, 8, k));
    const outcome: ScenarioOutcome = { scenario, result: combineReplications(scenario, 8, replications, []), replications };
    let higher = 0;
    replicationChoices(outcome, 2).forEach((c, k) => {
      const busiest = Number(/busiest hour of days? 1(?:–\d+)?: (\d+) open on the platform$/.exec(c.label)![1]);
      const peak = recordPlayback(scenario, 8, k, { days: 2 }).annotations.peakBacklog.value;
      expect(peak).toBeGreaterThanOrEqual(busiest);
      if (peak > busiest) higher++;
    });
    expect(higher).toBeGreaterThan(0);
  });
});
