import { describe, expect, it } from "vitest";
import { tQuantile975 } from "../../sim/metrics/studentT.js";
import {
  centralPostTravelDistance,
  erlangC,
  mmcQueueWait,
  pollaczekKhinchineWait,
  roamingTravelDistance,
  tCdf,
  tQuantile,
  travelMinutes,
} from "../../scripts/validation/theory.js";

describe("textbook formulas", () => {
  it("Erlang C reduces to ρ for one server and to 2ρ²/(1+ρ) for two", () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(erlangC(2, 1.6)).toBeCloseTo((2 * 0.64) / 1.8, 12);
  });

  it("M/M/1 wait is ρ/(1−ρ)·E[S] by both Erlang C and Pollaczek–Khinchine", () => {
    expect(mmcQueueWait(1, 0.05, 10)).toBeCloseTo(10, 10);
    expect(pollaczekKhinchineWait(0.05, 10, 100)).toBeCloseTo(10, 10);
  });

  it("M/D/1 wait is half the M/M/1 wait", () => {
    expect(pollaczekKhinchineWait(0.08, 10, 0)).toBeCloseTo(mmcQueueWait(1, 0.08, 10) / 2, 10);
  });

  it("travel distances in a 1 km square are 667 m roaming and 500 m from the centre", () => {
    expect(roamingTravelDistance(1e6)).toBeCloseTo(2000 / 3, 9);
    expect(centralPostTravelDistance(1e6)).toBeCloseTo(500, 9);
    expect(travelMinutes(500, 12)).toBeCloseTo(2.5, 12);
  });

  it("Student-t quantiles match the tabulated 97.5 % values and known 99.95 % values", () => {
    for (const df of [1, 2, 5, 10, 29, 30, 60, 200]) expect(tQuantile(0.975, df)).toBeCloseTo(tQuantile975(df), 2);
    expect(tQuantile(0.9995, 10)).toBeCloseTo(4.587, 3);
    expect(tQuantile(0.9995, 30)).toBeCloseTo(3.646, 3);
    expect(tQuantile(0.025, 7)).toBeCloseTo(-tQuantile(0.975, 7), 12);
    expect(tCdf(tQuantile(0.999, 13), 13)).toBeCloseTo(0.999, 10);
  });
});
