import { MINUTES_PER_DAY } from "../kernel/PoissonProcess.js";
import { ReplicationCollector, type ReplicationResult } from "../metrics/ReplicationCollector.js";
import { GridModel } from "../model/GridModel.js";
import { CLOSED, DISCOVERED, OCCURRED, REGISTERED } from "../model/IncidentStore.js";
import type { Layout } from "../model/Layout.js";
import { ACTIVITIES, OFF_DUTY, RETURNING, TRAVEL, type ActivityName } from "../model/Workforce.js";
import type { Scenario } from "../scenario/scenarioSchema.js";

/** What to record: the first `days` days (capped at the run's own), one frame every `sampleMinutes`. */
export interface RecordPlaybackOptions {
  /** Days to record from the start of the run (default 2; capped at the scenario's `run.days`). */
  days?: number;
  /** Minutes between frames (default 5). */
  sampleMinutes?: number;
}

/** The district as the playback draws it (metres from the north-west corner). */
export interface PlaybackLayout extends Pick<Layout, "width" | "height" | "columns" | "rows" | "cellWidth" | "cellHeight"> {
  /** Number of grid workers, and each one's home grid. */
  workers: number;
  homeGrid: Int32Array;
}

/**
 * Snapshots of the workers, every `sampleMinutes` from time 0: frame `k` is at `time[k] = k × sampleMinutes`
 * and shows the state once every event at or before that time has happened. Per-worker arrays are
 * frame-major: worker `w` of frame `k` is at index `k × workers + w`.
 */
export interface PlaybackFrames {
  count: number;
  time: Float64Array;
  /** Displayed position (metres): walks interpolated, off-duty workers at their post. */
  x: Float32Array;
  y: Float32Array;
  /** Index into {@link Playback.activities}. */
  activity: Uint8Array;
  /** Incidents occurred and not yet closed (found or not). */
  open: Int32Array;
}

/**
 * Every incident that occurred in the window (time ≤ `windowEnd`), in order of occurrence, as
 * typed arrays indexed by playback incident number. Later stages are followed to the end of the
 * run; a time not reached by then is NaN (null in JSON).
 */
export interface PlaybackIncidents {
  count: number;
  x: Float32Array;
  y: Float32Array;
  /** Index into {@link Playback.categories}. */
  category: Uint16Array;
  /** 1 if urgent. */
  urgent: Uint8Array;
  occurred: Float64Array;
  discovered: Float64Array;
  closed: Float64Array;
  /** Time limit (absolute minutes), set at registration; Infinity if never registered (no limit applies). */
  deadline: Float64Array;
  /** 1 if closed by its deadline (the model's own test, `closed ≤ deadline`; never registered = no limit = 1); 0 if late or still open. */
  withinLimit: Uint8Array;
}

/** Moments worth pointing at on the timeline. */
export interface PlaybackAnnotations {
  /** The first frame with the most open incidents. */
  peakBacklog: { time: number; value: number };
  /** The earliest deadline in the window that passed with its incident still open, or null. */
  firstMissedLimit: { time: number; incident: number } | null;
}

/** A recorded stretch of one replication for the teaching playback: plain data and typed arrays (structured-clone safe). */
export interface Playback {
  scenarioName: string;
  seed: number | string;
  replication: number;
  sampleMinutes: number;
  /** End of the recorded window (minutes); frames cover [0, windowEnd] (less if the run was truncated). */
  windowEnd: number;
  activities: ActivityName[];
  categories: Array<{ id: string; name: string }>;
  layout: PlaybackLayout;
  frames: PlaybackFrames;
  incidents: PlaybackIncidents;
  annotations: PlaybackAnnotations;
  /** The replication's normal result, identical to `runReplication`'s. */
  result: ReplicationResult;
}

/** What a worker returns for a playback: the recording, or why it failed. */
export type PlaybackOutcome = { ok: true; playback: Playback } | { ok: false; error: string };

/** Memory bound: frames × workers never exceeds this (9 bytes each); the window is shortened to fit. */
export const MAX_FRAME_CELLS = 4_000_000;
/** Memory bound on frames, whatever the number of workers. */
export const MAX_FRAMES = 50_000;
/** Memory bound on recorded incidents (about 45 bytes each): beyond it, recording fails. */
export const MAX_INCIDENTS = 2_000_000;
/** Sampling runs after every model event at the same time (model priorities are 0–3). */
const P_SAMPLE = 9;

/**
 * Runs replication `replication` of `scenario` under `seed` exactly as `runReplication` does and
 * records its first days for the teaching playback. Recording changes nothing: sampling events draw
 * no random numbers, run after every model event of their time (lowest priority; keys are unique
 * and monotone, so model events keep their order) and are not counted in `result.events`.
 */
export function recordPlayback(scenario: Scenario, seed: number | string, replication: number, options: RecordPlaybackOptions = {}): Playback {
  const { days = 2, sampleMinutes: dt = 5 } = options;
  if (!(days > 0) || !Number.isFinite(days)) throw new RangeError(`days must be a positive number, found ${days}`);
  if (!(dt > 0) || !Number.isFinite(dt)) throw new RangeError(`sampleMinutes must be a positive number, found ${dt}`);
  const model = new GridModel(scenario, { seed, replication });
  const collector = new ReplicationCollector(model);
  const { sim, workforce: wf, incidents: inc, layout } = model;
  const W = wf.count;
  const maxFrames = Math.max(1, Math.min(MAX_FRAMES, Math.floor(MAX_FRAME_CELLS / Math.max(1, W))));
  const frameCount = Math.min(maxFrames, Math.floor(Math.min(days * MINUTES_PER_DAY, model.end) / dt + 1e-9) + 1);
  const windowEnd = (frameCount - 1) * dt;
  const frames: PlaybackFrames = {
    count: 0,
    time: new Float64Array(frameCount),
    x: new Float32Array(frameCount * W),
    y: new Float32Array(frameCount * W),
    activity: new Uint8Array(frameCount * W),
    open: new Int32Array(frameCount),
  };

  // Walks to incidents: the model keeps only the start point, so note when each began.
  const travelStart = new Float64Array(W);
  const crew = model.crew;
  const setActivity = crew.setActivity.bind(crew);
  crew.setActivity = (w, activity, now) => {
    if (activity === TRAVEL && wf.activity[w] !== TRAVEL) travelStart[w] = now;
    setActivity(w, activity, now);
  };
  const speed = (scenario.travel.speedKmh * 1000) / 60;
  const euclidean = scenario.travel.metric === "euclidean";
  const place = (k: number, w: number, now: number) => {
    let x = wf.x[w];
    let y = wf.y[w];
    const a = wf.activity[w];
    if (a === OFF_DUTY) {
      x = wf.postX[w];
      y = wf.postY[w];
    } else if (a === RETURNING) {
      const total = wf.moveEnd[w] - wf.moveStart[w];
      const f = total > 0 ? Math.min(1, (now - wf.moveStart[w]) / total) : 1;
      [x, y] = along(x, y, wf.postX[w], wf.postY[w], f, euclidean);
    } else if (a === TRAVEL && wf.job[w] >= 0) {
      const i = wf.job[w];
      const d = euclidean ? Math.sqrt((inc.x[i] - x) * (inc.x[i] - x) + (inc.y[i] - y) * (inc.y[i] - y)) : Math.abs(inc.x[i] - x) + Math.abs(inc.y[i] - y);
      const f = d > 0 ? Math.min(1, ((now - travelStart[w]) * speed) / d) : 1;
      [x, y] = along(x, y, inc.x[i], inc.y[i], f, euclidean);
    }
    frames.x[k * W + w] = x;
    frames.y[k * W + w] = y;
    frames.activity[k * W + w] = a;
  };
  const kSample = sim.define(() => {
    sim.processed--; // not a model event: `result.events` stays the model's count
    const k = frames.count++;
    const now = sim.now;
    frames.time[k] = now;
    frames.open[k] = inc.open;
    for (let w = 0; w < W; w++) place(k, w, now);
    if (k + 1 < frameCount) sim.scheduleAt((k + 1) * dt, kSample, 0, P_SAMPLE);
  });
  sim.scheduleAt(0, kSample, 0, P_SAMPLE);

  const incidents = recordIncidents(model, windowEnd);
  model.run();
  const result = collector.result(replication);
  const recorded = incidents.finish();
  const trimmed = trimFrames(frames, W);
  return {
    scenarioName: scenario.name,
    seed,
    replication,
    sampleMinutes: dt,
    windowEnd,
    activities: [...ACTIVITIES],
    categories: scenario.incidents.categories.map((c) => ({ id: c.id, name: c.name })),
    layout: {
      width: layout.width,
      height: layout.height,
      columns: layout.columns,
      rows: layout.rows,
      cellWidth: layout.cellWidth,
      cellHeight: layout.cellHeight,
      workers: W,
      homeGrid: Int32Array.from(wf.homeGrid),
    },
    frames: trimmed,
    incidents: recorded,
    annotations: annotate(trimmed, recorded, windowEnd, sim.now),
    result,
  };
}

/** The point a fraction `f` of the way from (x0, y0) to (x1, y1): straight, or east–west leg first (as `Crew` walks). */
function along(x0: number, y0: number, x1: number, y1: number, f: number, euclidean: boolean): [number, number] {
  const dx = x1 - x0;
  const dy = y1 - y0;
  if (euclidean) return [x0 + f * dx, y0 + f * dy];
  const walked = f * (Math.abs(dx) + Math.abs(dy));
  return walked <= Math.abs(dx) ? [x0 + Math.sign(dx) * walked, y0] : [x1, y0 + Math.sign(dy) * (walked - Math.abs(dx))];
}

/** Watches the model's stage events and keeps the incidents that occur by `windowEnd`. */
function recordIncidents(model: GridModel, windowEnd: number): { finish(): PlaybackIncidents } {
  const inc = model.incidents;
  let n = 0;
  let cap = 256;
  const make = (c: number) => ({
    x: new Float32Array(c),
    y: new Float32Array(c),
    category: new Uint16Array(c),
    urgent: new Uint8Array(c),
    occurred: new Float64Array(c).fill(NaN),
    discovered: new Float64Array(c).fill(NaN),
    closed: new Float64Array(c).fill(NaN),
    deadline: new Float64Array(c).fill(Infinity),
    withinLimit: new Uint8Array(c),
  });
  let a = make(cap);
  const copy = (c: number) => {
    const b = make(c);
    for (const key of Object.keys(b) as Array<keyof typeof b>) b[key].set(a[key].subarray(0, Math.min(n, c)) as never);
    return b;
  };
  /** Playback incident number of each model id (ids are recycled), or -1. */
  let recordOf: Int32Array = new Int32Array(0);
  const inner = model.observer;
  const recordStage = (i: number, stage: number, now: number) => {
    if (i >= recordOf.length) recordOf = growIds(recordOf, inc.capacity);
    if (stage === OCCURRED) {
      recordOf[i] = -1;
      if (now <= windowEnd) {
        if (n === MAX_INCIDENTS) throw new RangeError(`more than ${MAX_INCIDENTS} incidents in the playback window: record fewer days`);
        if (n === cap) a = copy((cap *= 2));
        a.x[n] = inc.x[i];
        a.y[n] = inc.y[i];
        a.category[n] = inc.category[i];
        a.urgent[n] = inc.urgent[i];
        a.occurred[n] = now;
        recordOf[i] = n++;
      }
    } else if (recordOf[i] >= 0) {
      const r = recordOf[i];
      if (stage === DISCOVERED) a.discovered[r] = now;
      else if (stage === REGISTERED) a.deadline[r] = inc.deadline[i];
      else if (stage === CLOSED) {
        a.closed[r] = now;
        a.withinLimit[r] = now <= inc.deadline[i] ? 1 : 0;
        recordOf[i] = -1;
      }
    }
    inner.stage(i, stage, now);
  };
  model.observer = { stage: recordStage, closed: (i, satisfied) => inner.closed(i, satisfied) };
  return { finish: () => ({ count: n, ...copy(n) }) };
}

/** `ids` grown to `capacity`, new entries -1. */
function growIds(ids: Int32Array, capacity: number): Int32Array {
  const grown = new Int32Array(capacity).fill(-1);
  grown.set(ids);
  return grown;
}

/** The frames actually taken (fewer than planned if the run was truncated), in arrays of their own size. */
function trimFrames(f: PlaybackFrames, W: number): PlaybackFrames {
  if (f.count === f.time.length) return f;
  const n = f.count;
  return { count: n, time: f.time.slice(0, n), x: f.x.slice(0, n * W), y: f.y.slice(0, n * W), activity: f.activity.slice(0, n * W), open: f.open.slice(0, n) };
}

/** Peak of the sampled backlog; earliest deadline in the window passed with the incident open (`runEnd` = when the run stopped). */
function annotate(f: PlaybackFrames, inc: PlaybackIncidents, windowEnd: number, runEnd: number): PlaybackAnnotations {
  let peak = 0;
  for (let k = 1; k < f.count; k++) if (f.open[k] > f.open[peak]) peak = k;
  let first: PlaybackAnnotations["firstMissedLimit"] = null;
  for (let r = 0; r < inc.count; r++) {
    const d = inc.deadline[r];
    const c = inc.closed[r];
    const missed = d <= windowEnd && (c > d || (Number.isNaN(c) && d < runEnd));
    if (missed && (first === null || d < first.time)) first = { time: d, incident: r };
  }
  return { peakBacklog: f.count > 0 ? { time: f.time[peak], value: f.open[peak] } : { time: 0, value: 0 }, firstMissedLimit: first };
}
