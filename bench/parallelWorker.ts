/**
 * Entry point of the worker threads of {@link parallelSpeedup}: runs whole jobs of one
 * kind on request, through comlink.
 */
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { runReplication } from "../sim/experiments/runReplication.js";
import { loadScenario } from "../sim/experiments/loadScenario.js";
import { handLoopMMc } from "./handLoop.js";
import { MMC } from "./mmcScenario.js";

if (!parentPort) throw new Error("parallelWorker must run in a worker thread");

/** What a job is: the hand-written M/M/c loop, or one District J replication of 30 days. */
export type ParallelKind = "handLoop" | "district";

/** Simulated hours of a hand-loop job: 200,000 customers, 400,000 events (40–80 ms on the benchmark machine). */
const HAND_LOOP_HOURS = 25_000;

const district = loadScenario(readFileSync(new URL("../scenarios/district-j-baseline.json", import.meta.url), "utf8"), ["run.days=30"]);
if (!district.ok) throw new Error("the District J baseline does not load");

let seed = 0;

/** The API the worker exposes. */
export const parallelWorker = {
  /** Runs `times` jobs of `kind`, each with a new seed; returns the events they processed. */
  run(kind: ParallelKind, times: number): number {
    let events = 0;
    for (let k = 0; k < times; k++) {
      seed++;
      events +=
        kind === "handLoop"
          ? handLoopMMc(MMC.servers, MMC.arrivalsPerHour / 60, MMC.serviceMeanMinutes, HAND_LOOP_HOURS * 60, String(seed)).events
          : runReplication(district.value, 1, seed).events;
    }
    return events;
  },
};

Comlink.expose(parallelWorker, nodeEndpoint(parentPort));
