import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/experiments/loadScenario.js";
import { ReplicationCollector } from "../../sim/metrics/ReplicationCollector.js";
import { GridModel } from "../../sim/model/GridModel.js";

// V8's own test hook: whether two objects share a hidden class (map).
setFlagsFromString("--allow-natives-syntax");
const sameHiddenClass = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

/** Paths (from the model and its collector) to objects whose hidden class differs between `a` and `b`. */
function differingClasses(a: object, b: object, path = "", depth = 0, seen = new Set<object>()): string[] {
  if (seen.has(a) || ArrayBuffer.isView(a)) return [];
  seen.add(a);
  const found = sameHiddenClass(a, b) ? [] : [`${path || "root"} (${a.constructor?.name})`];
  if (depth === 4) return found;
  for (const key of Object.keys(a)) {
    // Arrays: their first elements stand for the rest.
    if (/^\d+$/.test(key) && Number(key) > 3) continue;
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (typeof x === "object" && x !== null && typeof y === "object" && y !== null) {
      found.push(...differingClasses(x, y, `${path}.${key}`, depth + 1, seen));
    }
  }
  return found;
}

describe("replications and compiled code", () => {
  it("running a replication leaves the hidden classes of the next replication's objects as they were", () => {
    // If a field changed representation during a run (say, a time started as the integer 0 and
    // became 12.5), objects built for the next replication would get a new hidden class and V8
    // would throw away the code it compiled for the old one, in every worker thread.
    const parsed = loadScenario(readFileSync("scenarios/district-j-baseline.json", "utf8"), ["run.days=9", "run.warmupDays=1"]);
    if (!parsed.ok) throw new Error("the shipped baseline must load");
    const build = (replication: number) => {
      const model = new GridModel(parsed.value, { seed: 1, replication });
      return { model, collector: new ReplicationCollector(model) };
    };
    const before = build(1);
    const first = build(0);
    first.model.run();
    first.collector.result(0);
    const after = build(2);
    expect(differingClasses(before, after)).toEqual([]);
  });
});
