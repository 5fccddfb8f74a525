import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

describe("gridgov sweep", () => {
  it("runs a full factorial design and writes tidy rows (point × replication) and a summary per point", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "sweep");
    const r = runCli([
      "sweep", "scenarios/teaching-small.json",
      "--vary", "grids.householdsPerGrid=200,400",
      "--vary", "staffing.workersPerGrid=1,2",
      "--replications", "2", "--seed", "3", "--workers", "1", "--out", out,
    ]);
    expect(r.status).toBe(0);
    const rows = readFileSync(join(out, "sweep.csv"), "utf8").trim().split("\n");
    expect(rows[0].split(",").slice(0, 6)).toEqual(["point", "replication", "grids.householdsPerGrid", "staffing.workersPerGrid", "grids", "workers"]);
    expect(rows).toHaveLength(1 + 4 * 2);
    const summary = readFileSync(join(out, "summary.csv"), "utf8").trim().split("\n");
    expect(summary).toHaveLength(1 + 4);
    const j = JSON.parse(readFileSync(join(out, "sweep.json"), "utf8"));
    expect(j.points).toEqual([
      { "grids.householdsPerGrid": 200, "staffing.workersPerGrid": 1 },
      { "grids.householdsPerGrid": 200, "staffing.workersPerGrid": 2 },
      { "grids.householdsPerGrid": 400, "staffing.workersPerGrid": 1 },
      { "grids.householdsPerGrid": 400, "staffing.workersPerGrid": 2 },
    ]);
    // Twice the workers per grid costs about twice as much.
    const cost = (k: number) => j.summary[k].costPerYear;
    expect(cost(1) / cost(0)).toBeGreaterThan(1.8);
    // What each point built: 200 households per grid gives 7 × 4 grids, not 30; 400 gives 5 × 3.
    expect(j.summary.map((s: { grids: number; workers: number }) => [s.grids, s.workers])).toEqual([[28, 28], [28, 56], [15, 15], [15, 30]]);
    expect(j.rows.every((row: { point: number; grids: number; workers: number }) => row.grids === j.summary[row.point].grids && row.workers === j.summary[row.point].workers)).toBe(true);
    // Enough to tell two sweeps apart and read them without the command.
    expect(j).toMatchObject({ engineVersion: JSON.parse(readFileSync("package.json", "utf8")).version, days: 28, warmupDays: 1, seed: 3, replications: 2 });
    expect(j.units).toMatchObject({ "responseTime.mean": "min", timeLimitHitRate: "share", costPerYear: "CNY" });
  });

  it("keeps each point's warnings in its summary row and names the point on stderr", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "sweep");
    // 0.05 workers per grid overloads the district (a warning before running); 3-day runs leave many incidents open (one after).
    const r = runCli([
      "sweep", "scenarios/teaching-small.json", "--vary", "staffing.workersPerGrid=0.05,1",
      "--days", "3", "--set", "run.warmupDays=1", "--replications", "2", "--seed", "3", "--workers", "1", "--out", out,
    ]);
    expect(r.status).toBe(0);
    const j = JSON.parse(readFileSync(join(out, "sweep.json"), "utf8"));
    const [overloaded, staffed] = j.summary.map((row: { warnings: string[] }) => row.warnings);
    expect(overloaded.join("\n")).toMatch(/offered load per worker is (at least )?ρ = \d+\.\d+ ≥ 1/);
    expect(staffed.join("\n")).toMatch(/still open at the end/);
    const stderr = r.stderr.trim().split("\n");
    for (const w of overloaded) expect(stderr).toContain(`warning: point 0 (staffing.workersPerGrid=0.05): ${w}`);
    for (const w of staffed) expect(stderr).toContain(`warning: point 1 (staffing.workersPerGrid=1): ${w}`);
    // summary.csv has them too, in its last column.
    const csv = readFileSync(join(out, "summary.csv"), "utf8");
    expect(csv.split("\n")[0].split(",").at(-1)).toBe("warnings");
    expect(csv).toContain(staffed[0].replace(/"/g, '""'));
  });

  it("leaves a figure that could not be measured empty in the CSVs, never the text null", () => {
    const out = mkdtempSync(join(tmpdir(), "gridgov-sweep-"));
    // So few incidents that some replications close none: their times are not measured.
    const r = runCli(["sweep", "scenarios/teaching-small.json", "--vary", "incidents.ratePerResidentPerYear=0.00001,0.5", "--replications", "2", "--days", "4", "--workers", "1", "--out", out]);
    expect(r.status).toBe(0);
    const csv = readFileSync(join(out, "sweep.csv"), "utf8");
    const quiet = csv.trim().split("\n").filter((line) => line.split(",")[2] === "0.00001");
    expect(quiet.length).toBe(2);
    expect(quiet.some((line) => line.includes(",,"))).toBe(true);
    expect(csv).not.toMatch(/(^|,)null(,|$)/m);
    expect(readFileSync(join(out, "summary.csv"), "utf8")).not.toMatch(/(^|,)null(,|$)/m);
  });

  it("samples a Latin hypercube with --range and --samples", () => {
    const r = runCli(["sweep", "scenarios/teaching-small.json", "--range", "admin.taskCut=0..0.8", "--samples", "3", "--replications", "2", "--workers", "1", "--json"]);
    expect(r.status).toBe(0);
    const cuts = JSON.parse(r.stdout).points.map((p: Record<string, number>) => p["admin.taskCut"]);
    expect(cuts.map((c: number) => Math.floor((c / 0.8) * 3)).sort()).toEqual([0, 1, 2]);
  });

  it("refuses unknown paths and empty value lists with exit 2", () => {
    expect(runCli(["sweep", "scenarios/teaching-small.json", "--vary", "staffing.workersPerGird=1,2"]).status).toBe(2);
    const empty = runCli(["sweep", "scenarios/teaching-small.json", "--vary", "staffing.workersPerGrid="]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("found no values");
    expect(runCli(["sweep", "scenarios/teaching-small.json", "--range", "admin.taskCut=0.5..0.1", "--samples", "3"]).status).toBe(2);
  });

  it("--set changes the base scenario of every point, and the shard's manifest records it", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "shards");
    const args = ["sweep", "scenarios/teaching-small.json", "--set", "staffing.workersPerGrid=2", "--vary", "admin.taskCut=0,0.5", "--replications", "2", "--days", "2", "--workers", "1"];
    const r = runCli([...args, "--shard", "0/1", "--out", out]);
    expect(r.status).toBe(0);
    const { manifest } = JSON.parse(readFileSync(join(out, "shard-0-of-1.json"), "utf8"));
    expect(manifest.scenario.data.staffing.workersPerGrid).toBe(2);
    expect(manifest.design.base.staffing.workersPerGrid).toBe(2);
    expect(manifest.command).toEqual(["gridgov", ...args, "--shard", "0/1", "--out", out]);
  });

  it("refuses a lever that --set also sets, whose value the lever would replace", () => {
    const r = runCli(["sweep", "scenarios/teaching-small.json", "--set", "admin.taskCut=0.2", "--vary", "admin.taskCut=0,0.5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--vary admin.taskCut: expected the lever to be given once, found it also in --set admin.taskCut=0.2");
  });

  it("reports every bad point at once, a problem shared by several points once", () => {
    const r = runCli(["sweep", "scenarios/teaching-small.json", "--vary", "staffing.workersPerGrid=1,abc,-1", "--vary", "admin.taskCut=0,0.5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenarios/teaching-small.json (points 2, 3): staffing.workersPerGrid: expected number, found "abc"');
    expect(r.stderr).toContain("scenarios/teaching-small.json (points 4, 5): staffing.workersPerGrid: expected number to be >0, found -1");
    expect(r.stderr).toContain("2 problems found; nothing was run");
  });

  it("refuses a lever given twice, which would keep only its last values and repeat points", () => {
    const vary = runCli(["sweep", "scenarios/teaching-small.json", "--vary", "admin.taskCut=0,0.2", "--vary", "staffing.workersPerGrid=1,2", "--vary", "admin.taskCut=0.5"]);
    expect(vary.status).toBe(2);
    expect(vary.stderr).toContain("--vary admin.taskCut: expected each lever once, found it 2 times; give all its values in one --vary");
    const range = runCli(["sweep", "scenarios/teaching-small.json", "--range", "admin.taskCut=0..0.4", "--range", "admin.taskCut=0.5..0.8", "--samples", "3"]);
    expect(range.status).toBe(2);
    expect(range.stderr).toContain("--range admin.taskCut: expected each lever once, found it 2 times");
  });
});
