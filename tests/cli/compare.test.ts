import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

describe("gridgov compare", () => {
  const args = ["compare", "scenarios/district-j-baseline.json", "scenarios/reform-platform-operation.json", "--replications", "6", "--days", "10", "--seed", "7", "--workers", "1"];

  it("reports the paired difference against the baseline, and common random numbers narrow its interval", () => {
    const r = runCli([...args, "--json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.scenarios).toHaveLength(1);
    const response = j.scenarios[0].measures.find((m: { measure: string }) => m.measure === "responseTime.mean");
    const base = j.runs[0].perReplication.map((p: { metrics: { responseTime: { mean: number } } }) => p.metrics.responseTime.mean);
    const other = j.runs[1].perReplication.map((p: { metrics: { responseTime: { mean: number } } }) => p.metrics.responseTime.mean);
    const diffs = other.map((v: number, k: number) => v - base[k]);
    expect(response.difference.mean).toBeCloseTo(diffs.reduce((a: number, b: number) => a + b) / diffs.length, 9);
    expect(response.difference.ci95[0]).toBeLessThan(response.difference.mean);
    // Automatic dispatch removes the dispatcher's delay: a clearly shorter response.
    expect(response.difference.ci95[1]).toBeLessThan(0);
    expect(response.difference.significant).toBe(true);
    // Common random numbers: the paired interval is narrower than with independent seeds.
    const pairedHalf = (response.difference.ci95[1] - response.difference.ci95[0]) / 2;
    expect(response.independentHalfWidth).toBeGreaterThan(pairedHalf);
    expect(response.narrowing).toBeGreaterThan(1);
    // The same district: no warning that the districts differ.
    expect(j.runs[1].warnings.join("\n")).not.toContain("another district");
  });

  it("says in words what the scenario does to response time, workers' hours and cost, as its paired differences say", () => {
    const table = runCli(args);
    const j = JSON.parse(runCli([...args, "--json"]).stdout);
    expect(table.status).toBe(0);
    const lines = table.stdout.split("\n");
    const head = lines.indexOf(`In words, ${j.scenarios[0].scenario.name}:`);
    expect(head).toBeGreaterThan(0);
    const said = lines.slice(head + 1, head + 5);
    const measures = ["responseTime.mean", "workerUtilization", "overtimeHoursPerWeek", "costPerYear"].map((name) => j.scenarios[0].measures.find((m: { measure: string }) => m.measure === name));
    measures.forEach((m: { label: string; difference: { mean: number; significant: boolean } }, k: number) => {
      const verb = !m.difference.significant ? "makes no clear difference to" : m.difference.mean < 0 ? "cuts" : "raises";
      expect(said[k]).toMatch(new RegExp(`^  - ${verb} ${m.label} `));
    });
    // Automatic dispatch: a clear cut in response time, in minutes with its interval.
    const response = measures[0].difference;
    expect(said[0]).toBe(`  - cuts mean response time by ${Math.abs(response.mean).toFixed(1)} min (95% CI ${(-response.ci95[1]).toFixed(1)}–${(-response.ci95[0]).toFixed(1)} min)`);
  });

  it("warns, on stderr and in the result, when a scenario is of another district than the baseline's", () => {
    const r = runCli(["compare", "scenarios/teaching-small.json", "scenarios/reform-combined.json", "--replications", "2", "--days", "5", "--workers", "1", "--json"]);
    expect(r.status).toBe(0);
    const warning = "another district than the baseline's (120,000 households, 312,000 residents, 8 × 6 km, against 6,000 households, 15,600 residents, 2 × 1.2 km)";
    expect(r.stderr).toContain(`warning: Reform: all five aspects combined: ${warning}`);
    const j = JSON.parse(r.stdout);
    expect(j.runs[0].warnings.join("\n")).not.toContain("another district");
    expect(j.runs[1].warnings.join("\n")).toContain(warning);
  });

  it("prints a table and a plain-language sentence", () => {
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("mean response time");
    // Not the pooled p90 of gridgov run: the table says which p90 it is.
    expect(r.stdout).toContain("90th percentile response time (mean of replications)");
    expect(r.stdout).toMatch(/\nIn words, Reform: platform operation [^\n]*:\n  - cuts mean response time by [\d.]+ min \(95% CI [\d.]+–[\d.]+ min\)\n/);
    // Shares as %, their differences in percentage points (not a relative change).
    const share = r.stdout.split("\n").find((l) => l.startsWith("share closed within time limit"))!;
    expect(share).toMatch(/%\s+-?[\d.]+ %\s+-?[\d.]+ %\s+-?[\d.]+ pp( \*)?\s+-?[\d.]+ pp – -?[\d.]+ pp/);
  });

  it("--precision adds replications until every interval is narrow enough, and says how many it took", () => {
    const base = ["compare", "scenarios/teaching-small.json", "scenarios/reform-combined.json", "--days", "5", "--seed", "3", "--workers", "1", "--json"];
    const r = runCli([...base, "--replications", "3", "--precision", "responseTime.mean=10%"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/precision reached: responseTime.mean within ±10.0 % after \d+ replications/);
    const j = JSON.parse(r.stdout);
    expect(j.precision.reached).toBe(true);
    expect(j.replications % 3).toBe(0);
    for (const run of j.runs) {
      const v = run.perReplication.map((p: { metrics: { responseTime: { mean: number } } }) => p.metrics.responseTime.mean);
      const half = (run.metrics.responseTime.ci95[1] - run.metrics.responseTime.ci95[0]) / 2;
      expect(v).toHaveLength(j.replications);
      expect(half).toBeLessThanOrEqual(0.1 * run.metrics.responseTime.mean);
    }
    // Adding batches gives the same numbers as asking for that many replications at once.
    const once = JSON.parse(runCli([...base, "--replications", String(j.replications)]).stdout);
    expect(once.runs).toEqual(j.runs);
  });

  it("--set changes every scenario compared, and --days with it; what the runs warn of goes to stderr, named", () => {
    const r = runCli(["compare", "scenarios/teaching-small.json", "scenarios/reform-combined.json", "--set", "run.warmupDays=1", "--days", "3", "--replications", "2", "--workers", "1", "--json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.runs.map((run: { scenario: { days: number; warmupDays: number } }) => [run.scenario.days, run.scenario.warmupDays])).toEqual([[3, 1], [3, 1]]);
    // Three-day runs leave many incidents open at the end: each run says so, and so does stderr
    // (with, for the reform, that its district is not the teaching district's).
    const warned = j.runs.flatMap((run: { scenario: { name: string }; warnings: string[] }) => run.warnings.map((w) => `warning: ${run.scenario.name}: ${w}`));
    expect(warned.filter((w: string) => /still open at the end/.test(w))).toHaveLength(2);
    expect(warned.filter((w: string) => /another district/.test(w))).toHaveLength(1);
    // (Progress lines join them when the machine is slow enough for a run to take over a second.)
    const lines = r.stderr.trim().split("\n").filter((line) => !/^2 scenarios: run \d+\/\d+ /.test(line));
    expect(lines.sort()).toEqual([...warned].sort());
  });

  it("reports the problems of every scenario file at once, and --set problems in each", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const unknown = join(dir, "unknown.json");
    const negative = join(dir, "negative.json");
    writeFileSync(unknown, JSON.stringify({ schemaVersion: 1, name: "u", colour: "red" }));
    writeFileSync(negative, JSON.stringify({ schemaVersion: 1, name: "n", run: { days: -3 } }));
    const r = runCli(["compare", "scenarios/teaching-small.json", unknown, negative]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${unknown}: (scenario): unknown field "colour"`);
    expect(r.stderr).toContain(`${negative}: run.days: expected number to be >0 (days), found -3`);
    const set = runCli(["compare", "scenarios/teaching-small.json", "scenarios/reform-combined.json", "--set", "staffing.workersPerGrid=0"]);
    expect(set.status).toBe(2);
    for (const f of ["scenarios/teaching-small.json", "scenarios/reform-combined.json"]) expect(set.stderr).toContain(`${f}: staffing.workersPerGrid: expected number to be >0, found 0 (from --set)`);
  });

  it("needs at least two scenarios", () => {
    const r = runCli(["compare", "scenarios/district-j-baseline.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: gridgov compare");
  });
});
