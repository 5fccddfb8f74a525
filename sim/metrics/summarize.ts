import { ACTIVITIES, type ActivityName } from "../model/Workforce.js";
import { Histogram } from "./Histogram.js";
import { INCIDENT_REPORTERS, type IncidentMetricName } from "./incidentReporters.js";
import type { ReplicationResult } from "./ReplicationCollector.js";
import { meanInterval } from "./studentT.js";

/** An incident measurement across replications (minutes). `null` where nothing was measured. */
export interface MetricSummary {
  unit: "min";
  /** Incidents measured, all replications together. */
  n: number;
  /** Mean of the replication means. */
  mean: number | null;
  /** Standard deviation of the replication means. */
  sd: number | null;
  /** 95 % t-interval of the mean, from the replication means (null with fewer than 2 replications). */
  ci95: [number, number] | null;
  /** Quantiles of all measured incidents pooled over the replications (within 0.4 %). */
  p50: number | null;
  p90: number | null;
  p95: number | null;
}

/** A share or count across replications: mean with its 95 % t-interval. */
export interface ValueSummary {
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
}

/** All replications of one scenario, summarised. */
export interface RunSummary {
  metrics: Record<IncidentMetricName, MetricSummary> & {
    /** Share of on-duty time workers were not free to patrol (0..1). */
    workerUtilization: ValueSummary;
    /** Incidents that occurred in the measured windows, summed over replications. */
    incidents: { arrived: number; closed: number; open: number };
  };
  workers: {
    count: number;
    /** Mean hours per worker in each activity over the measured window. */
    hoursByActivity: Record<ActivityName, number>;
  };
  /** Little's law: L and Lq against λ·W and λ·Wq (means over replications; λ per minute). */
  little: { L: number | null; lambdaW: number | null; Lq: number | null; lambdaWq: number | null; lambda: number | null };
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Summarises a list of replication results (in replication order). */
export function summarize(results: readonly ReplicationResult[]): RunSummary {
  const metrics = {} as RunSummary["metrics"];
  for (const r of INCIDENT_REPORTERS) {
    const pooled = new Histogram();
    const means: number[] = [];
    for (const res of results) {
      const m = res.metrics[r.name];
      pooled.merge(Histogram.fromJSON(m.histogram));
      if (m.n > 0) means.push(m.mean);
    }
    metrics[r.name] = {
      unit: "min",
      n: pooled.n,
      ...valueSummary(means),
      p50: finite(pooled.quantile(0.5)),
      p90: finite(pooled.quantile(0.9)),
      p95: finite(pooled.quantile(0.95)),
    };
  }
  metrics.workerUtilization = valueSummary(results.map((r) => r.workers.utilization));
  metrics.incidents = { arrived: 0, closed: 0, open: 0 };
  for (const r of results) {
    metrics.incidents.arrived += r.incidents.arrived;
    metrics.incidents.closed += r.incidents.closed;
    metrics.incidents.open += r.incidents.open;
  }
  const hoursByActivity = {} as Record<ActivityName, number>;
  for (const a of ACTIVITIES) hoursByActivity[a] = mean(results.map((r) => r.workers.hoursByActivity[a])) ?? 0;
  const lambda = mean(results.map((r) => r.little.lambda));
  const W = metrics.resolutionTime.mean;
  const Wq = metrics.queueWait.mean;
  return {
    metrics,
    workers: { count: results[0]?.workers.count ?? 0, hoursByActivity },
    little: {
      L: mean(results.map((r) => r.little.L)),
      lambdaW: lambda !== null && W !== null ? lambda * W : null,
      Lq: mean(results.map((r) => r.little.Lq)),
      lambdaWq: lambda !== null && Wq !== null ? lambda * Wq : null,
      lambda,
    },
  };
}

function valueSummary(values: number[]): ValueSummary {
  const ok = values.filter(Number.isFinite);
  if (ok.length === 0) return { mean: null, sd: null, ci95: null };
  const iv = meanInterval(ok);
  return {
    mean: iv.mean,
    sd: finite(iv.sd),
    ci95: ok.length > 1 ? [iv.ci95[0], iv.ci95[1]] : null,
  };
}

function mean(values: number[]): number | null {
  const ok = values.filter(Number.isFinite);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
}
