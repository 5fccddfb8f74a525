import { COMPARED_MEASURES, measureRange } from "../sim/experiments/compareRuns.js";
import type { RunResult } from "../sim/experiments/runScenario.js";
import type { SweepPoint } from "../sim/experiments/sweepPoints.js";
import { meanInterval } from "../sim/metrics/studentT.js";
import type { Scenario } from "../sim/scenario/scenarioSchema.js";
import { scenarioHash } from "../sim/scenario/scenarioHash.js";
import { ENGINE_VERSION } from "../sim/version.js";
import { shortList, variantScenarios, type CheckedScenario } from "./variantScenarios.js";

/** Everything that defines a sweep's result: base scenario, points, seed, replications. */
export interface SweepDesign {
  /** The validated base scenario. */
  base: Scenario;
  baseHash: string;
  points: SweepPoint[];
  seed: number | string;
  replications: number;
}

/**
 * The scenario of each point: the base with the point's overrides, validated; every
 * problem of every point is reported at once (see {@link variantScenarios}).
 */
export function pointScenarios(design: Pick<SweepDesign, "base" | "points">, source: string, memoryLimitBytes = Infinity): CheckedScenario[] {
  const overrides = design.points.map((p) => Object.entries(p).map(([path, v]) => `${path}=${JSON.stringify(v)}`));
  const some = (ks: number[]) => `point${ks.length > 1 ? "s" : ""} ${shortList(ks)}`;
  return variantScenarios(design.base, overrides, { source, some, every: "every point" }, memoryLimitBytes);
}

/** Makes a design from a validated base scenario. */
export function sweepDesign(base: Scenario, points: SweepPoint[], seed: number | string, replications: number): SweepDesign {
  return { base, baseHash: scenarioHash(base), points, seed, replications };
}

/** The (point, replication) units of a design, in order: all replications of point 0, then point 1, … */
export function units(design: SweepDesign): Array<{ point: number; replication: number }> {
  return design.points.flatMap((_, point) => Array.from({ length: design.replications }, (_, replication) => ({ point, replication })));
}

/** Shard `i` of `n`: a contiguous, near-equal slice of the units. */
export function shardUnits(design: SweepDesign, i: number, n: number): Array<{ point: number; replication: number }> {
  const all = units(design);
  return all.slice(Math.floor((i * all.length) / n), Math.floor(((i + 1) * all.length) / n));
}

/** A sweep point for people: "point 3 (staffing.workersPerGrid=1.5, admin.taskCut=0)". */
export function pointName(point: SweepPoint, k: number): string {
  return `point ${k} (${Object.entries(point).map(([path, v]) => `${path}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ")})`;
}

/**
 * The sweep's tidy output — rows per (point, replication) and a summary per point (with its
 * run's warnings) — from each point's run. Each row has the grids and grid workers the point
 * built (a lever such as households per grid gives 588 grids, not 600), and the output the
 * engine version, run length and each measure's unit, so that two sweeps can be told apart
 * and read without the command that made them.
 */
export function sweepOutput(design: SweepDesign, runs: readonly RunResult[]) {
  const measures = COMPARED_MEASURES;
  const rows = runs.flatMap((r, k) =>
    r.perReplication.map((p) => ({
      point: k,
      replication: p.replication,
      ...design.points[k],
      grids: r.grids.occurred.length,
      workers: p.workers.count,
      ...Object.fromEntries(measures.map((m) => [m.name, m.value(p)])),
    })),
  );
  const summary = runs.map((r, k) => ({
    point: k,
    ...design.points[k],
    grids: r.grids.occurred.length,
    workers: r.workers.count,
    ...Object.fromEntries(
      measures.flatMap((m) => {
        const v = r.perReplication.map(m.value).filter((x): x is number => x !== null && Number.isFinite(x));
        const iv = meanInterval(v, ...measureRange(m));
        return [
          [m.name, v.length ? iv.mean : null],
          [`${m.name}.ci95low`, v.length > 1 ? iv.ci95[0] : null],
          [`${m.name}.ci95high`, v.length > 1 ? iv.ci95[1] : null],
        ];
      }),
    ),
    warnings: r.warnings,
  }));
  return {
    scenario: design.base.name,
    scenarioHash: design.baseHash,
    engineVersion: ENGINE_VERSION,
    days: design.base.run.days,
    warmupDays: design.base.run.warmupDays,
    seed: design.seed,
    replications: design.replications,
    levers: Object.keys(design.points[0] ?? {}),
    /** Each measure's unit: min, share (0..1), h/week, CNY (a year, or per closed incident). */
    units: Object.fromEntries(measures.map((m) => [m.name, m.unit])),
    points: design.points,
    rows,
    summary,
  };
}

/** Tidy CSV: a header of the union of keys, one line per row; text with commas or quotes quoted; missing figures empty. */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    // Nothing measured (NaN, as for times when no incident closed) is an empty cell, as null is: never the text "null".
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "";
    // A list of texts (a point's warnings) as one cell, its items separated by " | ".
    const s = typeof v === "string" ? v : Array.isArray(v) && v.every((x) => typeof x === "string") ? v.join(" | ") : JSON.stringify(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [keys.join(","), ...rows.map((r) => keys.map((k) => cell(r[k])).join(","))].join("\n") + "\n";
}
