import seedrandom from "seedrandom";
import { log as detLog } from "../sim/kernel/detMath.js";
import { Histogram } from "../sim/metrics/Histogram.js";

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
 * With `duties`, the loop also does what the engine must do per incident whatever the
 * model around it, and nothing else: draw through the engine-independent logarithm
 * (`sim/kernel/detMath.ts`, for byte-identical runs in every JavaScript engine); draw the
 * incident's place (hotspot block, x, y), category, urgency and outcome key, as the
 * engine does for common random numbers (six draws more per incident); and record the
 * six incident measurements in the engine's histograms, with their sums. The ratio of
 * the two variants is the floor for any implementation with those duties.
 *
 * @param seed seed of the streams
 * @param duties add the engine's per-incident duties (see above)
 */
export function handLoopMMc(
  servers: number,
  arrivalsPerMinute: number,
  serviceMean: number,
  until: number,
  seed: string,
  duties = false,
): HandLoopResult {
  const arrivals = seedrandom.alea(`hand/${seed}/arrivals`);
  const service = seedrandom.alea(`hand/${seed}/service`);
  const outcomes = seedrandom.alea(`hand/${seed}/outcomes`);
  const ln = duties ? detLog : Math.log;
  const [discovery, queueWait, travel, response, resolution, total] = [0, 1, 2, 3, 4, 5].map(() => new Histogram());
  const sums = new Float64Array(6);
  /** The six measurements of a customer whose service starts after `wait` and lasts `s`. */
  const record = (wait: number, s: number): void => {
    discovery.add(0);
    queueWait.add(wait);
    travel.add(0);
    response.add(wait);
    resolution.add(wait + s);
    total.add(wait + s);
    sums[1] += wait;
    sums[3] += wait;
    sums[4] += wait + s;
    sums[5] += wait + s;
  };
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
  push(-arrivalMean * ln(1 - arrivals()), 0);
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
      push(now - arrivalMean * ln(1 - arrivals()), 0);
      if (duties) {
        // Hotspot block, x, y, category, urgency; outcome key.
        for (let k = 0; k < 5; k++) arrivals();
        outcomes();
      }
      if (busy < servers) {
        busy++;
        const s = -serviceMean * ln(1 - service());
        if (duties) record(0, s);
        push(now + s, 1);
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
        const wait = now - ring[head];
        waitSum += wait;
        head = (head + 1) % ring.length;
        waiting--;
        const s = -serviceMean * ln(1 - service());
        if (duties) record(wait, s);
        push(now + s, 1);
      } else {
        busy--;
      }
    }
  }
  return { events, closed, meanWait: closed > 0 ? waitSum / closed : NaN };
}
