import { describe, expect, it } from "vitest";
import { runCli, runCliWithEnv } from "../support/runCli.js";

describe("gridgov run --workers", () => {
  it("gives byte-identical results on 1 worker (this thread) and on 2 worker threads", () => {
    const args = ["run", "scenarios/teaching-small.json", "--replications", "5", "--days", "5", "--seed", "9", "--json"];
    const one = runCli([...args, "--workers", "1"]);
    const two = runCli([...args, "--workers", "2"]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(JSON.parse(two.stdout).replications).toBe(5);
    expect(two.stdout).toBe(one.stdout);
  });

  it("worker threads started from the bundled engine and from its TypeScript sources give the same bytes", () => {
    const args = ["run", "scenarios/teaching-small.json", "--replications", "3", "--days", "4", "--seed", "10", "--json", "--workers", "2"];
    const bundled = runCli(args);
    const sources = runCliWithEnv(args, { GRIDGOV_WORKER_BUNDLE: "0" });
    expect(bundled.status).toBe(0);
    expect(sources.status).toBe(0);
    expect(bundled.stdout).toBe(sources.stdout);
  });

  it("refuses a worker count that is not a whole number of at least 1", () => {
    const r = runCli(["run", "scenarios/teaching-small.json", "--workers", "0"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--workers: expected a whole number from 1 to 256");
  });
});

describe("commands that run several batches keep one pool of worker threads", () => {
  it("a sweep gives the same rows and summaries on 2 worker threads as in this thread", () => {
    const args = ["sweep", "scenarios/teaching-small.json", "--vary", "grids.householdsPerGrid=300,400,600", "--replications", "3", "--days", "4", "--seed", "5", "--json"];
    const one = runCli([...args, "--workers", "1"]);
    const two = runCli([...args, "--workers", "2"]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const [a, b] = [JSON.parse(one.stdout), JSON.parse(two.stdout)];
    expect(b.rows).toHaveLength(9);
    expect(JSON.stringify(b.rows)).toBe(JSON.stringify(a.rows));
    expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
  });

  it("compare --precision adds rounds on 2 worker threads and gives the same bytes as in this thread", () => {
    const args = ["compare", "scenarios/teaching-small.json", "scenarios/reform-combined.json", "--replications", "2", "--max-replications", "6", "--precision", "responseTime.mean=0.1%", "--days", "5", "--seed", "6", "--json"];
    const one = runCli([...args, "--workers", "1"]);
    const two = runCli([...args, "--workers", "2"]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    // A target this tight is never reached: three rounds of 2 replications, up to the cap.
    expect(JSON.parse(two.stdout).precision).toMatchObject({ replications: 6, reached: false });
    expect(two.stdout).toBe(one.stdout);
  });
});

describe("a worker thread that crashes", () => {
  it("fails only its replication, reported with scenario, seed and replication; the run exits 3 and writes no result", () => {
    const r = runCliWithEnv(
      ["run", "scenarios/teaching-small.json", "--replications", "6", "--days", "3", "--seed", "4", "--workers", "2", "--json"],
      { GRIDGOV_CRASH_REPLICATION: "2" },
    );
    expect(r.status).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Teaching district — 15 grids, seed 4, replication 2: worker thread");
    expect(r.stderr).toMatch(/1 of 6 replications failed/);
  });
});
