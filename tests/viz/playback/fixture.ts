import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { recordPlayback, type Playback } from "../../../sim/experiments/recordPlayback.js";
import { ACTIVITIES } from "../../../sim/model/Workforce.js";
import { parseScenario } from "../../../sim/scenario/parseScenario.js";

/** A real two-day playback of the teaching district (3-day run, seed 7). (A node:path path: under jsdom, `URL` is jsdom's and node:fs refuses it.) */
export function teachingPlayback(): Playback {
  const raw = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../../scenarios/teaching-small.json"), "utf8"));
  const parsed = parseScenario({ ...raw, run: { ...raw.run, days: 3 } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return recordPlayback(parsed.value, 7, 0, { days: 2, sampleMinutes: 5 });
}

/**
 * A hand-made playback: frames every 5 minutes over [0, 100], two workers, and incidents
 * A (2 → 7), B (5 → never, urgent, found at 30), C (10 → 10), D (50 → 95).
 */
export function tinyPlayback(): Playback {
  const n = 21;
  const W = 2;
  const f64 = (a: number[]) => Float64Array.from(a);
  return {
    scenarioName: "tiny",
    seed: 1,
    replication: 0,
    sampleMinutes: 5,
    windowEnd: 100,
    activities: [...ACTIVITIES],
    categories: [{ id: "c", name: "Category" }],
    layout: { width: 200, height: 100, columns: 2, rows: 1, cellWidth: 100, cellHeight: 100, workers: W, homeGrid: Int32Array.from([0, 1]) },
    frames: {
      count: n,
      time: Float64Array.from({ length: n }, (_, k) => 5 * k),
      x: Float32Array.from({ length: n * W }, (_, j) => (j % W === 0 ? 50 : 150)),
      y: new Float32Array(n * W).fill(50),
      activity: Uint8Array.from({ length: n * W }, (_, j) => (j % W === 0 ? 1 : Math.floor(j / W) % 7)),
      open: Int32Array.from({ length: n }, () => 0),
    },
    incidents: {
      count: 4,
      x: Float32Array.from([10, 20, 30, 40]),
      y: Float32Array.from([10, 20, 30, 40]),
      category: new Uint16Array(4),
      urgent: Uint8Array.from([0, 1, 0, 0]),
      occurred: f64([2, 5, 10, 50]),
      discovered: f64([2, 30, 10, 60]),
      closed: f64([7, NaN, 10, 95]),
      deadline: f64([100, 20, 100, 100]),
      withinLimit: Uint8Array.from([1, 0, 1, 1]),
    },
    annotations: { peakBacklog: { time: 50, value: 2 }, firstMissedLimit: { time: 20, incident: 1 } },
    result: {} as Playback["result"],
  };
}
