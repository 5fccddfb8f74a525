import { runReplication } from "../sim/experiments/runReplication.js";
import { handLoopMMc } from "./handLoop.js";
import { MMC, mmcScenario } from "./mmcScenario.js";
import { median, min, timed } from "./timing.js";

/** One timed run of a model of the reference M/M/c workload. */
export interface MmcRun {
  /** Events processed (for the engine, `result.events`: arrivals + service ends + the warm-up marker). */
  events: number;
  /** Incidents (customers) whose service ended. */
  closed: number;
  /** Wall time (ms). */
  ms: number;
}

/** Summary of several runs of one implementation. */
export interface MmcSummary {
  runs: MmcRun[];
  /** Median and fastest wall time (ms). */
  medianMs: number;
  minMs: number;
  /** Events per second at the median wall time. */
  eventsPerSecond: number;
  /** Incidents closed per second at the median wall time. */
  closedPerSecond: number;
}

/** The engine on the reference workload: `runReplication` with every metric, as the CLI runs it. */
export function runEngine(seed: number, hours: number = MMC.hours): MmcRun {
  const scenario = mmcScenario(hours);
  const { value, ms } = timed(() => runReplication(scenario, seed, 0));
  // Closed in the measured window: the one warm-up day (~190 incidents) is not counted.
  return { events: value.events, closed: value.incidents.closed, ms };
}

/** The hand-written loop on the same workload. */
export function runHandLoop(seed: number, hours: number = MMC.hours): MmcRun {
  const { value, ms } = timed(() =>
    handLoopMMc(MMC.servers, MMC.arrivalsPerHour / 60, MMC.serviceMeanMinutes, hours * 60, String(seed)),
  );
  return { events: value.events, closed: value.closed, ms };
}

/** Medians of a list of runs. */
export function summarize(runs: MmcRun[]): MmcSummary {
  const medianMs = median(runs.map((r) => r.ms));
  const events = median(runs.map((r) => r.events));
  const closed = median(runs.map((r) => r.closed));
  return {
    runs,
    medianMs,
    minMs: min(runs.map((r) => r.ms)),
    eventsPerSecond: events / (medianMs / 1000),
    closedPerSecond: closed / (medianMs / 1000),
  };
}

/**
 * Runs the engine and the hand loop alternately, `repeats` times each with seeds
 * 1..repeats, so both see the same machine conditions; the first run of each
 * includes JIT warm-up, as a user's single run would.
 */
export function compareEngineAndHandLoop(repeats: number, hours: number = MMC.hours): { engine: MmcSummary; hand: MmcSummary } {
  const engine: MmcRun[] = [];
  const hand: MmcRun[] = [];
  for (let k = 1; k <= repeats; k++) {
    engine.push(runEngine(k, hours));
    hand.push(runHandLoop(k, hours));
  }
  return { engine: summarize(engine), hand: summarize(hand) };
}
