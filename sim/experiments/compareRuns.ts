import { pairedDifference, type PairedDifference } from "../metrics/pairedDifference.js";
import { tQuantile975 } from "../metrics/studentT.js";
import { timeLimitHitRate as hitRate } from "../metrics/timeLimitHitRate.js";
import type { ReplicationFigures, RunResult } from "./runScenario.js";

/** A figure compared across scenarios: how to read it from one replication. */
export interface ComparedMeasure {
  name: string;
  unit: string;
  /** Plain-words label for tables and summaries. */
  label: string;
  value: (p: ReplicationFigures) => number | null;
}

/** Share of a replication's registered incidents closed within their time limit (null if none was due). */
export const timeLimitHitRate = (p: ReplicationFigures) => {
  const rate = hitRate(p.categories);
  return Number.isNaN(rate) ? null : rate;
};

/**
 * The values a compared measure can take, where its intervals are cut: every one is
 * an amount (≥ 0), and a share is at most 1.
 */
export function measureRange(m: ComparedMeasure): [number, number] {
  return [0, m.unit === "share" ? 1 : Infinity];
}

/** The measures `gridgov compare` reports, in order. */
export const COMPARED_MEASURES: ComparedMeasure[] = [
  { name: "responseTime.mean", unit: "min", label: "mean response time", value: (p) => p.metrics.responseTime.mean },
  { name: "responseTime.p90", unit: "min", label: "90th percentile response time", value: (p) => p.metrics.responseTime.p90 },
  { name: "resolutionTime.mean", unit: "min", label: "mean resolution time", value: (p) => p.metrics.resolutionTime.mean },
  { name: "queueWait.mean", unit: "min", label: "mean queue wait", value: (p) => p.metrics.queueWait.mean },
  { name: "travelTime.mean", unit: "min", label: "mean travel time", value: (p) => p.metrics.travelTime.mean },
  { name: "discoveryDelay.mean", unit: "min", label: "mean discovery delay", value: (p) => p.metrics.discoveryDelay.mean },
  { name: "timeLimitHitRate", unit: "share", label: "share closed within time limit", value: timeLimitHitRate },
  { name: "workerUtilization", unit: "share", label: "worker utilisation", value: (p) => p.workers.utilization },
  { name: "overtimeHoursPerWeek", unit: "h/week", label: "overtime per worker", value: (p) => p.workers.overtimeHoursPerWeek },
  { name: "costPerYear", unit: "CNY", label: "staff cost per year", value: (p) => p.cost.totalPerYear },
  { name: "costPerClosedIncident", unit: "CNY", label: "cost per closed incident", value: (p) => p.cost.perClosedIncident },
];

/** One measure of one scenario against the baseline. */
export interface MeasureComparison {
  measure: string;
  unit: string;
  label: string;
  baseline: number | null;
  value: number | null;
  /** Paired difference (scenario − baseline) over replications run with the same seeds. */
  difference: PairedDifference;
  /**
   * Half-width of the 95 % interval the same difference would have with independent seeds
   * (Welch, from the two scenarios' replication variances), and how many times wider that is.
   */
  independentHalfWidth: number | null;
  narrowing: number | null;
}

/**
 * Compares each run with the first (the baseline): every measure's paired difference
 * with its 95 % interval. All runs must use the same seed and number of replications,
 * which is what makes replication k of every scenario face the same incidents.
 */
export function compareRuns(runs: readonly RunResult[], measures: readonly ComparedMeasure[] = COMPARED_MEASURES): MeasureComparison[][] {
  const [base, ...others] = runs;
  for (const r of others) {
    if (r.seed !== base.seed || r.replications !== base.replications) {
      throw new Error(`runs to compare need the same seed and replications: ${base.scenario.name} has ${base.seed}/${base.replications}, ${r.scenario.name} has ${r.seed}/${r.replications}`);
    }
  }
  return others.map((r) =>
    measures.map((m) => {
      const a = base.perReplication.map(m.value);
      const b = r.perReplication.map(m.value);
      const difference = pairedDifference(a, b);
      const independentHalfWidth = welchHalfWidth(a, b);
      const half = difference.ci95 ? (difference.ci95[1] - difference.ci95[0]) / 2 : null;
      return {
        measure: m.name,
        unit: m.unit,
        label: m.label,
        baseline: mean(a),
        value: mean(b),
        difference,
        independentHalfWidth,
        narrowing: half && independentHalfWidth !== null && half > 0 ? independentHalfWidth / half : null,
      };
    }),
  );
}

function finite(values: ReadonlyArray<number | null>): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

function mean(values: ReadonlyArray<number | null>): number | null {
  const v = finite(values);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
}

function variance(v: number[]): number {
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return v.reduce((s, x) => s + (x - m) * (x - m), 0) / (v.length - 1);
}

/** Welch–Satterthwaite 95 % half-width of the difference of two independent means. */
function welchHalfWidth(aRaw: ReadonlyArray<number | null>, bRaw: ReadonlyArray<number | null>): number | null {
  const a = finite(aRaw);
  const b = finite(bRaw);
  if (a.length < 2 || b.length < 2) return null;
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return 0;
  const df = ((va + vb) * (va + vb)) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  return tQuantile975(df) * se;
}
