import type { Playback } from "../../sim/experiments/recordPlayback.js";

/** What the playback shows at one moment. */
export interface PlaybackFrame {
  /** The time asked for (minutes), clamped to the recording: [0, time of the last frame]. */
  time: number;
  /** The nearest frame at or before {@link time} (-1 if the recording has none): workers are drawn from it. */
  index: number;
  /** Incidents open at {@link time} — occurred ≤ time < closed — by playback incident number, in order of occurrence. */
  open: number[];
  /** Incidents closed in (time − fadeMinutes, time]: drawn fading out. */
  closing: number[];
}

/**
 * The state of `playback` at time `t` (minutes): a pure function of its arguments, used
 * by the view and by tests. Workers come from the nearest earlier frame; incidents are
 * exact at `t`. Incidents are recorded in order of occurrence, so only those that have
 * occurred by `t` are scanned.
 */
export function frameAt(playback: Playback, t: number, fadeMinutes = 60): PlaybackFrame {
  const f = playback.frames;
  const inc = playback.incidents;
  const end = f.count > 0 ? f.time[f.count - 1] : 0;
  const time = Number.isNaN(t) ? 0 : Math.min(end, Math.max(0, t));
  // Last frame with time ≤ `time`, and first incident occurring after it: binary searches.
  const index = f.count > 0 ? upperBound(f.time, f.count, time) - 1 : -1;
  const occurred = upperBound(inc.occurred, inc.count, time);
  const open: number[] = [];
  const closing: number[] = [];
  for (let r = 0; r < occurred; r++) {
    const c = inc.closed[r];
    if (!(c <= time)) open.push(r);
    else if (c > time - fadeMinutes) closing.push(r);
  }
  return { time, index, open, closing };
}

/** The number of leading entries of sorted `a[0 .. n)` that are ≤ `x`. */
function upperBound(a: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
