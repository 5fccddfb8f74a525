import { FOUND_BY } from "../model/IncidentStore.js";
import { Histogram } from "./Histogram.js";
import { INCIDENT_REPORTERS, type IncidentMetricName } from "./incidentReporters.js";
import type { HoursByActivity, ReplicationResult } from "./ReplicationCollector.js";
import { meanInterval } from "./studentT.js";
import { timeLimitHitRate } from "./timeLimitHitRate.js";

/** An incident measurement across replications (minutes). `null` where nothing was measured. */
export interface MetricSummary {
  unit: "min";
  /** Incidents measured, all replications together. */
  n: number;
  /** Mean of the replication means. */
  mean: number | null;
  /** Standard deviation of the replication means. */
  sd: number | null;
  /** 95 % t-interval of the mean, from the replication means, cut at 0 (null with fewer than 2 replications). */
  ci95: [number, number] | null;
  /** Quantiles of all measured incidents pooled over the replications (within 0.4 %). */
  p50: number | null;
  p90: number | null;
  p95: number | null;
}

/** A share, rate or amount across replications: mean with its 95 % t-interval, cut at 0 (and at 1 for a share). */
export interface ValueSummary {
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
}

/** A time series across replications: mean, lowest and highest value at each point. */
export interface SeriesSummary {
  mean: Array<number | null>;
  min: Array<number | null>;
  max: Array<number | null>;
}

/** Incident counts summed over replications. */
export type IncidentTotals = Omit<ReplicationResult["incidents"], "foundBy"> & {
  foundBy: ReplicationResult["incidents"]["foundBy"];
};

/** All replications of one scenario, summarised. */
export interface RunSummary {
  metrics: Record<IncidentMetricName, MetricSummary> & {
    /** Share of on-duty time workers were not free to patrol (0..1). */
    workerUtilization: ValueSummary;
    /** Incidents that occurred in the measured windows, summed over replications. */
    incidents: IncidentTotals;
    /** Share of incidents escalated to a department at least once. */
    escalatedShare: ValueSummary;
    /** Share of registered incidents closed within their category's time limit (open ones past it count as missed). */
    timeLimitHitRate: ValueSummary;
    /** Share of closed incidents residents were satisfied with (in time and fixed right). */
    satisfiedShare: ValueSummary;
    /** Residents' mean satisfaction (0..1) at the end of the run. */
    satisfaction: ValueSummary;
    /** Share of found incidents found by residents' reports. */
    residentReportShare: ValueSummary;
    /** Mean overtime hours per worker per week. */
    overtimeHoursPerWeek: ValueSummary;
    /** Gini coefficient of busy hours across workers. */
    workloadGini: ValueSummary;
    /** Staff cost per year (CNY), salaries and overtime. */
    costPerYear: ValueSummary;
    /** Staff cost per closed incident (CNY). */
    costPerClosedIncident: ValueSummary;
  };
  /** Per category: counts summed over replications and the time-limit hit rate. */
  categories: Array<{ id: string; arrived: number; closed: number; timeLimitHitRate: ValueSummary }>;
  workers: {
    count: number;
    /** Mean hours per worker in each activity over the measured window. */
    hoursByActivity: HoursByActivity;
  };
  /** Little's law: L and Lq against λ·W and λ·Wq (means over replications; λ per minute). */
  little: { L: number | null; lambdaW: number | null; Lq: number | null; lambdaWq: number | null; lambda: number | null };
  /** Per grid (index = grid id), means over replications: incidents occurred, mean response (min), worker utilisation. */
  grids: { occurred: number[]; meanResponse: Array<number | null>; utilization: number[] };
  /** Time series over the whole run (warm-up included): open incidents each hour; satisfaction and residents' share of finds each day. */
  series: { backlogHourly: SeriesSummary; satisfactionDaily: SeriesSummary; residentShareDaily: SeriesSummary };
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/** Summarises a list of replication results (in replication order). */
export function summarize(results: readonly ReplicationResult[]): RunSummary {
  const metrics = {} as RunSummary["metrics"];
  for (const r of INCIDENT_REPORTERS) {
    const pooled = new Histogram();
    const means: number[] = [];
    for (const res of results) {
      const m = res.metrics[r.name];
      pooled.mergeJSON(m.histogram);
      if (m.n > 0) means.push(m.mean);
    }
    metrics[r.name] = {
      unit: "min",
      n: pooled.n,
      ...valueSummary(means, 0, Infinity),
      p50: finite(pooled.quantile(0.5)),
      p90: finite(pooled.quantile(0.9)),
      p95: finite(pooled.quantile(0.95)),
    };
  }
  // Every value below is a share (0..1) or an amount (≥ 0); intervals are cut there.
  const each = (f: (r: ReplicationResult) => number | null, highest = Infinity) =>
    valueSummary(results.map((r) => f(r) ?? NaN), 0, highest);
  const share = (f: (r: ReplicationResult) => number | null) => each(f, 1);
  metrics.workerUtilization = share((r) => r.workers.utilization);
  metrics.incidents = incidentTotals(results);
  metrics.escalatedShare = share((r) => ratio(r.incidents.escalated, r.incidents.arrived));
  metrics.timeLimitHitRate = share((r) => timeLimitHitRate(r.categories));
  metrics.satisfiedShare = share((r) => ratio(r.incidents.satisfied, r.incidents.closed));
  metrics.satisfaction = share((r) => r.satisfaction);
  metrics.residentReportShare = share((r) => {
    const found = FOUND_BY.reduce((a, k) => a + (k === "nobody" ? 0 : r.incidents.foundBy[k]), 0);
    return ratio(r.incidents.foundBy.resident, found);
  });
  metrics.overtimeHoursPerWeek = each((r) => r.workers.overtimeHoursPerWeek);
  metrics.workloadGini = share((r) => r.workers.workloadGini);
  metrics.costPerYear = each((r) => r.cost.totalPerYear);
  metrics.costPerClosedIncident = each((r) => r.cost.perClosedIncident);

  const categories = (results[0]?.categories ?? []).map((c, k) => ({
    id: c.id,
    arrived: sum(results.map((r) => r.categories[k].arrived)),
    closed: sum(results.map((r) => r.categories[k].closed)),
    timeLimitHitRate: share((r) => timeLimitHitRate([r.categories[k]])),
  }));
  const hoursByActivity = {} as HoursByActivity;
  for (const a of Object.keys(results[0]?.workers.hoursByActivity ?? {}) as Array<keyof HoursByActivity>) {
    hoursByActivity[a] = mean(results.map((r) => r.workers.hoursByActivity[a])) ?? 0;
  }
  const lambda = mean(results.map((r) => r.little.lambda));
  const W = metrics.resolutionTime.mean;
  const Wq = metrics.queueWait.mean;
  const G = results[0]?.grids.occurred.length ?? 0;
  const perGrid = <T>(f: (r: ReplicationResult, g: number) => T) => Array.from({ length: G }, (_, g) => results.map((r) => f(r, g)));
  return {
    metrics,
    categories,
    workers: { count: results[0]?.workers.count ?? 0, hoursByActivity },
    little: {
      L: mean(results.map((r) => r.little.L)),
      lambdaW: lambda !== null && W !== null ? lambda * W : null,
      Lq: mean(results.map((r) => r.little.Lq)),
      lambdaWq: lambda !== null && Wq !== null ? lambda * Wq : null,
      lambda,
    },
    grids: {
      occurred: perGrid((r, g) => r.grids.occurred[g]).map((v) => mean(v) ?? 0),
      meanResponse: perGrid((r, g) => r.grids.meanResponse[g] ?? NaN).map(mean),
      utilization: perGrid((r, g) => r.grids.utilization[g]).map((v) => mean(v) ?? 0),
    },
    series: {
      backlogHourly: seriesSummary(results.map((r) => r.series.backlogHourly)),
      satisfactionDaily: seriesSummary(results.map((r) => r.series.satisfactionDaily)),
      residentShareDaily: seriesSummary(results.map((r) => r.series.residentShareDaily)),
    },
  };
}

function incidentTotals(results: readonly ReplicationResult[]): IncidentTotals {
  const total = (f: (r: ReplicationResult) => number) => sum(results.map(f));
  return {
    arrived: total((r) => r.incidents.arrived),
    closed: total((r) => r.incidents.closed),
    open: total((r) => r.incidents.open),
    escalated: total((r) => r.incidents.escalated),
    misrouted: total((r) => r.incidents.misrouted),
    reopened: total((r) => r.incidents.reopened),
    fixedByVolunteers: total((r) => r.incidents.fixedByVolunteers),
    satisfied: total((r) => r.incidents.satisfied),
    duplicates: total((r) => r.incidents.duplicates),
    foundBy: Object.fromEntries(FOUND_BY.map((k) => [k, total((r) => r.incidents.foundBy[k])])) as IncidentTotals["foundBy"],
  };
}

function seriesSummary(series: number[][]): SeriesSummary {
  const n = Math.max(0, ...series.map((s) => s.length));
  const at = (k: number) => series.map((s) => s[k]).filter((v) => Number.isFinite(v));
  return {
    mean: Array.from({ length: n }, (_, k) => mean(at(k))),
    min: Array.from({ length: n }, (_, k) => (at(k).length ? Math.min(...at(k)) : null)),
    max: Array.from({ length: n }, (_, k) => (at(k).length ? Math.max(...at(k)) : null)),
  };
}

/** Mean and t-interval of the finite `values`, the interval cut at `[lowest, highest]`. */
function valueSummary(values: number[], lowest: number, highest: number): ValueSummary {
  const ok = values.filter(Number.isFinite);
  if (ok.length === 0) return { mean: null, sd: null, ci95: null };
  const iv = meanInterval(ok, lowest, highest);
  return {
    mean: iv.mean,
    sd: finite(iv.sd),
    ci95: ok.length > 1 ? [iv.ci95[0], iv.ci95[1]] : null,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function mean(values: number[]): number | null {
  const ok = values.filter(Number.isFinite);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
}
