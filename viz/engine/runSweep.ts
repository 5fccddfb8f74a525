import { combineReplications, type RunResult } from "../../sim/experiments/runScenario.js";
import { factorialPoints, type SweepLever } from "../../sim/experiments/sweepPoints.js";
import { meanInterval } from "../../sim/metrics/studentT.js";
import { loadScenarioData } from "../../sim/experiments/loadScenario.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import type { SweepCell as HeatmapCell } from "../charts/sweepHeatmap.js";
import type { EnginePool } from "./EnginePool.js";
import { runReplications } from "./runReplications.js";

/**
 * One point of a two-lever sweep, summarised for the heatmap: `value` is the mean over
 * replications of each replication's p90 response time (min) with its 95 % interval,
 * `cost` the staff cost per year (CNY); with the point's whole run result.
 */
export interface SweepCell extends HeatmapCell {
  result: RunResult;
}

/**
 * The scenario at one sweep point, checked as a loaded file is (schema and feasibility),
 * with its warnings (heavy load), or why it cannot run.
 */
export function pointScenario(
  base: Scenario,
  point: Record<string, unknown>,
): { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; error: string } {
  const checked = loadScenarioData(base, Object.entries(point).map(([path, v]) => `${path}=${String(v)}`));
  if (!checked.ok) return { ok: false, error: checked.issues.map((i) => `${i.path}: ${i.message}`).join("; ") };
  return { ok: true, scenario: checked.value, warnings: checked.warnings };
}

/**
 * Runs the full factorial of lever `x` × lever `y` on `base` (replications 0 … n − 1 of
 * each point under one seed, as `gridgov sweep` does) and summarises each point's
 * p90 response time and cost.
 */
export async function runSweep(
  pool: EnginePool,
  base: Scenario,
  x: SweepLever,
  y: SweepLever,
  seed: number | string,
  replications: number,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<SweepCell[]> {
  const points = factorialPoints([x, y]);
  const checked = points.map((p) => {
    const s = pointScenario(base, p);
    if (!s.ok) throw new Error(`${x.path}=${String(p[x.path])}, ${y.path}=${String(p[y.path])}: ${s.error}`);
    return s;
  });
  const grouped = await runReplications(pool, checked.map((c) => c.scenario), seed, replications, onProgress, signal);
  return points.map((p, i) => {
    // The point's warnings: before the run (heavy load) and from it (cut short, many left open).
    const result = combineReplications(checked[i].scenario, seed, grouped[i], checked[i].warnings);
    const p90s = result.perReplication.map((r) => r.metrics.responseTime.p90).filter((v) => Number.isFinite(v));
    const iv = p90s.length ? meanInterval(p90s, 0) : null;
    // A replication stopped in its warm-up has no cost figure (NaN): average the others.
    const costs = result.perReplication.map((r) => r.cost.totalPerYear).filter((v) => Number.isFinite(v));
    return {
      x: Number(p[x.path]),
      y: Number(p[y.path]),
      value: iv ? iv.mean : null,
      ci95: iv && p90s.length > 1 ? [iv.ci95[0], iv.ci95[1]] : null,
      cost: costs.length ? costs.reduce((a, b) => a + b, 0) / costs.length : null,
      result,
    };
  });
}
