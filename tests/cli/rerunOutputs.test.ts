import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

const teaching = "scenarios/teaching-small.json";
const design = ["sweep", teaching, "--vary", "staffing.workersPerGrid=1,2", "--replications", "2", "--days", "2", "--seed", "7"];
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("results directories keep a manifest, and rerun reproduces them", () => {
  it("a sweep writes manifest.json with the command, the design and each table's hash; rerun DIR reproduces every table", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "sweep");
    const r = runCli([...design, "--set", "admin.taskCut=0.5", "--workers", "2", "--out", out]);
    expect(r.status).toBe(0);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.kind).toBe("sweep");
    expect(m.command).toEqual(["gridgov", ...design, "--set", "admin.taskCut=0.5", "--workers", "2", "--out", out]);
    expect(m.points).toEqual([{ "staffing.workersPerGrid": 1 }, { "staffing.workersPerGrid": 2 }]);
    // The scenario as it ran: the --set and --days are in it.
    expect(m.scenarios[0].data.admin.taskCut).toBe(0.5);
    expect(m.scenarios[0].data.run.days).toBe(2);
    for (const f of ["sweep.csv", "summary.csv", "sweep.json"]) expect(m.files[f], f).toBe(sha(readFileSync(join(out, f), "utf8")));
    expect(Date.parse(m.finishedAt)).toBeGreaterThanOrEqual(Date.parse(m.startedAt));

    const again = runCli(["rerun", out, "--workers", "1"]);
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${out}: reproduced byte for byte (sweep.csv, summary.csv, sweep.json: 2 points × 2 replications, seed 7`);
    // Given one of the directory's files, rerun checks the directory.
    expect(runCli(["rerun", join(out, "sweep.json"), "--workers", "1"]).status).toBe(0);
  });

  it("rerun of a sweep whose recorded scenario was changed runs something else and says the tables do NOT match", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "sweep");
    expect(runCli([...design, "--workers", "1", "--out", out]).status).toBe(0);
    const file = join(out, "manifest.json");
    const m = JSON.parse(readFileSync(file, "utf8"));
    // A changed hash is caught before anything runs.
    writeFileSync(file, JSON.stringify({ ...m, scenarios: [{ ...m.scenarios[0], hash: "0".repeat(64) }] }));
    const hash = runCli(["rerun", out, "--workers", "1"]);
    expect(hash.status).toBe(2);
    expect(hash.stderr).toContain(`${file}: scenarios[0].hash: expected the hash of scenarios[0].data`);
    expect(hash.stderr).not.toMatch(/\n\s+at /);
    // A changed seed runs, and does not reproduce the tables.
    writeFileSync(file, JSON.stringify({ ...m, seed: 8 }));
    const seed = runCli(["rerun", out, "--workers", "1"]);
    expect(seed.status).toBe(1);
    expect(seed.stdout).toContain(`${join(out, "sweep.json")}: does NOT match: the results first differ at line`);
    expect(seed.stdout).not.toContain("reproduced");
  });

  it("a table edited or removed after the sweep is not reproduced, even though the rerun matches the manifest", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "sweep");
    expect(runCli([...design, "--workers", "1", "--out", out]).status).toBe(0);
    const csv = join(out, "summary.csv");
    writeFileSync(csv, readFileSync(csv, "utf8").replace(/\n(\d)/, "\n9$1"));
    rmSync(join(out, "sweep.csv"));
    const r = runCli(["rerun", out, "--workers", "1"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${csv}: does NOT match: its hash is not the one in manifest.json (the file or the manifest was changed after they were written); the rerun gives the bytes the manifest records`);
    expect(r.stdout).toContain(`${join(out, "sweep.csv")}: missing (the rerun gives the bytes its manifest records)`);
    expect(r.stdout).not.toContain(join(out, "sweep.json"));
    expect(r.stdout).not.toContain("reproduced");
  });

  it("a merged sweep's manifest names its shards, and rerun reproduces the merge in one process", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "gridgov-")), "shards");
    for (let i = 0; i < 2; i++) expect(runCli([...design, "--shard", `${i}/2`, "--workers", "1", "--out", dir]).status).toBe(0);
    expect(runCli(["merge", dir]).status).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(m.command).toEqual(["gridgov", "merge", dir]);
    expect(m.shards.map((s: { file: string }) => s.file)).toEqual(["shard-0-of-2.json", "shard-1-of-2.json"]);
    expect(m.shards[1].command).toEqual(["gridgov", ...design, "--shard", "1/2", "--workers", "1", "--out", dir]);
    expect(typeof m.shards[0].startedAt).toBe("string");
    const again = runCli(["rerun", dir, "--workers", "2"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("reproduced byte for byte");
  });

  it("a comparison with a precision target writes its manifest, and rerun repeats the same rounds", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "cmp");
    const args = ["compare", teaching, teaching, "--set", "run.warmupDays=0", "--days", "2", "--replications", "2", "--precision", "responseTime.mean=1%", "--max-replications", "6", "--workers", "2", "--out", out];
    const r = runCli(args);
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8"));
    // Rounds of 2 were added up to the cap: a rerun must repeat them to match.
    expect(result.replications).toBe(6);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m).toMatchObject({ kind: "comparison", seed: 1, replications: 2, precision: "responseTime.mean=1%", maxReplications: 6 });
    expect(m.scenarios).toHaveLength(2);
    expect(m.files["comparison.json"]).toBe(sha(readFileSync(join(out, "comparison.json"), "utf8")));
    const again = runCli(["rerun", out, "--workers", "1"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${out}: reproduced byte for byte (comparison.json: 2 scenarios`);
  });

  it("rerun of a directory without a manifest says why there is none, and runs nothing", () => {
    const root = mkdtempSync(join(tmpdir(), "gridgov-"));
    const refused = (dir: string, fragment: string) => {
      const r = runCli(["rerun", dir]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).toContain(`${dir}: expected manifest.json (written by gridgov sweep, merge or compare --out DIR), found none`);
      expect(r.stderr).toContain(fragment);
    };
    const shards = join(root, "shards");
    expect(runCli([...design, "--shard", "0/1", "--workers", "1", "--out", shards]).status).toBe(0);
    refused(shards, `merge the shards first (gridgov merge ${shards})`);
    const old = join(root, "old");
    mkdirSync(old);
    writeFileSync(join(old, "sweep.json"), "{}");
    refused(old, "kept no manifest; run their command again");
    rmSync(join(old, "sweep.json"));
    refused(old, "nothing was run");
  });

  it("rerun refuses a manifest that lacks what it needs, naming each field", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const file = join(dir, "manifest.json");
    writeFileSync(file, JSON.stringify({ kind: "sweep", engineVersion: "0.3.1", seed: 1, replications: 2, scenarios: [], files: { "sweep.json": "abc" } }));
    const r = runCli(["rerun", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}: scenarios: expected at least one scenario`);
    expect(r.stderr).toContain(`${file}: files.sweep.json: expected a SHA-256 (64 hex digits), found "abc"`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
