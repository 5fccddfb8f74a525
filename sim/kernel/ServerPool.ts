/**
 * A counted resource with `capacity` identical servers and a FIFO queue of integer
 * ids waiting for one (SimPy's Resource, without processes). The caller schedules
 * service itself: {@link request} says whether a server was free, {@link release}
 * hands the freed server to the next waiting id.
 */
export class ServerPool {
  /** Servers in use. */
  busy = 0;
  private queue: Int32Array;
  private head = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    this.queue = new Int32Array(16);
  }

  /** Number of ids waiting. */
  get waiting(): number {
    return this.length;
  }

  /** Takes a server for `id` if one is free (returns true); otherwise queues `id` (returns false). */
  request(id: number): boolean {
    if (this.busy < this.capacity) {
      this.busy++;
      return true;
    }
    if (this.length === this.queue.length) this.grow();
    this.queue[(this.head + this.length++) % this.queue.length] = id;
    return false;
  }

  /** Frees a server; returns the id that takes it over (and keeps it busy), or -1 if none waits. */
  release(): number {
    if (this.length === 0) {
      this.busy--;
      return -1;
    }
    const id = this.queue[this.head];
    this.head = (this.head + 1) % this.queue.length;
    this.length--;
    return id;
  }

  private grow(): void {
    const q = new Int32Array(this.queue.length * 2);
    for (let k = 0; k < this.length; k++) q[k] = this.queue[(this.head + k) % this.queue.length];
    this.queue = q;
    this.head = 0;
  }
}
