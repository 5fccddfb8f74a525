/** One pending event as an object, the way a typical JavaScript simulator stores it. */
interface HeapEvent {
  time: number;
  key: number;
  kind: number;
  arg: number;
}

/**
 * The comparison baseline for {@link EventQueue}: a binary heap of event objects in a
 * plain array, with the same ordering (time, then priority and insertion order) and
 * the same interface. One object is allocated per scheduled event.
 */
export class ObjectHeap {
  private readonly heap: HeapEvent[] = [];
  private sequence = 0;
  poppedKind = 0;
  poppedArg = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, kind: number, arg: number, priority: number): void {
    const e: HeapEvent = { time, key: priority * 1099511627776 + this.sequence++, kind, arg };
    const h = this.heap;
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(e, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = e;
  }

  pop(): number {
    const h = this.heap;
    if (h.length === 0) return Infinity;
    const top = h[0];
    this.poppedKind = top.kind;
    this.poppedArg = top.arg;
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && before(h[c + 1], h[c])) c++;
        if (!before(h[c], last)) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top.time;
  }
}

function before(a: HeapEvent, b: HeapEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.key < b.key);
}
