import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

const teaching = "scenarios/teaching-small.json";
const quick = ["--replications", "3", "--days", "4", "--seed", "42"];

describe("gridgov run", () => {
  it("prints a table of every metric with units, quantiles and a 95% CI", () => {
    const r = runCli(["run", teaching, ...quick]);
    expect(r.status).toBe(0);
    for (const label of ["response time", "resolution time", "queue wait", "travel time", "discovery delay", "worker utilisation"]) {
      expect(r.stdout).toContain(label);
    }
    expect(r.stdout).toMatch(/metric\s+unit\s+mean\s+95% CI\s+p50\s+p90\s+p95/);
    expect(r.stdout).toContain("3 replications × 4 days");
  });

  it("--json gives the documented fields, and the same seed gives byte-identical output", () => {
    const a = runCli(["run", teaching, ...quick, "--json"]);
    const b = runCli(["run", teaching, ...quick, "--json"]);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const j = JSON.parse(a.stdout);
    for (const name of ["responseTime", "resolutionTime", "queueWait", "travelTime", "discoveryDelay"]) {
      const m = j.metrics[name];
      for (const k of ["mean", "p50", "p90", "p95"]) expect(typeof m[k]).toBe("number");
      expect(m.ci95).toHaveLength(2);
      expect(m.ci95[0]).toBeLessThanOrEqual(m.mean);
      expect(m.ci95[1]).toBeGreaterThanOrEqual(m.mean);
    }
    expect(j.metrics.workerUtilization.mean).toBeGreaterThan(0);
    expect(j.metrics.workerUtilization.mean).toBeLessThan(1);
    const inc = j.metrics.incidents;
    expect(inc.arrived).toBe(inc.closed + inc.open);
    expect(j.scenario.name).toBe("Teaching district — 15 grids");
    expect(j.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(j.seed).toBe(42);
    expect(j.replications).toBe(3);
    expect(j.engineVersion).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  it("a different seed gives different numbers", () => {
    const a = JSON.parse(runCli(["run", teaching, ...quick, "--json"]).stdout);
    const b = JSON.parse(runCli(["run", teaching, "--replications", "3", "--days", "4", "--seed", "43", "--json"]).stdout);
    expect(a.metrics.responseTime.mean).not.toBe(b.metrics.responseTime.mean);
  });

  it("--seed refuses text that reads as a number but is not a whole number from 0 to 2^53 − 1", () => {
    for (const seed of ["1.5", "1e3", "-1", "", "9007199254740992"]) {
      const r = runCli(["run", teaching, ...quick.slice(0, 4), "--seed", seed]);
      expect(r.status, seed).toBe(2);
      expect(r.stderr).toContain(`--seed: expected a whole number from 0 to 9007199254740991 (or a word of up to 100 characters), found "${seed}"`);
      expect(r.stdout).toBe("");
    }
  });

  it("--seed takes a word, as the web page's Seed box does, and keys the streams with it as written", () => {
    const r = runCli(["run", teaching, "--replications", "2", "--days", "2", "--workers", "1", "--seed", "class-a", "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).seed).toBe("class-a");
  });

  it("--set overrides a field by its path and is validated like the file", () => {
    const base = JSON.parse(runCli(["run", teaching, ...quick, "--json"]).stdout);
    const more = JSON.parse(runCli(["run", teaching, ...quick, "--json", "--set", "staffing.workersPerGrid=2"]).stdout);
    expect(more.workers.count).toBe(2 * base.workers.count);
    expect(more.scenario.hash).not.toBe(base.scenario.hash);
    const bad = runCli(["run", teaching, ...quick, "--set", "staffing.workersPerGrid=-1"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("staffing.workersPerGrid");
    expect(bad.stderr).toContain("found -1");
  });

  it("--set with an unknown path names the path and the known fields", () => {
    const r = runCli(["run", teaching, ...quick, "--set", "staffing.workersPerGird=2"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown field "workersPerGird"');
    expect(r.stderr).toContain("workersPerGrid");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("--out writes the result with a run manifest, and rerun reproduces it byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const out = join(dir, "sub", "results.json");
    const r = runCli(["run", teaching, ...quick, "--out", out, "--json"]);
    expect(r.status).toBe(0);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.result).toEqual(JSON.parse(r.stdout));
    const m = file.manifest;
    expect(m.engineVersion).toBe(file.result.engineVersion);
    expect(m.scenario.hash).toBe(file.result.scenario.hash);
    expect(m.seed).toBe(42);
    expect(m.replications).toBe(3);
    expect(m.command).toEqual(["gridgov", "run", teaching, ...quick, "--out", out, "--json"]);
    expect(Date.parse(m.finishedAt)).toBeGreaterThanOrEqual(Date.parse(m.startedAt));
    const again = runCli(["rerun", out, "--workers", "2"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("reproduced byte for byte");
    // A tampered result does not match.
    file.result.metrics.responseTime.mean += 1;
    writeFileSync(out, JSON.stringify(file));
    const tampered = runCli(["rerun", out, "--workers", "1"]);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain("does NOT match");
  });

  it("rerun notes a result made at another git commit of the engine, which the engine version alone does not tell", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "results.json");
    expect(runCli(["run", teaching, "--replications", "2", "--days", "2", "--workers", "1", "--out", out]).status).toBe(0);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(runCli(["rerun", out, "--workers", "1"]).stderr).not.toContain("was made at commit");
    writeFileSync(out, JSON.stringify({ ...file, manifest: { ...file.manifest, gitCommit: "0".repeat(40) } }));
    const other = runCli(["rerun", out, "--workers", "1"]);
    expect(other.status).toBe(0);
    expect(other.stderr).toContain(`note: ${out} was made at commit 000000000000; this checkout is at `);
  });

  it("rerun reads a result file saved with a UTF-8 byte-order mark", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "results.json");
    expect(runCli(["run", teaching, "--replications", "2", "--days", "2", "--workers", "1", "--out", out]).status).toBe(0);
    writeFileSync(out, `\uFEFF${readFileSync(out, "utf8")}`);
    const again = runCli(["rerun", out, "--workers", "1"]);
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("reproduced byte for byte");
  });

  it("rerun refuses a result file that lacks what it needs, naming each missing field, and runs nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const file = (name: string, content: unknown) => {
      const f = join(dir, name);
      writeFileSync(f, JSON.stringify(content));
      return f;
    };
    const expectRefused = (f: string, ...fragments: string[]) => {
      const r = runCli(["rerun", f]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toContain("undefined");
      for (const fragment of fragments) expect(r.stderr).toContain(fragment);
    };
    const lacking = file("lacking.json", { manifest: { engineVersion: "0.2.0", scenario: { name: "x", hash: "abc" } }, result: {} });
    expectRefused(
      lacking,
      `${lacking}: manifest.seed: expected a seed as --seed takes it: a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (or a word of up to 100 characters), found nothing (the field is missing)`,
      `${lacking}: manifest.replications: expected a whole number of replications from 1 to 100000, found nothing`,
      `${lacking}: manifest.scenario.data: expected the scenario (an object), found nothing`,
    );
    expectRefused(file("empty.json", {}), "manifest: expected the run manifest", "result: expected the result");
    expectRefused(file("partial.json", { partial: true, manifest: {}, completed: [] }), "found the partial result of an interrupted run");
    expectRefused(file("shard.json", { manifest: { command: ["gridgov", "sweep", "x.json"] }, result: {} }), "found one of gridgov sweep; to reproduce it, run its manifest.command again");
  });

  it("rerun refuses a manifest changed after the run — its hash, a huge replication count or scenario — and runs nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const out = join(dir, "results.json");
    expect(runCli(["run", teaching, "--replications", "2", "--days", "2", "--workers", "1", "--out", out]).status).toBe(0);
    const original = JSON.parse(readFileSync(out, "utf8"));
    const variant = (name: string, change: (f: typeof original) => void) => {
      const f = structuredClone(original);
      change(f);
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(f));
      return path;
    };
    const refused = (path: string, fragment: string) => {
      const r = runCli(["rerun", path, "--workers", "1"]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).toContain(fragment);
    };
    const hash = variant("hash.json", (f) => (f.manifest.scenario.hash = "0".repeat(64)));
    refused(hash, `${hash}: manifest.scenario.hash: expected the hash of manifest.scenario.data (${original.manifest.scenario.hash}), found "${"0".repeat(64)}"`);
    // "11" as text would run as the word "11", not as seed 11: refused, as --seed refuses it.
    const textual = variant("textual.json", (f) => (f.manifest.seed = "11"));
    refused(textual, `${textual}: manifest.seed: expected a seed as --seed takes it`);
    // A seed beyond the whole numbers a double holds: the seed rule, said once.
    const hugeSeed = variant("huge-seed.json", (f) => (f.manifest.seed = 2 ** 60));
    const seedRule = runCli(["rerun", hugeSeed, "--workers", "1"]);
    expect(seedRule.status).toBe(2);
    expect(seedRule.stderr.split("\n").filter((l) => l.includes("manifest.seed:"))).toEqual([`${hugeSeed}: manifest.seed: expected a seed as --seed takes it: a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (or a word of up to 100 characters), found ${2 ** 60}`]);
    const many = variant("many.json", (f) => (f.manifest.replications = 1e9));
    refused(many, `${many}: manifest.replications: expected a whole number of replications from 1 to 100000, found 1000000000`);
    const huge = variant("huge.json", (f) => (f.manifest.scenario.data.staffing.workersPerGrid = 1e12));
    refused(huge, `${huge} (manifest.scenario.data): staffing.workersPerGrid: expected a scenario that fits in the memory available`);
  });

  it("bad input writes no output file", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, name: "x", run: { days: 0 } }));
    const out = join(dir, "results.json");
    const r = runCli(["run", bad, "--out", out]);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("shows progress on stderr for runs longer than a second, never on stdout", () => {
    const r = runCli(["run", "scenarios/district-j-baseline.json", "--replications", "2", "--days", "200", "--json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/replication \d+\/2/);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it("warns on stderr, and in the result, of a day shift longer than 12 hours", () => {
    const r = runCli(["run", teaching, "--replications", "2", "--days", "2", "--workers", "1", "--set", "shifts.start=360", "--set", "shifts.end=1170", "--json"]);
    expect(r.status).toBe(0);
    const warning = "the day shift lasts 13.5 h (shifts.start 360 = 06:00 to shifts.end 1170 = 19:30), more than 12 h a day";
    expect(r.stderr).toContain(`warning: ${warning}`);
    expect(JSON.parse(r.stdout).warnings.join("\n")).toContain(warning);
  });

  it("warns and caps a run whose queue would grow without bound", () => {
    const r = runCli(["run", teaching, "--replications", "2", "--days", "6", "--set", "incidents.ratePerHour=200", "--set", "run.maxOpenIncidents=2000", "--json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("grows without bound");
    const j = JSON.parse(r.stdout);
    expect(j.perReplication.every((p: { truncated: boolean }) => p.truncated)).toBe(true);
    expect(j.warnings.join(" ")).toContain("stopped early");
  });
});
