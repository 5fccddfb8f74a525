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
