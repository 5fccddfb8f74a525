import { describe, expect, it } from "vitest";
import { mmcQueueWait } from "../../scripts/validation/theory.js";
import { runCli } from "../support/runCli.js";

describe("gridgov optimize", () => {
  it("finds the smallest staffing that meets a queue-wait target with confidence (M/M/c, λ = 8/h, μ = 1/h)", () => {
    // Erlang C: c = 9 waits far longer than 20 min, c = 10 about 12 min.
    expect(mmcQueueWait(9, 8 / 60, 60)).toBeGreaterThan(30);
    expect(mmcQueueWait(10, 8 / 60, 60)).toBeLessThan(15);
    const r = runCli([
      "optimize", "scenarios/validation/mmc-patrol.json", "--target", "queueWait.mean<=20",
      "--lever", "staffing.workersPerGrid", "--range", "8..12", "--step", "1",
      "--replications", "4", "--days", "60", "--workers", "1", "--json",
    ]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.met).toBe(true);
    expect(j.best.value).toBe(10);
    expect(j.best.ci95[1]).toBeLessThanOrEqual(20);
    const nine = j.trials.find((t: { value: number }) => t.value === 9);
    if (nine) expect(nine.meets).toBe(false);
  });

  it("refuses a target on an unknown measure", () => {
    const r = runCli(["optimize", "scenarios/teaching-small.json", "--target", "happiness>=1", "--lever", "staffing.workersPerGrid", "--range", "1..2"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--target: expected");
  });
});
