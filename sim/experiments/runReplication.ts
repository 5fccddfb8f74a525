import { ReplicationCollector, type ReplicationResult } from "../metrics/ReplicationCollector.js";
import { GridModel } from "../model/GridModel.js";
import type { Scenario } from "../scenario/scenarioSchema.js";

/** Runs replication `replication` of `scenario` under root seed `seed`. Pure: same inputs, same result. */
export function runReplication(scenario: Scenario, seed: number | string, replication: number): ReplicationResult {
  const model = new GridModel(scenario, { seed, replication });
  const collector = new ReplicationCollector(model);
  model.run();
  return collector.result(replication);
}
