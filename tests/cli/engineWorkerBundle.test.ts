import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engineWorkerBundle } from "../../cli/engineWorkerBundle.js";

describe("the bundled engine worker", () => {
  it("is one plain JavaScript module, named by a hash of the engine's sources, built once per process", () => {
    const file = engineWorkerBundle();
    expect(file).not.toBeNull();
    expect(existsSync(file!)).toBe(true);
    expect(file!).toMatch(/engine-worker-[0-9a-f]{16}\.mjs$/);
    expect(engineWorkerBundle()).toBe(file);
    const code = readFileSync(file!, "utf8");
    // The engine's worker entry, with comlink and the engine inside: nothing left to compile.
    expect(code).toContain("GRIDGOV_CRASH_REPLICATION");
    expect(code).not.toMatch(/from "\.\.?\//);
  });
});
