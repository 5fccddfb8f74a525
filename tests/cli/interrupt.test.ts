import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/experiments/loadScenario.js";
import { buildLayout } from "../../sim/model/Layout.js";
import { ENGINE_VERSION } from "../../sim/version.js";
import { repoRoot, runCli } from "../support/runCli.js";

/** Starts a long command, sends Ctrl-C (SIGINT) once its progress shows a finished unit, and waits for the exit. */
function interrupted(args: string[], progress: RegExp): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${repoRoot}bin/gridgov.js`, ...args], { cwd: repoRoot });
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (d) => {
      stderr += d;
      if (!sent && progress.test(stderr)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

function interruptedRun(out: string, workers: string) {
  return interrupted(["run", "scenarios/teaching-small.json", "--replications", "200", "--days", "60", "--workers", workers, "--out", out], /replication [1-9]\d*\/200/);
}

describe("interrupting a run (Ctrl-C)", () => {
  for (const workers of ["1", "2"]) {
    it(`stops cleanly and keeps the completed replications in a file marked partial (${workers} worker${workers === "1" ? "" : "s"})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
      const out = join(dir, "results.json");
      const { code, stderr } = await interruptedRun(out, workers);
      expect(code).toBe(130);
      expect(stderr).toContain("interrupted");
      expect(existsSync(out)).toBe(false);
      const partial = JSON.parse(readFileSync(join(dir, "results.partial.json"), "utf8"));
      expect(partial.partial).toBe(true);
      expect(partial.note).toContain("NOT a complete result");
      expect(partial.completed.length).toBeGreaterThan(0);
      expect(partial.completed.length).toBeLessThan(200);
      expect(partial.manifest.replications).toBe(200);
    });
  }
});

describe("interrupting a sweep (Ctrl-C)", () => {
  it("stops cleanly, writes no sweep table, and keeps the completed units, named by point and replication, in a file marked partial", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "sweep");
    const args = ["sweep", "scenarios/teaching-small.json", "--vary", "grids.householdsPerGrid=300,600", "--replications", "100", "--days", "60", "--workers", "2", "--out", out];
    const { code, stderr } = await interrupted(args, /unit [1-9]\d*\/200/);
    expect(code).toBe(130);
    expect(stderr).toContain("interrupted");
    for (const table of ["sweep.csv", "summary.csv", "sweep.json", "manifest.json"]) expect(existsSync(join(out, table))).toBe(false);
    const partial = JSON.parse(readFileSync(join(out, "sweep.partial.json"), "utf8"));
    expect(partial.partial).toBe(true);
    expect(partial.note).toContain("NOT a complete result");
    expect(partial.manifest.design.points).toEqual([{ "grids.householdsPerGrid": 300 }, { "grids.householdsPerGrid": 600 }]);
    expect(partial.completed.length).toBeGreaterThan(0);
    expect(partial.completed.length).toBeLessThan(200);
    // Each unit's result is the replication, and has the grids of the point, it claims to be.
    const grids = [300, 600].map((h) => {
      const checked = loadScenario(readFileSync(join(repoRoot, "scenarios/teaching-small.json"), "utf8"), [`grids.householdsPerGrid=${h}`]);
      if (!checked.ok) throw new Error("invalid point");
      return buildLayout(checked.value).grids;
    });
    expect(grids[0]).toBeGreaterThan(grids[1]);
    for (const unit of partial.completed) {
      expect(unit.result.replication).toBe(unit.replication);
      expect(unit.result.grids.occurred).toHaveLength(grids[unit.point]);
    }
  });
});

describe("resuming an interrupted run (--resume)", () => {
  it("continues from the replications kept, and writes the result an uninterrupted run writes, byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const out = join(dir, "results.json");
    const first = await interruptedRun(out, "2");
    expect(first.code).toBe(130);
    expect(first.stderr).toContain("add --resume to the same command to continue");
    const kept = JSON.parse(readFileSync(join(dir, "results.partial.json"), "utf8")).completed.length;
    const args = ["run", "scenarios/teaching-small.json", "--replications", "200", "--days", "60"];
    const resumed = runCli([...args, "--workers", "1", "--out", out, "--resume"]);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain(`resuming: ${kept} of 200 replications done`);
    expect(existsSync(join(dir, "results.partial.json"))).toBe(false);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.manifest.resumed.map((r: { command: string[] }) => r.command)).toEqual([["gridgov", ...args, "--workers", "2", "--out", out]]);
    const fresh = runCli([...args, "--workers", "2", "--json"]);
    expect(fresh.status).toBe(0);
    expect(JSON.stringify(file.result, null, 2) + "\n").toBe(fresh.stdout);
    // A replication count other than the interrupted run's is refused: its replications are not this run's.
    writeFileSync(join(dir, "results.partial.json"), JSON.stringify({ partial: true, manifest: { ...file.manifest, replications: 50 }, completed: [] }));
    const other = runCli([...args, "--out", out, "--resume"]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain(`${join(dir, "results.partial.json")}: cannot resume: it has 50 replications, this run 200`);
  });
});

describe("resuming an interrupted sweep (--resume)", () => {
  const design = ["sweep", "scenarios/teaching-small.json", "--vary", "grids.householdsPerGrid=300,600", "--replications", "100", "--days", "60"];

  it("continues from the units kept, and writes the tables an uninterrupted sweep writes, byte for byte", async () => {
    const root = mkdtempSync(join(tmpdir(), "gridgov-"));
    const out = join(root, "sweep");
    const first = await interrupted([...design, "--workers", "2", "--out", out], /unit [1-9]\d*\/200/);
    expect(first.code).toBe(130);
    expect(first.stderr).toContain("add --resume to the same command to continue");
    const kept = JSON.parse(readFileSync(join(out, "sweep.partial.json"), "utf8")).completed.length;
    expect(kept).toBeGreaterThan(0);
    // One thread here, two before: the units do not depend on the thread that ran them.
    const resumed = runCli([...design, "--workers", "1", "--out", out, "--resume"]);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain(`resuming: ${kept} of 200 units done`);
    expect(existsSync(join(out, "sweep.partial.json"))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.resumed).toHaveLength(1);
    expect(manifest.resumed[0].command).toEqual(["gridgov", ...design, "--workers", "2", "--out", out]);
    const fresh = join(root, "fresh");
    expect(runCli([...design, "--workers", "2", "--out", fresh]).status).toBe(0);
    for (const f of ["sweep.csv", "summary.csv", "sweep.json"]) expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(fresh, f), "utf8"));
  });

  it("refuses to resume another design's units, or with nothing kept, and runs nothing", () => {
    const root = mkdtempSync(join(tmpdir(), "gridgov-"));
    const out = join(root, "sweep");
    const none = runCli([...design, "--out", out, "--resume"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`--resume: expected ${join(out, "sweep.partial.json")}, which an interrupted sweep --out ${out} keeps, found none; nothing was run`);
    // A kept file of another seed: its units are not this sweep's.
    mkdirSync(out);
    const partial = (seed: number, completed: unknown[]) => ({ partial: true, manifest: { engineVersion: ENGINE_VERSION, design: { baseHash: "x", points: [], seed, replications: 100 } }, completed });
    writeFileSync(join(out, "sweep.partial.json"), JSON.stringify(partial(9, [])));
    const other = runCli([...design, "--out", out, "--resume"]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain(`${join(out, "sweep.partial.json")}: cannot resume: its scenario is x`);
    expect(other.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual(["sweep.partial.json"]);
    const noOut = runCli([...design, "--resume"]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain("--resume needs --out DIR");
  });

  it("refuses to start afresh over kept units, which an interruption of the new run would replace; an empty kept file holds nothing to lose", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const out = join(dir, "results.json");
    const kept = join(dir, "results.partial.json");
    const run = ["run", "scenarios/teaching-small.json", "--replications", "2", "--days", "2", "--workers", "1", "--out", out];
    writeFileSync(kept, JSON.stringify({ partial: true, manifest: {}, completed: [{ replication: 0 }] }));
    const refused = runCli(run);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${kept}: holds the 1 completed replication of an interrupted run; add --resume to continue it, or remove the file (or give another --out) to start again; nothing was run`);
    expect(existsSync(out)).toBe(false);
    expect(JSON.parse(readFileSync(kept, "utf8")).completed).toHaveLength(1);
    const sweepDir = join(dir, "sweep");
    mkdirSync(sweepDir);
    writeFileSync(join(sweepDir, "sweep.partial.json"), JSON.stringify({ partial: true, manifest: {}, completed: [{}, {}] }));
    const sweep = runCli(["sweep", "scenarios/teaching-small.json", "--vary", "staffing.workersPerGrid=1,2", "--replications", "2", "--days", "2", "--out", sweepDir]);
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toContain("holds the 2 completed units of an interrupted sweep");
    writeFileSync(kept, JSON.stringify({ partial: true, manifest: {}, completed: [] }));
    expect(runCli(run).status).toBe(0);
  });
});

describe("interrupting a comparison (Ctrl-C)", () => {
  it("stops cleanly, writes no comparison, and keeps the completed replications of each scenario in a file marked partial", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "cmp");
    const args = ["compare", "scenarios/teaching-small.json", "scenarios/reform-combined.json", "--replications", "100", "--days", "60", "--workers", "2", "--out", out];
    const { code, stderr } = await interrupted(args, /run [1-9]\d*\/200/);
    expect(code).toBe(130);
    expect(stderr).toContain("interrupted");
    expect(existsSync(join(out, "comparison.json"))).toBe(false);
    expect(existsSync(join(out, "manifest.json"))).toBe(false);
    const partial = JSON.parse(readFileSync(join(out, "comparison.partial.json"), "utf8"));
    expect(partial.partial).toBe(true);
    expect(partial.note).toContain("NOT a complete result");
    expect(partial.manifest.scenarios).toHaveLength(2);
    expect(partial.completed.length).toBeGreaterThan(0);
    expect(partial.completed.length).toBeLessThan(200);
    for (const unit of partial.completed) {
      expect([0, 1]).toContain(unit.scenario);
      expect(unit.result.replication).toBe(unit.replication);
    }
  });

  it("continues with --resume, round by round, to the comparison an uninterrupted one writes, byte for byte", async () => {
    const root = mkdtempSync(join(tmpdir(), "gridgov-"));
    const out = join(root, "cmp");
    // A second scenario of the same district: the teaching district with more workers.
    const teaching = JSON.parse(readFileSync(join(repoRoot, "scenarios/teaching-small.json"), "utf8"));
    const more = join(root, "more-workers.json");
    writeFileSync(more, JSON.stringify({ ...teaching, name: "More workers", staffing: { ...teaching.staffing, workersPerGrid: 2 } }));
    // A precision no 120 replications reach: three rounds of 40, which the resumed comparison must repeat.
    const args = ["compare", "scenarios/teaching-small.json", more, "--replications", "40", "--precision", "responseTime.mean=0.1%", "--max-replications", "120", "--days", "60"];
    const first = await interrupted([...args, "--workers", "2", "--out", out], /run [1-9]\d*\/80/);
    expect(first.code).toBe(130);
    expect(first.stderr).toContain("add --resume to the same command to continue");
    const kept = JSON.parse(readFileSync(join(out, "comparison.partial.json"), "utf8")).completed.length;
    expect(kept).toBeGreaterThan(0);
    const resumed = runCli([...args, "--workers", "1", "--out", out, "--resume"]);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain(`resuming: ${kept} units done`);
    expect(existsSync(join(out, "comparison.partial.json"))).toBe(false);
    const fresh = runCli([...args, "--workers", "2", "--json"]);
    expect(fresh.status).toBe(0);
    expect(JSON.parse(fresh.stdout).replications).toBe(120);
    expect(readFileSync(join(out, "comparison.json"), "utf8")).toBe(fresh.stdout);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).resumed).toHaveLength(1);
    // Another precision target would run other rounds: refused.
    writeFileSync(join(out, "comparison.partial.json"), JSON.stringify({ partial: true, manifest: JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")), completed: [] }));
    const other = runCli([...args.slice(0, -4), "--max-replications", "80", "--days", "60", "--out", out, "--resume"]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain("cannot resume: its --precision and --max-replications (responseTime.mean=0.1%, 120) are not this comparison's (responseTime.mean=0.1%, 80)");
  });
});
