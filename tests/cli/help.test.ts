import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../cli/main.js";
import { runCli } from "../support/runCli.js";

const mentions = (text: string, flag: string) => new RegExp(`--${flag}(?![\\w-])`).test(text);

describe("usage texts", () => {
  it("each command's usage lists every option its parser accepts", () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      for (const flag of Object.keys(command.flags)) expect(mentions(command.usage, flag), `gridgov ${name} --${flag}`).toBe(true);
    }
  });

  it("says for each command whether --out is a file or a directory", () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      if (!("out" in command.flags)) continue;
      expect(command.usage, name).toMatch(/--out (FILE is a file|DIR is a directory)/);
    }
  });

  it("gridgov --help lists every command with its options and exits 0", () => {
    const r = runCli(["--help"]);
    expect(r.status).toBe(0);
    for (const command of Object.values(COMMANDS)) expect(r.stdout).toContain(command.usage);
  });

  for (const [name, command] of Object.entries(COMMANDS)) {
    it(`gridgov ${name} --help prints its usage and exits 0`, () => {
      const r = runCli([name, "--help"]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`usage: ${command.usage}`);
    });
  }

  it("-h works too, after other arguments, and is not read as a file", () => {
    for (const args of [["rerun", "-h"], ["run", "scenarios/teaching-small.json", "--days", "2", "-h"]]) {
      const r = runCli(args);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`usage: ${COMMANDS[args[0]].usage}`);
    }
  });
});
