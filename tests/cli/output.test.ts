import { execFileSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../cli/writeFileAtomic.js";
import { runCli, runCliWithEnv } from "../support/runCli.js";

const teaching = "scenarios/teaching-small.json";
const tiny = ["--replications", "2", "--days", "2", "--seed", "3", "--workers", "1"];

/** A temporary directory holding `keep.json`, a file that must survive every failed command. */
function dirWithKeptFile(): { dir: string; keep: string } {
  const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
  const keep = join(dir, "keep.json");
  writeFileSync(keep, '{"precious": true}\n');
  return { dir, keep };
}

/** Expects a user error (exit 2, no stack trace) whose message contains every fragment. */
function expectUserError(args: string[], ...fragments: string[]): void {
  const r = runCli(args);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.status).toBe(2);
  for (const f of fragments) expect(r.stderr).toContain(f);
}

describe("--out through an existing file", () => {
  it("run --out keep.json/o.json is refused once (not again for its partial file), keep.json is untouched and nothing is left behind", () => {
    const { dir, keep } = dirWithKeptFile();
    const r = runCli(["run", teaching, ...tiny, "--out", join(keep, "o.json")]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([`${join(keep, "o.json")}: cannot write the output: ${keep} is a file, not a directory`, "nothing was run"]);
    expect(readFileSync(keep, "utf8")).toBe('{"precious": true}\n');
    expect(readdirSync(dir)).toEqual(["keep.json"]);
  });

  for (const command of ["compare", "sweep"]) {
    it(`${command} --out keep.json (a file, where a directory is expected) is refused and keep.json is untouched`, () => {
      const { dir, keep } = dirWithKeptFile();
      const args = command === "compare" ? ["compare", teaching, teaching] : ["sweep", teaching, "--vary", "admin.taskCut=0,0.5"];
      expectUserError([...args, ...tiny, "--out", keep], `${keep} is a file, not a directory`);
      expect(readFileSync(keep, "utf8")).toBe('{"precious": true}\n');
      expect(readdirSync(dir)).toEqual(["keep.json"]);
    });
  }

  it("merge --out keep.json is refused, keep.json is untouched and no table is written", () => {
    const { dir, keep } = dirWithKeptFile();
    const shards = join(dir, "shards");
    expect(runCli(["sweep", teaching, "--vary", "admin.taskCut=0,0.5", ...tiny, "--shard", "0/1", "--out", shards]).status).toBe(0);
    expectUserError(["merge", shards, "--out", keep], `${keep} is a file, not a directory`);
    expect(readFileSync(keep, "utf8")).toBe('{"precious": true}\n');
    expect(readdirSync(shards)).toEqual(["shard-0-of-1.json"]);
  });
});

describe("--out of a command that writes a directory of files", () => {
  it("a new path named like a file (results.json) is refused before anything runs and nothing is created", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    for (const [command, writes] of [
      ["sweep", "sweep.csv, summary.csv, sweep.json"],
      ["compare", "comparison.json"],
    ] as const) {
      const args = command === "sweep" ? ["sweep", teaching, "--vary", "staffing.workersPerGrid=1,2"] : ["compare", teaching, teaching];
      for (const name of ["results.json", "cmp.csv"]) {
        const out = join(dir, name);
        expectUserError([...args, ...tiny, "--out", out], `${out}: cannot write the output: expected a directory (this command writes ${writes} into it), found a file name; give a directory, such as ${join(dir, "results")}`);
      }
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("says what it wrote, and when a second sweep replaced the first one there", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gridgov-")), "study");
    const sweep = (lever: string) => runCli(["sweep", teaching, "--vary", lever, ...tiny, "--out", out]);
    const tables = ["sweep.csv", "summary.csv", "sweep.json", "manifest.json"].map((n) => join(out, n)).join(", ");
    const first = sweep("staffing.workersPerGrid=1,2");
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(`wrote ${tables}\n`);
    const second = sweep("admin.taskCut=0,0.5");
    expect(second.stderr).toContain(`wrote ${tables} (replacing the sweep that was there)`);
    expect(JSON.parse(readFileSync(join(out, "sweep.json"), "utf8")).levers).toEqual(["admin.taskCut"]);
  });

  it("merge given a shard file instead of its directory says to give the directory", () => {
    const { keep } = dirWithKeptFile();
    expectUserError(["merge", keep], `${keep}: expected the directory holding the shard files (gridgov merge DIR), found a file`);
  });
});

describe("--out onto something that is not a regular file", () => {
  it("a named pipe or a symbolic link is refused before running and stays as it was", () => {
    const { dir, keep } = dirWithKeptFile();
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    const link = join(dir, "link.json");
    symlinkSync(keep, link);
    expectUserError(["run", teaching, ...tiny, "--out", fifo], `${fifo}: cannot write the output: it is a device, pipe or socket, not a regular file`);
    expectUserError(["run", teaching, ...tiny, "--out", link], `${link}: cannot write the output: it is a symbolic link`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(keep, "utf8")).toBe('{"precious": true}\n');
    expect(readdirSync(dir).sort()).toEqual(["fifo", "keep.json", "link.json"]);
  });

  it("the last check before renaming refuses too, so a pipe that appears during the run survives it", () => {
    const { dir } = dirWithKeptFile();
    const fifo = join(dir, "late");
    execFileSync("mkfifo", [fifo]);
    expect(() => writeFileAtomic(fifo, "{}\n")).toThrow(/it is a device, pipe or socket, not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["keep.json", "late"]);
  });
});

describe("a sweep's tables are written all or none", () => {
  it("when one of them cannot be written, none appears and no temporary file is left", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    const shards = join(dir, "shards");
    expect(runCli(["sweep", teaching, "--vary", "admin.taskCut=0,0.5", ...tiny, "--shard", "0/1", "--out", shards]).status).toBe(0);
    const out = join(dir, "tables");
    mkdirSync(join(out, "sweep.json"), { recursive: true });
    expectUserError(["merge", shards, "--out", out], `${join(out, "sweep.json")}: cannot write the output: it is a directory`);
    expect(readdirSync(out)).toEqual(["sweep.json"]);
  });
});

describe("an --out that cannot be written is reported before anything runs", () => {
  // Hours of work if it ran: the check must come first, within seconds.
  const long = ["scenarios/district-j-baseline.json", "--replications", "200", "--days", "365", "--workers", "1"];

  it("run, compare, sweep and optimize refuse at once, and run refuses a directory as its output file", () => {
    const { dir, keep } = dirWithKeptFile();
    for (const args of [
      ["run", ...long, "--out", join(keep, "o.json")],
      ["run", ...long, "--out", dir],
      ["compare", long[0], ...long, "--out", keep],
      ["sweep", ...long, "--vary", "admin.taskCut=0,0.5", "--out", join(keep, "sweep")],
      ["sweep", ...long, "--vary", "admin.taskCut=0,0.5", "--shard", "0/2", "--out", keep],
      ["optimize", ...long, "--target", "timeLimitHitRate>=0.7", "--lever", "staffing.workersPerGrid", "--range", "1..2", "--out", join(keep, "o.json")],
    ]) {
      const r = runCli(args, { timeout: 30_000 });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("cannot write the output");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(keep, "utf8")).toBe('{"precious": true}\n');
    expect(readdirSync(dir)).toEqual(["keep.json"]);
  });

  it("the check leaves nothing behind and creates no directory, so a run that then fails leaves no trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    // Replication 0 kills its worker thread: the run fails (exit 3) after the check passed.
    const r = runCliWithEnv(["run", teaching, ...tiny, "--workers", "2", "--out", join(dir, "new", "sub", "o.json")], { GRIDGOV_CRASH_REPLICATION: "0" });
    expect(r.status).toBe(3);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a directory without write permission is refused before running", () => {
    const dir = mkdtempSync(join(tmpdir(), "gridgov-"));
    chmodSync(dir, 0o555);
    // Permissions do not bind root: as root (CI), run the command as the unprivileged user nobody.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    try {
      const r = runCli(["run", ...long, "--out", join(dir, "sub", "o.json")], { timeout: 30_000, ...user });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`no file can be created in ${dir}: permission denied`);
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
