import { EventQueue } from "./EventQueue.js";

/** Handles one event; `arg` is the integer argument it was scheduled with (an entity id). */
export type EventHandler = (arg: number) => void;

/**
 * The discrete-event kernel: a clock (minutes) and a queue of pending events.
 *
 * Events are integers — a `kind` that selects a handler registered with {@link on},
 * and an `arg` passed to it — so scheduling never allocates. Ties at the same time
 * run by priority, then in scheduling order, which makes every run deterministic.
 * The kernel knows nothing of the model built on it and reads no clock of its own:
 * stepping ({@link step}, {@link run}) is separate from any pacing.
 */
export class Simulation {
  /** The current simulated time in minutes. Never decreases. */
  now = NaN;
  /** Number of events processed so far. */
  processed = 0;
  private readonly queue: EventQueue;
  private readonly handlers: EventHandler[] = [];
  private stopped = false;

  constructor(initialCapacity = 1024) {
    // Declared NaN, then set: V8 then stores the field as a double from birth. Started
    // at 0, it would be a small-integer field whose first fractional time changes the
    // object's hidden class, and the next replication's kernel would throw away the
    // code compiled for the old one (docs/performance.md).
    this.now = 0;
    this.queue = new EventQueue(initialCapacity);
  }

  /** Registers the handler for events of `kind` (a small non-negative integer). */
  on(kind: number, handler: EventHandler): this {
    this.handlers[kind] = handler;
    return this;
  }

  /** Registers `handler` under a new event kind and returns that kind. */
  define(handler: EventHandler): number {
    const kind = this.handlers.length;
    this.handlers[kind] = handler;
    return kind;
  }

  /** Schedules an event `delay` minutes from now. */
  schedule(delay: number, kind: number, arg = 0, priority = 0): void {
    this.scheduleAt(this.now + delay, kind, arg, priority);
  }

  /** Schedules an event at absolute time `time`; throws if it lies in the past or is not a number. */
  scheduleAt(time: number, kind: number, arg = 0, priority = 0): void {
    if (!(time >= this.now)) {
      throw new Error(`cannot schedule event kind ${kind} at time ${time}: now is ${this.now}`);
    }
    if (this.handlers[kind] === undefined) throw new Error(`no handler registered for event kind ${kind}`);
    this.queue.push(time, kind, arg, priority);
  }

  /** Number of pending events. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next pending event, or `Infinity`. */
  peek(): number {
    return this.queue.peekTime();
  }

  /** Processes the next event. Returns false when there was none. */
  step(): boolean {
    const q = this.queue;
    if (!q.take()) return false;
    this.now = q.poppedTime;
    this.processed++;
    this.handlers[q.poppedKind](q.poppedArg);
    return true;
  }

  /**
   * Processes every event with time ≤ `until` (or until {@link stop} is called), then
   * advances the clock to `until` if it stopped for lack of events.
   */
  run(until = Infinity): void {
    const q = this.queue;
    const handlers = this.handlers;
    this.stopped = false;
    while (!this.stopped && q.size > 0 && q.peekTime() <= until) {
      q.take();
      this.now = q.poppedTime;
      this.processed++;
      handlers[q.poppedKind](q.poppedArg);
    }
    if (!this.stopped && until !== Infinity && until > this.now) this.now = until;
  }

  /** Makes the current {@link run} return after the event being processed. */
  stop(): void {
    this.stopped = true;
  }
}
