import type { Playback } from "../../sim/experiments/recordPlayback.js";
import { OFF_DUTY } from "../../sim/model/Workforce.js";
import { formatClock } from "./formatClock.js";
import type { PlaybackFrame } from "./frameAt.js";

/** Workers on duty (any activity but off duty) in frame `index` of `playback`. */
export function workersOnDuty(playback: Playback, index: number): number {
  if (index < 0) return 0;
  const W = playback.layout.workers;
  const a = playback.frames.activity;
  let n = 0;
  for (let k = index * W, end = k + W; k < end; k++) if (a[k] !== OFF_DUTY) n++;
  return n;
}

/** The text alternative of the map at `frame`: "Day 1, 08:35 — 12 workers on duty, 3 incidents open". */
export function summaryText(playback: Playback, frame: PlaybackFrame): string {
  const on = workersOnDuty(playback, frame.index);
  const open = frame.open.length;
  return `${formatClock(frame.time)} — ${on} ${on === 1 ? "worker" : "workers"} on duty, ${open} ${open === 1 ? "incident" : "incidents"} open`;
}
