import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordPlayback, type Playback } from "../../sim/experiments/recordPlayback.js";
import { runReplication } from "../../sim/experiments/runReplication.js";
import { OFF_DUTY } from "../../sim/model/Workforce.js";
import { engineApi } from "../../sim/runtime/engineApi.js";
import { parseScenario } from "../../sim/scenario/parseScenario.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { scenarioArb } from "../support/scenarios.js";

const raw = JSON.parse(readFileSync(new URL("../../scenarios/teaching-small.json", import.meta.url), "utf8"));

function teaching(days: number, warmupDays = 1): Scenario {
  const parsed = parseScenario({ ...raw, run: { ...raw.run, days, warmupDays } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const s = teaching(3);
const pb = recordPlayback(s, 7, 1, { days: 2, sampleMinutes: 5 });

/** Incidents open at `t` counted from the incident list: occurred ≤ t < closed (NaN = never closed). */
function openFromList(p: Playback, t: number): number {
  let n = 0;
  for (let r = 0; r < p.incidents.count; r++) if (p.incidents.occurred[r] <= t && !(p.incidents.closed[r] <= t)) n++;
  return n;
}

/** The checks every playback must pass. */
function checkInvariants(p: Playback, scenario: Scenario): void {
  const { frames: f, incidents: inc, layout } = p;
  const W = layout.workers;
  // The window starts at time 0, the start of the run: no incident predates it, so the count is exact.
  expect(Array.from(f.time)).toEqual(Array.from({ length: f.count }, (_, k) => k * p.sampleMinutes));
  expect(Array.from(f.open)).toEqual(Array.from(f.time, (t) => openFromList(p, t)));
  let outside = 0;
  for (let j = 0; j < f.count * W; j++) {
    if (!(f.x[j] >= 0 && f.x[j] <= layout.width && f.y[j] >= 0 && f.y[j] <= layout.height)) outside++;
    if (f.activity[j] >= p.activities.length) outside++;
  }
  expect(outside).toBe(0);
  const bad: string[] = [];
  for (let r = 0; r < inc.count; r++) {
    if (!(inc.occurred[r] <= p.windowEnd) || (r > 0 && inc.occurred[r] < inc.occurred[r - 1])) bad.push(`${r} occurred`);
    if (inc.closed[r] < inc.occurred[r] || inc.discovered[r] < inc.occurred[r]) bad.push(`${r} before occurring`);
    if (inc.withinLimit[r] !== (inc.closed[r] <= inc.deadline[r] ? 1 : 0)) bad.push(`${r} withinLimit`);
    if (!(inc.x[r] >= 0 && inc.x[r] <= layout.width && inc.y[r] >= 0 && inc.y[r] <= layout.height)) bad.push(`${r} outside`);
    if (inc.category[r] >= scenario.incidents.categories.length) bad.push(`${r} category`);
  }
  expect(bad).toEqual([]);
  if (f.count > 0) {
    const max = Math.max(...f.open);
    expect(p.annotations.peakBacklog.value).toBe(max);
    expect(p.annotations.peakBacklog.time).toBe(f.time[f.open.indexOf(max)]);
  }
  const miss = p.annotations.firstMissedLimit;
  // Every limit missed in the window is missed no earlier than the first (a truncated run's end is not known here).
  const runEnd = scenario.run.days * 1440;
  for (let r = 0; r < inc.count && !p.result.truncated; r++) {
    const d = inc.deadline[r];
    const missed = d <= p.windowEnd && (inc.closed[r] > d || (Number.isNaN(inc.closed[r]) && d < runEnd));
    if (missed) expect(miss !== null && miss.time <= d).toBe(true);
  }
  if (miss) {
    const r = miss.incident;
    expect(inc.deadline[r]).toBe(miss.time);
    expect(inc.withinLimit[r]).toBe(0);
  }
}

describe("recordPlayback", () => {
  it("changes nothing: the result is byte-identical to runReplication's", () => {
    expect(JSON.stringify(pb.result)).toBe(JSON.stringify(runReplication(s, 7, 1)));
  });

  it("records the first days at the sampling interval, capped at the run's own days", () => {
    expect(pb.frames.count).toBe((2 * 1440) / 5 + 1);
    expect(pb.windowEnd).toBe(2 * 1440);
    const short = recordPlayback(teaching(1, 0.5), 7, 1, { days: 2, sampleMinutes: 30 });
    expect(short.windowEnd).toBe(1440);
    expect(short.frames.count).toBe(1440 / 30 + 1);
    expect(short.frames.x.length).toBe(short.frames.count * short.layout.workers);
  });

  it("describes the layout and workers of the district", () => {
    expect(pb.layout).toMatchObject({ width: s.district.widthMeters, height: s.district.heightMeters });
    expect(pb.layout.columns * pb.layout.cellWidth).toBeCloseTo(s.district.widthMeters);
    expect(pb.layout.rows * pb.layout.cellHeight).toBeCloseTo(s.district.heightMeters);
    expect(pb.layout.homeGrid.length).toBe(pb.layout.workers);
    expect(pb.layout.workers).toBeGreaterThan(0);
    expect(pb.activities).toContain("available");
    expect(pb.categories.length).toBe(s.incidents.categories.length);
  });

  it("frames, incidents and annotations agree (open count = occurred ≤ t < closed, from the incident list)", () => {
    expect(pb.incidents.count).toBeGreaterThan(10);
    checkInvariants(pb, s);
    expect(pb.annotations.firstMissedLimit).not.toBeNull();
  });

  it("moves workers no faster than the travel speed between on-duty frames", () => {
    const { frames: f, layout, sampleMinutes } = pb;
    const W = layout.workers;
    const reach = ((s.travel.speedKmh * 1000) / 60) * sampleMinutes;
    let moved = 0;
    for (let k = 1; k < f.count; k++) {
      for (let w = 0; w < W; w++) {
        const a = (k - 1) * W + w;
        const b = k * W + w;
        if (f.activity[a] === OFF_DUTY || f.activity[b] === OFF_DUTY) continue;
        const d = Math.abs(f.x[b] - f.x[a]) + Math.abs(f.y[b] - f.y[a]);
        if (d > 0) moved++;
        expect(d).toBeLessThanOrEqual(reach + 0.5);
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("same inputs, same output; the output survives structured cloning", () => {
    const again = recordPlayback(s, 7, 1, { days: 2, sampleMinutes: 5 });
    expect(again).toEqual(pb);
    const cloned = structuredClone(pb);
    expect(cloned.frames.x).toBeInstanceOf(Float32Array);
    expect(cloned).toEqual(pb);
  });

  it("recording changes nothing and keeps its invariants in random scenarios", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), fc.constantFrom(1, 7, 60), (sc, seed, dt) => {
        const p = recordPlayback(sc, seed, 0, { days: 1, sampleMinutes: dt });
        expect(JSON.stringify(p.result)).toBe(JSON.stringify(runReplication(sc, seed, 0)));
        checkInvariants(p, sc);
      }),
      { numRuns: 40 },
    );
  });

  it("rejects bad options", () => {
    expect(() => recordPlayback(s, 1, 0, { sampleMinutes: 0 })).toThrow(RangeError);
    expect(() => recordPlayback(s, 1, 0, { days: Number.NaN })).toThrow(RangeError);
  });
});

describe("engineApi.recordPlayback", () => {
  it("returns the playback for valid scenario data, and errors as values", () => {
    const out = engineApi.recordPlayback({ ...raw, run: { days: 1, warmupDays: 0 } }, 3, 0, { days: 1, sampleMinutes: 60 });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.playback.frames.count).toBe(25);
    const bad = engineApi.recordPlayback({ ...raw, schemaVersion: 99 }, 3, 0);
    expect(bad.ok).toBe(false);
    const badOptions = engineApi.recordPlayback(raw, 3, 0, { sampleMinutes: -1 });
    expect(badOptions).toMatchObject({ ok: false });
  });
});
