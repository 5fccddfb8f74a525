import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

const design = ["sweep", "scenarios/teaching-small.json", "--vary", "staffing.workersPerGrid=1,2", "--vary", "admin.taskCut=0,0.5", "--replications", "3", "--days", "3"];

describe("sweep shards and gridgov merge", () => {
  it("merging the slices of a sharded sweep gives exactly the files one process writes", () => {
    const root = mkdtempSync(join(tmpdir(), "gridgov-"));
    const shards = join(root, "shards");
    for (let i = 0; i < 3; i++) expect(runCli([...design, "--seed", "5", "--shard", `${i}/3`, "--workers", "1", "--out", shards]).status).toBe(0);
    expect(runCli(["merge", shards]).status).toBe(0);
    const single = join(root, "single");
    expect(runCli([...design, "--seed", "5", "--workers", "2", "--out", single]).status).toBe(0);
    for (const f of ["sweep.csv", "summary.csv", "sweep.json"]) {
      expect(readFileSync(join(shards, f), "utf8"), f).toBe(readFileSync(join(single, f), "utf8"));
    }
  });

  it("refuses to merge slices of different seeds, and a set with a slice missing", () => {
    const root = mkdtempSync(join(tmpdir(), "gridgov-"));
    const a = join(root, "a");
    const b = join(root, "b");
    for (let i = 0; i < 2; i++) runCli([...design, "--seed", "5", "--shard", `${i}/2`, "--workers", "1", "--out", a]);
    runCli([...design, "--seed", "6", "--shard", "1/2", "--workers", "1", "--out", b]);
    const mixed = join(root, "mixed");
    mkdirSync(mixed);
    copyFileSync(join(a, "shard-0-of-2.json"), join(mixed, "shard-0-of-2.json"));
    copyFileSync(join(b, "shard-1-of-2.json"), join(mixed, "shard-1-of-2.json"));
    const r = runCli(["merge", mixed]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("seed 6, not 5");
    rmSync(join(a, "shard-1-of-2.json"));
    const missing = runCli(["merge", a]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing 1");
  });

  it("refuses files that are not shards, naming each file and each missing field, with no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    writeFileSync(join(dir, "shard-0-of-2.json"), "{}");
    writeFileSync(join(dir, "shard-1-of-2.json"), JSON.stringify({ manifest: {}, results: [] }));
    const r = runCli(["merge", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const first = join(dir, "shard-0-of-2.json");
    const second = join(dir, "shard-1-of-2.json");
    expect(r.stderr).toContain(`${first}: manifest: expected the shard's manifest (an object), found nothing (the field is missing)`);
    expect(r.stderr).toContain(`${first}: results: expected the list of results, found nothing`);
    // Both files are reported at once.
    expect(r.stderr).toContain(`${second}: manifest.engineVersion: expected the engine version (text), found nothing`);
    expect(r.stderr).toContain(`${second}: manifest.design: expected the sweep's design`);
    expect(r.stderr).toContain(`${second}: manifest.shard: expected`);
    expect(readdirSync(dir).sort()).toEqual(["shard-0-of-2.json", "shard-1-of-2.json"]);
  });

  it("refuses a shard whose results are not its slice of the units", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "gridgov-")), "shards");
    expect(runCli([...design, "--seed", "5", "--shard", "0/1", "--workers", "1", "--out", dir]).status).toBe(0);
    const file = join(dir, "shard-0-of-1.json");
    const shard = JSON.parse(readFileSync(file, "utf8"));
    shard.results.splice(1, 1);
    writeFileSync(file, JSON.stringify(shard));
    const r = runCli(["merge", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}: results: expected the 12 units of shard 0 of 1 in order: point 0 replication 0 to point 3 replication 2; found point 0 replication 2`);
    expect(readdirSync(dir)).toEqual(["shard-0-of-1.json"]);
  });

  it("refuses a shard whose replication results were changed, naming the file and field, and writes nothing", () => {
    const root = mkdtempSync(join(tmpdir(), "gridgov-"));
    const shards = join(root, "shards");
    expect(runCli([...design, "--seed", "5", "--shard", "0/1", "--workers", "1", "--out", shards]).status).toBe(0);
    const file = join(shards, "shard-0-of-1.json");
    const original = readFileSync(file, "utf8");
    const tamper = (change: (data: { results: Array<{ result: Record<string, any> }> }) => void) => {
      const data = JSON.parse(original);
      change(data);
      writeFileSync(file, JSON.stringify(data));
      const r = runCli(["merge", shards]);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(shards)).toEqual(["shard-0-of-1.json"]);
      return r.stderr;
    };
    expect(tamper((d) => delete d.results[0].result.metrics)).toContain(`${file}: results[0].result.metrics: expected the measurements (an object), found nothing`);
    expect(tamper((d) => (d.results[1].result.metrics.responseTime.mean = "NaN"))).toContain(`${file}: results[1].result.metrics.responseTime.mean: expected a number or null, found "NaN"`);
    expect(tamper((d) => (d.results[2].result.metrics.queueWait.histogram.bins = [0, 1e9]))).toContain(`${file}: results[2].result.metrics.queueWait.histogram.bins[1]`);
  });

  it("refuses a malformed --shard at once, before any word about the points", () => {
    const r = runCli([...design, "--shard", "3/3", "--out", mkdtempSync(join(tmpdir(), "gridgov-"))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--shard: expected i/N");
    // A point heavy enough to warn about is not checked first.
    const heavy = runCli(["sweep", "scenarios/teaching-small.json", "--vary", "staffing.workersPerGrid=0.05,1", "--shard", "4/4", "--out", mkdtempSync(join(tmpdir(), "gridgov-"))]);
    expect(heavy.status).toBe(2);
    expect(heavy.stderr.trim()).toBe('--shard: expected i/N with 0 ≤ i < N, found "4/4"');
  });
});
