import type { RunResult } from "../../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import { scenarioColor } from "./palette.js";

/** One scenario's run as the charts see it. */
export interface ScenarioRun {
  /** Shown as text only (it may come from an untrusted file or link). */
  name: string;
  /** CSS colour, normally `scenarioColor(index)`. */
  color: string;
  /** Position among the compared scenarios (0 = baseline); picks the dash pattern and symbol. */
  index: number;
  result: RunResult;
  /** The replications behind `result`, in replication order (histograms, per-grid figures, series). */
  replications: ReplicationResult[];
}

/**
 * Scenario runs in the order given (the first is the baseline), each named after its
 * scenario and coloured from the palette by position.
 */
export function scenarioRuns(runs: ReadonlyArray<{ result: RunResult; replications: ReplicationResult[] }>): ScenarioRun[] {
  return runs.map(({ result, replications }, index) => ({ name: result.scenario.name, color: scenarioColor(index), index, result, replications }));
}
