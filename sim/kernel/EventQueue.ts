/**
 * A binary min-heap of pending events stored in typed arrays.
 *
 * Each event is `(time, key, kind, arg)`; events are ordered by `time`, then by
 * `key = priority * 2^40 + sequence`, so events at the same time run in priority
 * order and, within a priority, in the order they were scheduled. Since every key is
 * unique, the order in which events leave the queue is fully determined.
 *
 * Layout (chosen for speed, see `docs/performance.md`): an event's `key`, `kind` and
 * `arg` sit in a *slot* that does not move while the event is pending; the heap
 * itself holds only `(time, slot)` pairs, so sifting moves two numbers per level
 * instead of four, and comparisons read the contiguous `times` array (a key is read
 * only to break a tie). Freed slots are reused, last freed first. The queue never
 * allocates per event: it grows by doubling when full.
 */
export class EventQueue {
  /** Heap order: time and slot of the event at each heap position. */
  private times: Float64Array;
  private slots: Int32Array;
  /** Per slot: tie-breaking key, kind and argument of the event held there. */
  private keys: Float64Array;
  private kinds: Int32Array;
  private args: Int32Array;
  /** Stack of free slots: `freeSlots[0 .. freeCount)`. */
  private freeSlots: Int32Array;
  private freeCount = 0;
  private count = 0;
  private sequence = 0;

  /** The time of the event last removed by {@link take} or {@link pop}. */
  poppedTime = NaN;
  /** The kind of the event last removed by {@link take} or {@link pop}. */
  poppedKind = 0;
  /** The argument of the event last removed by {@link take} or {@link pop}. */
  poppedArg = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(2, initialCapacity | 0);
    this.times = new Float64Array(n);
    this.slots = new Int32Array(n);
    this.keys = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.args = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
    this.addFreeSlots(0, n);
    // Declared NaN, then set: a double from birth (see Simulation.now).
    this.poppedTime = 0;
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event, or `Infinity` when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  /**
   * Adds an event. `priority` is a small non-negative integer (lower runs first
   * among events at the same time).
   */
  push(time: number, kind: number, arg: number, priority: number): void {
    if (this.count === this.times.length) this.grow();
    const slot = this.freeSlots[--this.freeCount];
    const key = priority * 1099511627776 + this.sequence++;
    const keys = this.keys;
    keys[slot] = key;
    this.kinds[slot] = kind;
    this.args[slot] = arg;
    const times = this.times;
    const slots = this.slots;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && keys[slots[parent]] < key)) break;
      times[i] = pt;
      slots[i] = slots[parent];
      i = parent;
    }
    times[i] = time;
    slots[i] = slot;
  }

  /**
   * Removes the earliest event and returns its time; its kind and argument are
   * left in {@link poppedKind} and {@link poppedArg}. Returns `Infinity` when empty.
   */
  pop(): number {
    return this.take() ? this.poppedTime : Infinity;
  }

  /**
   * Removes the earliest event, leaving its time, kind and argument in
   * {@link poppedTime}, {@link poppedKind} and {@link poppedArg}; returns false when
   * empty. The kernel's loop uses this rather than {@link pop}: a time handed over in
   * a field is never boxed, whereas a returned double may be (one allocation per event).
   */
  take(): boolean {
    const n = this.count;
    if (n === 0) return false;
    const times = this.times;
    const slots = this.slots;
    const keys = this.keys;
    this.poppedTime = times[0];
    const topSlot = slots[0];
    this.poppedKind = this.kinds[topSlot];
    this.poppedArg = this.args[topSlot];
    this.freeSlots[this.freeCount++] = topSlot;
    const last = n - 1;
    this.count = last;
    if (last === 0) return true;
    // Sift the last event down from the root.
    const time = times[last];
    const slot = slots[last];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ct = times[child];
      const right = child + 1;
      if (right < last) {
        const rt = times[right];
        if (rt < ct || (rt === ct && keys[slots[right]] < keys[slots[child]])) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && keys[slot] < keys[slots[child]])) break;
      times[i] = ct;
      slots[i] = slots[child];
      i = child;
    }
    times[i] = time;
    slots[i] = slot;
    return true;
  }

  /** Removes every pending event. The sequence counter keeps counting. */
  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    this.addFreeSlots(0, this.times.length);
  }

  /** Pushes slots `from .. to - 1` on the free stack so that `from` comes off first. */
  private addFreeSlots(from: number, to: number): void {
    for (let s = to - 1; s >= from; s--) this.freeSlots[this.freeCount++] = s;
  }

  private grow(): void {
    const old = this.times.length;
    const n = old * 2;
    this.times = resized(this.times, n);
    this.keys = resized(this.keys, n);
    this.slots = resized(this.slots, n);
    this.kinds = resized(this.kinds, n);
    this.args = resized(this.args, n);
    this.freeSlots = resized(this.freeSlots, n);
    this.addFreeSlots(old, n);
  }
}

/** A copy of `a` in a new array of length `n` (≥ `a.length`). */
function resized<T extends Float64Array | Int32Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a as never);
  return b;
}
