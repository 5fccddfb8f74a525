/**
 * Child process of the benchmark: one run of the hand-written M/M/c loop, plain or with
 * the engine's per-incident duties (see `handLoopMMc`), so each variant has a process
 * and a JIT of its own. Usage: `handLoopChild.ts plain|duties <hours> <seed>`.
 * Prints one JSON line (see {@link HandLoopChildResult}).
 */
import { handLoopMMc } from "./handLoop.js";
import { MMC } from "./mmcScenario.js";
import { timed } from "./timing.js";

/** What the child reports. */
export interface HandLoopChildResult {
  variant: "plain" | "duties";
  events: number;
  /** Wall time of the run (ms), JIT warm-up included, process start-up not. */
  ms: number;
}

const [variant, hours, seed] = process.argv.slice(2);
if (variant !== "plain" && variant !== "duties") throw new Error("usage: handLoopChild.ts plain|duties <hours> <seed>");
const { value, ms } = timed(() =>
  handLoopMMc(MMC.servers, MMC.arrivalsPerHour / 60, MMC.serviceMeanMinutes, Number(hours) * 60, seed, variant === "duties"),
);
const result: HandLoopChildResult = { variant, events: value.events, ms };
console.log(JSON.stringify(result));
