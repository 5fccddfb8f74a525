import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import type { ScenarioOutcome } from "../engine/runComparison.js";

/** Lengths the playback offers (days), where the run is that long. */
const DAY_CHOICES = [1, 2, 3, 7];

/** One replication the playback can show. */
export interface ReplicationChoice {
  /** Replication index (as in the exports and the CLI). */
  value: number;
  /** E.g. "replication 3 — busiest hour of days 1–2: 14 open on the platform". */
  label: string;
}

/** The lengths (days) a playback of `scenario` can record: 1, 2, 3 and 7 days, as far as the run goes. */
export function playbackLengths(scenario: Scenario): number[] {
  const lengths = DAY_CHOICES.filter((d) => d <= scenario.run.days);
  return lengths.length > 0 ? lengths : [scenario.run.days];
}

/**
 * The replications of a scenario's outcome, each labelled with the most incidents open on
 * the platform (registered, not yet closed) at any hour mark of its first `days` days, as
 * the backlog chart counts them — so that a class can pick the calm run or the overwhelmed one.
 */
export function replicationChoices(outcome: ScenarioOutcome, days: number): ReplicationChoice[] {
  const hours = Math.round(days * 24);
  return outcome.replications.map((r) => {
    const window = r.series.backlogHourly.slice(0, hours);
    const busiest = window.length > 0 ? Math.max(...window) : 0;
    return { value: r.replication, label: `replication ${r.replication} — busiest hour of ${days === 1 ? "day 1" : `days 1–${days}`}: ${busiest} open on the platform` };
  });
}
