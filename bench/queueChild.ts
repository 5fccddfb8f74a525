/**
 * Child process of the benchmark (run with `--expose-gc`): the pending-event queue
 * micro-benchmark for ONE implementation, so the two never share a process (and the
 * JIT never sees both in one call site). Usage: `queueChild.ts EventQueue|ObjectHeap`.
 * Prints one JSON line (see {@link QueueChildResult}).
 */
import { EventQueue } from "../sim/kernel/EventQueue.js";
import { ObjectHeap } from "./objectHeap.js";
import { hold, type HoldResult, type QueueKind } from "./queueBench.js";

/** What the child reports. */
export interface QueueChildResult {
  queue: QueueKind;
  /** Bytes held by a queue of {@link MEMORY_PENDING} events (JS heap + typed-array buffers, after GC). */
  memoryPending: number;
  memoryBytes: number;
  hold: HoldResult[];
}

/** Sizes of the hold model: 2^16 and 10^6 pending events, with the hold operations timed at each. */
export const HOLD_SIZES: ReadonlyArray<{ pending: number; operations: number }> = [
  { pending: 65_536, operations: 1_000_000 },
  { pending: 1_000_000, operations: 500_000 },
];
const MEMORY_PENDING = 1_000_000;

const kind = process.argv[2] as QueueKind;
if (kind !== "EventQueue" && kind !== "ObjectHeap") throw new Error("usage: queueChild.ts EventQueue|ObjectHeap");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

/** JS heap plus typed-array buffers, after full collections. */
function used(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function memory(): number {
  const before = used();
  const q = kind === "EventQueue" ? new EventQueue(1024) : new ObjectHeap();
  for (let i = 0; i < MEMORY_PENDING; i++) q.push((i * 7919) % MEMORY_PENDING, i & 7, i, 0);
  const after = used();
  if (q.size !== MEMORY_PENDING) throw new Error("queue lost events");
  return after - before;
}

const result: QueueChildResult = {
  queue: kind,
  memoryPending: MEMORY_PENDING,
  memoryBytes: memory(),
  hold: HOLD_SIZES.map(({ pending, operations }) => hold(kind, pending, operations)),
};
console.log(JSON.stringify(result));
