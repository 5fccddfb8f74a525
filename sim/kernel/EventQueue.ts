/**
 * A binary min-heap of pending events stored in parallel typed arrays.
 *
 * Each entry is `(time, key, kind, arg)`; entries are ordered by `time`, then by
 * `key = priority * 2^40 + sequence`, so events at the same time run in priority
 * order and, within a priority, in the order they were scheduled. The queue
 * never allocates per event: it grows by doubling when full.
 */
export class EventQueue {
  private times: Float64Array;
  private keys: Float64Array;
  private kinds: Int32Array;
  private args: Int32Array;
  private count = 0;
  private sequence = 0;

  /** The kind of the entry last removed by {@link pop}. */
  poppedKind = 0;
  /** The argument of the entry last removed by {@link pop}. */
  poppedArg = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(2, initialCapacity | 0);
    this.times = new Float64Array(n);
    this.keys = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.args = new Int32Array(n);
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
    const key = priority * 1099511627776 + this.sequence++;
    const times = this.times;
    const keys = this.keys;
    const kinds = this.kinds;
    const args = this.args;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && keys[parent] < key)) break;
      times[i] = pt;
      keys[i] = keys[parent];
      kinds[i] = kinds[parent];
      args[i] = args[parent];
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    kinds[i] = kind;
    args[i] = arg;
  }

  /**
   * Removes the earliest event and returns its time; its kind and argument are
   * left in {@link poppedKind} and {@link poppedArg}. Returns `Infinity` when empty.
   */
  pop(): number {
    const n = this.count;
    if (n === 0) return Infinity;
    const times = this.times;
    const keys = this.keys;
    const kinds = this.kinds;
    const args = this.args;
    const top = times[0];
    this.poppedKind = kinds[0];
    this.poppedArg = args[0];
    const last = n - 1;
    this.count = last;
    if (last === 0) return top;
    const time = times[last];
    const key = keys[last];
    const kind = kinds[last];
    const arg = args[last];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ct = times[child];
      let ck = keys[child];
      const right = child + 1;
      if (right < last) {
        const rt = times[right];
        if (rt < ct || (rt === ct && keys[right] < ck)) {
          child = right;
          ct = rt;
          ck = keys[right];
        }
      }
      if (time < ct || (time === ct && key < ck)) break;
      times[i] = ct;
      keys[i] = ck;
      kinds[i] = kinds[child];
      args[i] = args[child];
      i = child;
    }
    times[i] = time;
    keys[i] = key;
    kinds[i] = kind;
    args[i] = arg;
    return top;
  }

  /** Removes every pending event. The sequence counter keeps counting. */
  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    const keys = new Float64Array(n);
    const kinds = new Int32Array(n);
    const args = new Int32Array(n);
    times.set(this.times);
    keys.set(this.keys);
    kinds.set(this.kinds);
    args.set(this.args);
    this.times = times;
    this.keys = keys;
    this.kinds = kinds;
    this.args = args;
  }
}
