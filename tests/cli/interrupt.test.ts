import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/runCli.js";

/** Starts a long run, sends Ctrl-C (SIGINT) once a replication has finished, and waits for the exit. */
function interruptedRun(out: string, workers: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${repoRoot}bin/gridgov.js`, "run", "scenarios/teaching-small.json", "--replications", "200", "--days", "60", "--workers", workers, "--out", out], { cwd: repoRoot });
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (d) => {
      stderr += d;
      if (!sent && /replication [1-9]\d*\/200/.test(stderr)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    child.on("exit", (code) => resolve({ code, stderr }));
  });
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
