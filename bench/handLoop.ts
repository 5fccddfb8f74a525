import seedrandom from "seedrandom";

/** What the hand-written M/M/c loop measured. */
export interface HandLoopResult {
  /** Events processed (arrivals + departures). */
  events: number;
  /** Customers whose service ended. */
  closed: number;
  /** Mean wait in queue of the customers served (minutes). */
  meanWait: number;
}

/**
 * The practical speed limit for an M/M/c queue in JavaScript: one loop, a binary
 * min-heap of event times in a `Float64Array` (kind in a parallel `Uint8Array`), a
 * ring buffer of waiting customers, and the same RNG as the engine (seedrandom's
 * Alea, one stream for arrivals and one for service). No handlers, no metrics beyond
 * a running sum of waits, no allocation in the loop.
 *
 * @param servers number of servers c
 * @param arrivalsPerMinute λ
 * @param serviceMean mean service time 1/μ (minutes)
 * @param until simulated minutes to run
 * @param seed seed of the two streams
 */
export function handLoopMMc(
  servers: number,
  arrivalsPerMinute: number,
  serviceMean: number,
  until: number,
  seed: string,
): HandLoopResult {
  const arrivals = seedrandom.alea(`hand/${seed}/arrivals`);
  const service = seedrandom.alea(`hand/${seed}/service`);
  const arrivalMean = 1 / arrivalsPerMinute;
  // At most c departures + 1 arrival are pending at once.
  const capacity = servers + 2;
  const times = new Float64Array(capacity);
  const kinds = new Uint8Array(capacity);
  let size = 0;
  // Ring buffer of waiting customers' arrival times.
  let ring = new Float64Array(1024);
  let head = 0;
  let waiting = 0;

  const push = (t: number, k: number): void => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };

  let events = 0;
  let closed = 0;
  let busy = 0;
  let waitSum = 0;
  push(-arrivalMean * Math.log(1 - arrivals()), 0);
  while (size > 0) {
    // Pop the root.
    const now = times[0];
    if (now > until) break;
    const kind = kinds[0];
    const last = --size;
    const lt = times[last];
    const lk = kinds[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && times[c + 1] < times[c]) c++;
      if (lt <= times[c]) break;
      times[i] = times[c];
      kinds[i] = kinds[c];
      i = c;
    }
    times[i] = lt;
    kinds[i] = lk;
    events++;

    if (kind === 0) {
      push(now - arrivalMean * Math.log(1 - arrivals()), 0);
      if (busy < servers) {
        busy++;
        push(now - serviceMean * Math.log(1 - service()), 1);
      } else {
        if (waiting === ring.length) {
          const bigger = new Float64Array(ring.length * 2);
          for (let k = 0; k < waiting; k++) bigger[k] = ring[(head + k) % ring.length];
          ring = bigger;
          head = 0;
        }
        ring[(head + waiting++) % ring.length] = now;
      }
    } else {
      closed++;
      if (waiting > 0) {
        waitSum += now - ring[head];
        head = (head + 1) % ring.length;
        waiting--;
        push(now - serviceMean * Math.log(1 - service()), 1);
      } else {
        busy--;
      }
    }
  }
  return { events, closed, meanWait: closed > 0 ? waitSum / closed : NaN };
}
