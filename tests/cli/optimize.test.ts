import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mmcQueueWait } from "../../scripts/validation/theory.js";
import { MAX_OPTIMIZE_VALUES } from "../../cli/findOptimum.js";
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

  it("finds the highest value that meets the target when less of the lever helps (travel time and grid size)", () => {
    const args = ["optimize", "scenarios/teaching-small.json", "--target", "travelTime.mean<=1.5", "--lever", "grids.householdsPerGrid", "--range", "200..1000", "--step", "200", "--replications", "2", "--days", "7", "--workers", "1"];
    const j = JSON.parse(runCli([...args, "--json"]).stdout);
    expect(j.met).toBe(true);
    expect(j.improvesWith).toBe("less");
    // The best value meets it; every larger value tried misses it.
    expect(j.best.meets).toBe(true);
    expect(j.best.ci95[1]).toBeLessThanOrEqual(1.5);
    const larger = j.trials.filter((t: { value: number }) => t.value > j.best.value);
    expect(larger.length).toBeGreaterThan(0);
    for (const t of larger) expect(t.meets).toBe(false);
    const text = runCli(args).stdout;
    expect(text).toContain(`Highest grids.householdsPerGrid that meets travelTime.mean<=1.5 with 95% confidence: ${j.best.value}`);
    expect(text).toContain("the measure improves as grids.householdsPerGrid falls");
  });

  it("exits 1 when no value in the range meets the target, still printing the trials", () => {
    // Incidents reported after the shift wait for the next one: the mean queue wait is never 0.
    const args = ["optimize", "scenarios/teaching-small.json", "--target", "queueWait.mean<=0", "--lever", "staffing.workersPerGrid", "--range", "1..2", "--step", "1", "--days", "2", "--replications", "2", "--workers", "1"];
    const json = runCli([...args, "--json"]);
    expect(json.status).toBe(1);
    const j = JSON.parse(json.stdout);
    expect(j).toMatchObject({ met: false, best: null, improvesWith: null });
    expect(j.trials.map((t: { value: number }) => t.value)).toEqual([1, 2]);
    const text = runCli(args);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain("queueWait.mean<=0 is not met with 95% confidence at either end of the range");
    expect(text.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a target a measure cannot reach, and says a share is written from 0 to 1", () => {
    const r = runCli(["optimize", "scenarios/teaching-small.json", "--target", "timeLimitHitRate>=90", "--lever", "staffing.workersPerGrid", "--range", "1..3"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--target: expected a value of timeLimitHitRate from 0 to 1 (a share: for 90 % write 0.9), found 90");
    expect(runCli(["optimize", "scenarios/teaching-small.json", "--target", "queueWait.mean<=-5", "--lever", "staffing.workersPerGrid", "--range", "1..3"]).stderr).toContain("expected a value of queueWait.mean of at least 0, found -5");
    // 1.5 is no percentage: no hint to write it as 0.015.
    const over = runCli(["optimize", "scenarios/teaching-small.json", "--target", "workerUtilization<=1.5", "--lever", "staffing.workersPerGrid", "--range", "1..3"]);
    expect(over.stderr).toContain("--target: expected a value of workerUtilization from 0 to 1, found 1.5\n");
    // A target may be written with an exponent.
    const exponent = runCli(["optimize", "scenarios/teaching-small.json", "--target", "costPerYear<=1e6", "--lever", "staffing.workersPerGrid", "--range", "1..3", "--step", "5", "--days", "2", "--replications", "2", "--workers", "1"]);
    expect(exponent.stderr).not.toContain("--target");
  });

  it("--json and --out record what is needed to reproduce the result: engine, scenario, seed, replications, manifest", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "optimum.json");
    const args = [
      "optimize", "scenarios/teaching-small.json", "--target", "workerUtilization<=1", "--lever", "staffing.workersPerGrid", "--range", "1..2", "--step", "1",
      "--set", "admin.taskCut=0.5", "--days", "2", "--replications", "2", "--seed", "8", "--workers", "1", "--json", "--out", out,
    ];
    const r = runCli(args);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ engineVersion: JSON.parse(readFileSync("package.json", "utf8")).version, seed: 8, replications: 2, lever: "staffing.workersPerGrid", range: [1, 2], step: 1, met: true });
    expect(j.scenario).toMatchObject({ name: "Teaching district — 15 grids", days: 2 });
    expect(j.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(j.best.value).toBe(1);
    // Two-day runs leave many incidents open at the end: each trial keeps its warning, and stderr names the value.
    for (const t of j.trials) {
      expect(t.warnings.join("\n")).toMatch(/still open at the end/);
      for (const w of t.warnings) expect(r.stderr).toContain(`warning: staffing.workersPerGrid = ${t.value}: ${w}`);
    }
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.result).toEqual(j);
    expect(file.manifest).toMatchObject({ seed: 8, replications: 2, command: ["gridgov", ...args] });
    expect(file.manifest.scenario.hash).toBe(j.scenario.hash);
    expect(file.manifest.scenario.data.admin.taskCut).toBe(0.5);
    expect(file.manifest.scenario.data.run.days).toBe(2);
    // rerun repeats the search from the manifest — the scenario as it ran, the recorded target, lever and range.
    const again = runCli(["rerun", out, "--workers", "2"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${out}: reproduced byte for byte`);
    file.result.trials[0].mean += 1;
    writeFileSync(out, JSON.stringify(file));
    const tampered = runCli(["rerun", out, "--workers", "1"]);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain("does NOT match");
    // Without its recorded command, or with a command changed, the search cannot be told: refused, naming the field.
    writeFileSync(out, JSON.stringify({ ...file, manifest: { ...file.manifest, command: undefined } }));
    const lost = runCli(["rerun", out, "--workers", "1"]);
    expect(lost.status).toBe(2);
    expect(lost.stderr).toContain(`${out}: manifest.command: expected the recorded command of gridgov optimize (a list of words), found nothing`);
    writeFileSync(out, JSON.stringify({ ...file, manifest: { ...file.manifest, command: ["gridgov", "optimize", "x.json", "--lever", "staffing.workersPerGrid", "--range", "1..2"] } }));
    const changed = runCli(["rerun", out, "--workers", "1"]);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toContain(`${out}: manifest.command: --target: expected <measure><=value or >=value`);
    expect(changed.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports every value of the range the scenario refuses, at once", () => {
    const r = runCli(["optimize", "scenarios/teaching-small.json", "--target", "timeLimitHitRate>=0.7", "--lever", "staffing.workersPerGrid", "--range", "-1..3", "--step", "0.5"]);
    expect(r.status).toBe(2);
    for (const v of ["-1", "-0.5", "0"]) {
      expect(r.stderr).toContain(`scenarios/teaching-small.json (staffing.workersPerGrid = ${v}): staffing.workersPerGrid: expected number to be >0, found ${v}`);
    }
    const misspelt = runCli(["optimize", "scenarios/teaching-small.json", "--target", "timeLimitHitRate>=0.7", "--lever", "staffing.workersPerGird", "--range", "1..3"]);
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toContain('(every value of --range): staffing.workersPerGird: unknown field "workersPerGird"');
  });

  it("refuses a step that makes more values than it can check, at once and saying what step would do", () => {
    const r = runCli(["optimize", "scenarios/teaching-small.json", "--target", "timeLimitHitRate>=0.5", "--lever", "staffing.workersPerGrid", "--range", "0.5..3", "--step", "1e-9"]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim()).toBe(`--step: expected at most ${MAX_OPTIMIZE_VALUES} values in --range 0.5..3, found 2,500,000,001 with step 1e-9; use a step of at least ${2.5 / (MAX_OPTIMIZE_VALUES - 1)}`);
  });

  it("refuses a target on an unknown measure", () => {
    const r = runCli(["optimize", "scenarios/teaching-small.json", "--target", "happiness>=1", "--lever", "staffing.workersPerGrid", "--range", "1..2"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--target: expected");
  });
});
