import seedrandom from "seedrandom";
import { EventQueue } from "../sim/kernel/EventQueue.js";
import { ObjectHeap } from "./objectHeap.js";
import { nowMs } from "./timing.js";

/** The operations the hold model needs (both queues provide them). */
interface Queue {
  push(time: number, kind: number, arg: number, priority: number): void;
  pop(): number;
  readonly poppedKind: number;
  readonly poppedArg: number;
}

/** Which queue implementation to measure. */
export type QueueKind = "EventQueue" | "ObjectHeap";

/** Result of one hold-model measurement. */
export interface HoldResult {
  queue: QueueKind;
  /** Events pending throughout. */
  pending: number;
  /** Hold operations timed (one pop + one push each). */
  operations: number;
  /** Nanoseconds per event (= per hold operation: each event is pushed once and popped once). */
  nsPerEvent: number;
}

/** Pre-drawn exponential increments (mean 1), cycled through so the timed loop draws nothing. */
const INCREMENTS = 1 << 20;

function makeQueue(kind: QueueKind): Queue {
  return kind === "EventQueue" ? new EventQueue(1024) : new ObjectHeap();
}

/**
 * The classic *hold* model: fill the queue with `pending` events, then repeat
 * "pop the earliest, push one at its time plus an exponential increment" so the
 * queue size stays constant. The first `operations / 4` holds are a warm-up that
 * lets the time distribution settle and the JIT compile; the rest are timed.
 */
export function hold(kind: QueueKind, pending: number, operations: number, seed = "hold"): HoldResult {
  const rng = seedrandom.alea(`bench/${seed}`);
  const inc = new Float64Array(INCREMENTS);
  for (let k = 0; k < INCREMENTS; k++) inc[k] = -Math.log(1 - rng());
  const q = makeQueue(kind);
  for (let i = 0; i < pending; i++) q.push(inc[i & (INCREMENTS - 1)] * 2, i & 7, i, i & 1);
  let k = 0;
  const step = (n: number): void => {
    for (let j = 0; j < n; j++) {
      const t = q.pop();
      q.push(t + inc[k++ & (INCREMENTS - 1)], q.poppedKind, q.poppedArg, 0);
    }
  };
  step(operations >> 2);
  const start = nowMs();
  step(operations);
  const ms = nowMs() - start;
  return { queue: kind, pending, operations, nsPerEvent: (ms * 1e6) / operations };
}
