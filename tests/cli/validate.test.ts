import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/runCli.js";

function scenarioFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "gridgov-")), "scenario.json");
  writeFileSync(file, content);
  return file;
}

/** Expects a user error: exit 2, the file named, no stack trace. */
function expectUserError(args: string[], ...fragments: string[]): string {
  const r = runCli(args);
  expect(r.status).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const f of fragments) expect(r.stderr).toContain(f);
  return r.stderr;
}

describe("gridgov validate", () => {
  it("accepts every shipped scenario", () => {
    const files = readdirSync("scenarios", { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".json"))
      .map((f) => join("scenarios", f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const r = runCli(["validate", ...files]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("accepts a file that starts with a UTF-8 byte-order mark", () => {
    const f = scenarioFile(`\uFEFF${JSON.stringify({ schemaVersion: 1, name: "saved by Notepad" })}`);
    const r = runCli(["validate", f]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid ("saved by Notepad")');
  });

  it("reports a missing file by name", () => {
    expectUserError(["validate", "no/such/file.json"], "no/such/file.json", "no such file");
  });

  it("reports malformed JSON with line and column", () => {
    const f = scenarioFile('{\n  "schemaVersion": 1,\n  "name": "x",\n}');
    expectUserError(["validate", f], f, "line 4, column 1");
  });

  it("lists every problem with its field path, what was expected and what was found", () => {
    const f = scenarioFile(
      JSON.stringify({
        schemaVersion: 1,
        name: "x",
        colour: "red",
        run: { days: "ten" },
        incidents: { ratePerResidentPerYear: -0.5, categories: [{ id: "a", name: "A", share: 1, serviceTime: { type: "poisson", mean: 3 } }] },
      }),
    );
    const err = expectUserError(["validate", f]);
    expect(err).toContain(`${f}: (scenario): unknown field "colour"`);
    expect(err).toContain(`${f}: run.days: expected number (days), found "ten"`);
    expect(err).toContain(`${f}: incidents.ratePerResidentPerYear:`);
    expect(err).toContain("found -0.5");
    expect(err).toContain(`incidents.categories[0].serviceTime.type: expected one of "exponential"`);
    expect(err).toContain("4 problems found");
  });

  it("refuses zero workers while incidents occur", () => {
    const f = scenarioFile(JSON.stringify({ schemaVersion: 1, name: "x", staffing: { workersPerGrid: 0.0001 } }));
    expectUserError(["validate", f], "staffing.workersPerGrid", "0 workers");
  });

  it("refuses a grid larger than the district", () => {
    const f = scenarioFile(JSON.stringify({ schemaVersion: 1, name: "x", district: { households: 300 }, grids: { householdsPerGrid: 400 } }));
    expectUserError(["validate", f], "grids.householdsPerGrid", "cannot be larger than the district");
  });

  it("refuses inconsistent governance levers, naming the field", () => {
    const base = "scenarios/district-j-baseline.json";
    expectUserError(["validate", base, "--set", "staffing.partTimeShare=1.5"], "staffing.partTimeShare", "found 1.5");
    expectUserError(["validate", base, "--set", "shifts.start=1000", "--set", "shifts.end=600"], "shifts.end", "end after it starts");
    expectUserError(["validate", base, "--set", "incidents.categories.0.timeLimitHours=0.01"], "incidents.categories[0].timeLimitHours", "mean travel time");
    expectUserError(["validate", base, "--set", "escalation.districtTeams=0"], "escalation.districtTeams", "found 0");
  });

  it("a time of day out of range is one problem, not also a complaint about the end that depends on it", () => {
    for (const section of ["incidents.officeHours", "shifts"]) {
      const err = expectUserError(["validate", "scenarios/teaching-small.json", "--set", `${section}.start=2000`], `${section}.start`, "found 2000");
      expect(err).not.toContain(`${section}.end`);
      expect(err).toContain("1 problem found");
    }
    expectUserError(["validate", "scenarios/teaching-small.json", "--set", "incidents.officeHours.workdays=[false,false,false,false,false,false,false]"], "incidents.officeHours.workdays", "at least one office day");
  });

  it("refuses --set paths through names every object inherits (toString, __proto__, constructor) as unknown fields", () => {
    const args = ["validate", "scenarios/teaching-small.json"];
    const cases: Array<[string, string]> = [
      ["toString.x", "toString"],
      ["__proto__.x", "__proto__"],
      ["constructor.prototype.x", "constructor"],
      ["__proto__", "__proto__"],
      ["staffing.hasOwnProperty", "hasOwnProperty"],
    ];
    for (const [path, name] of cases) expectUserError([...args, "--set", `${path}=1`], `${path}: unknown field "${name}"`);
  });

  it("refuses --set on a field the scenario ignores because another field overrides it, and accepts it where it counts", () => {
    const fixed = "scenarios/validation/mm1-rho05.json"; // grids given as columns × rows
    expectUserError(["validate", fixed, "--set", "grids.householdsPerGrid=300"], "grids.householdsPerGrid: expected a field this scenario uses, found one it ignores: grids.columns and grids.rows");
    const f = scenarioFile(JSON.stringify({ schemaVersion: 1, name: "x", grids: { gridsPerCommunity: 4 } }));
    expectUserError(["validate", f, "--set", "grids.householdsPerCommunity=2000"], "grids.householdsPerCommunity: expected a field this scenario uses, found one it ignores: grids.gridsPerCommunity");
    // Where nothing overrides them, both take effect.
    for (const set of ["grids.householdsPerGrid=300", "grids.householdsPerCommunity=2000"]) {
      expect(runCli(["validate", "scenarios/teaching-small.json", "--set", set]).status).toBe(0);
    }
    // Changing the overriding fields in the same command is what the message asks for.
    expect(runCli(["validate", fixed, "--set", "grids.columns=2", "--set", "grids.rows=2"]).status).toBe(0);
  });

  it("warns of a field the file gives that another field it gives overrides, naming the file and both fields", () => {
    const grids = { householdsPerGrid: 300, columns: 5, rows: 3, householdsPerCommunity: 1600, gridsPerCommunity: 4 };
    const f = scenarioFile(JSON.stringify({ schemaVersion: 1, name: "x", district: { widthMeters: 2000, heightMeters: 1200, households: 6000 }, grids, run: { days: 3, warmupDays: 1 } }));
    const community = `grids.householdsPerCommunity in ${f} is ignored: grids.gridsPerCommunity is also given and fixes the communities; leave out one or the other`;
    const grid = `grids.householdsPerGrid in ${f} is ignored: grids.columns and grids.rows are also given and fix the grids; leave out one or the other`;
    const valid = runCli(["validate", f]);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain(`${f}: warning: ${grid}\n${f}: warning: ${community}\n`);
    const run = runCli(["run", f, "--replications", "1", "--workers", "1", "--json"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`warning: ${grid}\nwarning: ${community}\n`);
    // About the file, not the scenario: the result does not carry it, so it does not depend on the file's name.
    expect(JSON.parse(run.stdout).warnings.join("\n")).not.toContain("is ignored");
    // The overriding fields alone, as the defaults fill in the others, draw no warning.
    const alone = scenarioFile(JSON.stringify({ schemaVersion: 1, name: "x", district: { widthMeters: 2000, heightMeters: 1200, households: 6000 }, grids: { columns: 5, rows: 3, gridsPerCommunity: 4 } }));
    expect(runCli(["validate", alone]).stdout).not.toContain("warning");
  });

  it("warns of a field the file gives that a --set now overrides, naming the option", () => {
    const base = "scenarios/teaching-small.json";
    const r = runCli(["validate", base, "--set", "grids.gridsPerCommunity=5"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`warning: grids.householdsPerCommunity in ${base} is ignored: --set grids.gridsPerCommunity fixes the communities instead`);
    const both = runCli(["validate", base, "--set", "grids.columns=5", "--set", "grids.rows=3"]);
    expect(both.stdout).toContain(`warning: grids.householdsPerGrid in ${base} is ignored: --set grids.columns and --set grids.rows fix the grids instead`);
    // Overrides of other fields draw no such warning.
    expect(runCli(["validate", base, "--set", "admin.taskCut=0.5"]).stdout).not.toContain("warning");
  });

  it("shows a number too large for a double as Infinity, not null", () => {
    expectUserError(["validate", "scenarios/teaching-small.json", "--set", "grids.householdsPerCommunity=1e400"], "grids.householdsPerCommunity", "found Infinity");
  });

  it("names the unit of a refused number, and how to write a share, for --set and files alike", () => {
    const base = "scenarios/teaching-small.json";
    const err = expectUserError(
      ["validate", base, "--set", "shifts.start=2000", "--set", "admin.taskCut=50", "--set", "incidents.categories.0.timeLimitHours=-4"],
      `${base}: shifts.start: expected number to be <=1440 (min after midnight), found 2000 (from --set)`,
    );
    expect(err).toContain(`${base}: admin.taskCut: expected number to be <=1 (a share: for 50 % write 0.5), found 50 (from --set)`);
    expect(err).toContain(`${base}: incidents.categories[0].timeLimitHours: expected number to be >0 (h), found -4 (from --set)`);
    const f = scenarioFile(JSON.stringify({ schemaVersion: 1, name: "x", travel: { speedKmh: 0 }, staffing: { vacancyRate: -0.1, workersPerGrid: 0 } }));
    const fromFile = expectUserError(["validate", f], `${f}: travel.speedKmh: expected number to be >0 (km/h), found 0`);
    expect(fromFile).toContain(`${f}: staffing.vacancyRate: expected number to be >=0 (a share, 0..1), found -0.1`);
    // A number without a unit (posts per grid) keeps the plain message.
    expect(fromFile).toContain(`${f}: staffing.workersPerGrid: expected number to be >0, found 0`);
  });

  it("says a value came from --set or --days only when that option wrote it", () => {
    const base = "scenarios/teaching-small.json";
    expectUserError(["validate", base, "--set", "staffing.workersPerGrid=-1"], "staffing.workersPerGrid: expected number to be >0, found -1 (from --set)");
    const days = expectUserError(["run", base, "--days", "-1"], "run.days: expected number to be >0 (days), found -1 (from --days)");
    expect(days).not.toContain("--set");
    const f = scenarioFile(JSON.stringify({ schemaVersion: 1, name: "x", run: { days: 0 } }));
    const fromFile = expectUserError(["validate", f, "--set", "admin.taskCut=0.5"], `${f}: run.days: expected number to be >0 (days), found 0`);
    expect(fromFile).not.toContain("(from");
    // The file's own bad value, at the very field --set changes: the file's problem, found before --set applied.
    const sameField = scenarioFile(JSON.stringify({ schemaVersion: 1, name: "x", admin: { taskCut: 50 } }));
    const inFile = expectUserError(["validate", sameField, "--set", "admin.taskCut=0.5"], `${sameField}: admin.taskCut: expected number to be <=`);
    expect(inFile).not.toContain("(from --set)");
    const lever = expectUserError(
      ["optimize", base, "--target", "timeLimitHitRate>=0.7", "--lever", "staffing.workersPerGrid", "--range", "0..3"],
      "staffing.workersPerGrid: expected number to be >0, found 0",
    );
    expect(lever).not.toContain("--set");
  });

  it("refuses a scenario that would need more memory than the machine has, with the estimate", () => {
    const err = expectUserError(["validate", "scenarios/district-j-baseline.json", "--set", "district.households=10000000000"], "district.households");
    expect(err).toMatch(/estimated to need [\d.]+ GB/);
  });

  it("--set on a list entry that does not exist says the index is out of range, once", () => {
    const base = "scenarios/teaching-small.json";
    const err = expectUserError(
      ["validate", base, "--set", "incidents.categories.9.share=0.5"],
      `${base}: incidents.categories.9.share: index out of range: expected 0–5 (incidents.categories has 6 entries), found 9 (from --set)`,
      "1 problem found",
    );
    expect(err).not.toContain("categories[6]");
    // A whole entry may be added at the end.
    const category = { id: "extra", name: "Extra", share: 0.1, serviceTime: { type: "exponential", mean: 30 } };
    const added = runCli(["validate", base, "--set", `incidents.categories.6=${JSON.stringify(category)}`]);
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
  });

  it("names the grids, not the households, when the number of grids is what does not fit in memory", () => {
    const err = expectUserError(
      ["validate", "scenarios/teaching-small.json", "--set", "grids.columns=100000", "--set", "grids.rows=100000"],
      "grids.columns: expected a scenario that fits in the memory available",
      "grids.columns × grids.rows = 100,000 × 100,000 = 10,000,000,000 grids",
    );
    expect(err).not.toContain("district.households");
    const derived = expectUserError(
      ["validate", "scenarios/district-j-baseline.json", "--set", "grids.householdsPerGrid=0.00001", "--set", "residents.enabled=false"],
      "grids.householdsPerGrid: expected a scenario that fits in the memory available",
    );
    expect(derived).not.toContain("district.households");
  });

  it("refuses an unknown command and an unknown option", () => {
    expectUserError(["frobnicate"], 'unknown command "frobnicate"');
    expectUserError(["run", "scenarios/teaching-small.json", "--replicas", "3"], "unknown option --replicas");
  });
});

/** Runs gridgov with its stdout closed from the start, as `gridgov … | head -0` would leave it. */
function withStdoutClosed(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${repoRoot}bin/gridgov.js`, ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("a reader that closes stdout early", () => {
  for (const args of [["schema"], ["run", "scenarios/teaching-small.json", "--replications", "2", "--days", "2", "--workers", "1", "--json"]]) {
    it(`is normal: gridgov ${args[0]} exits as it would have, with no stack trace`, async () => {
      const r = await withStdoutClosed(args);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    });
  }
});

describe("gridgov schema", () => {
  it("prints a JSON Schema with every scenario section, descriptions and no extra fields allowed", () => {
    const r = runCli(["schema"]);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    for (const key of ["schemaVersion", "name", "district", "grids", "staffing", "incidents", "discovery", "intake", "dispatch", "travel", "run"]) {
      expect(schema.properties[key]).toBeDefined();
    }
    expect(schema.properties.staffing.properties.workersPerGrid.description).toMatch(/worker posts per grid/);
    expect(schema.required).toContain("schemaVersion");
  });
});
