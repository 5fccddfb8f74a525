import { describe, expect, it } from "vitest";
import { formatClock } from "../../../viz/playback/formatClock.js";
import { frameAt } from "../../../viz/playback/frameAt.js";
import { teachingPlayback, tinyPlayback } from "./fixture.js";

describe("frameAt", () => {
  const p = tinyPlayback();

  it("takes the nearest frame at or before t, exact at frame times", () => {
    expect(frameAt(p, 0).index).toBe(0);
    expect(frameAt(p, 4.999).index).toBe(0);
    expect(frameAt(p, 5).index).toBe(1);
    expect(frameAt(p, 99.9).index).toBe(19);
    expect(frameAt(p, 100).index).toBe(20);
  });

  it("clamps times outside the recording to its ends", () => {
    expect(frameAt(p, -3)).toMatchObject({ time: 0, index: 0, open: [] });
    expect(frameAt(p, 1e9)).toMatchObject({ time: 100, index: 20 });
    expect(frameAt(p, Number.NaN)).toMatchObject({ time: 0, index: 0 });
  });

  it("counts an incident open from its occurrence (inclusive) until its closing (exclusive)", () => {
    expect(frameAt(p, 1.999).open).toEqual([]);
    expect(frameAt(p, 2).open).toEqual([0]);
    expect(frameAt(p, 5).open).toEqual([0, 1]);
    expect(frameAt(p, 6.999).open).toEqual([0, 1]);
    expect(frameAt(p, 7)).toMatchObject({ open: [1], closing: [0] });
    // Occurred and closed at the same minute: never open, fading at once.
    expect(frameAt(p, 10)).toMatchObject({ open: [1], closing: [0, 2] });
    expect(frameAt(p, 100)).toMatchObject({ open: [1], closing: [3] });
  });

  it("lets closed incidents fade for fadeMinutes", () => {
    expect(frameAt(p, 66.9).closing).toEqual([0, 2]);
    expect(frameAt(p, 67).closing).toEqual([2]);
    expect(frameAt(p, 70).closing).toEqual([]);
    expect(frameAt(p, 8, 0).closing).toEqual([]);
  });

  it("agrees with the recorded open count at every frame of a real playback", () => {
    const real = teachingPlayback();
    for (let k = 0; k < real.frames.count; k++) {
      const f = frameAt(real, real.frames.time[k]);
      expect(f.index).toBe(k);
      expect(f.open.length).toBe(real.frames.open[k]);
    }
  });
});

describe("formatClock", () => {
  it("writes day (from 1) and time of day", () => {
    expect(formatClock(0)).toBe("Day 1, 00:00");
    expect(formatClock(515)).toBe("Day 1, 08:35");
    expect(formatClock(1439.99)).toBe("Day 1, 23:59");
    expect(formatClock(1440)).toBe("Day 2, 00:00");
    expect(formatClock(2 * 1440 + 61)).toBe("Day 3, 01:01");
  });
});
