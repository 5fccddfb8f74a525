import type { GridModel } from "../model/GridModel.js";
import { ASSIGNED, CLOSED, OCCURRED, REGISTERED, STAGE_COUNT } from "../model/IncidentStore.js";
import { ACTIVITIES, ACTIVITY_COUNT, AVAILABLE, type ActivityName } from "../model/Workforce.js";
import { Histogram, type SparseHistogram } from "./Histogram.js";
import { INCIDENT_REPORTERS, stageIndex, type IncidentMetricName } from "./incidentReporters.js";

/** One incident measurement in one replication (minutes). */
export interface MetricSample {
  n: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  max: number;
  histogram: SparseHistogram;
}

/** What one replication measured, as plain data. */
export interface ReplicationResult {
  replication: number;
  /** Kernel events processed. */
  events: number;
  /** True if the run stopped early because too many incidents were open (see warnings). */
  truncated: boolean;
  /** Length of the measured window, after the warm-up (minutes). */
  measuredMinutes: number;
  /** Incidents that occurred in the measured window: closed by the end, and still open. */
  incidents: { arrived: number; closed: number; open: number };
  metrics: Record<IncidentMetricName, MetricSample>;
  workers: {
    count: number;
    /** Share of on-duty time not free to patrol (0..1). */
    utilization: number;
    /** Mean hours per worker in each activity over the measured window. */
    hoursByActivity: Record<ActivityName, number>;
  };
  /** Time-average number of incidents registered and not closed (L) or not yet assigned (Lq), and registrations per minute (λ). */
  little: { L: number; Lq: number; lambda: number };
}

/**
 * Watches a {@link GridModel} and measures it: incident reporters when stages are
 * reached, time-averages for Little's law, and worker time by activity. Everything
 * before the model's warm-up end is forgotten.
 */
export class ReplicationCollector {
  private readonly histograms: Histogram[];
  private readonly sums: Float64Array;
  /** For each stage, the reporters recorded when it is reached, as [reporter, fromStage] pairs. */
  private readonly byStage: Int32Array[];
  private arrived = 0;
  private closed = 0;
  private registeredInWindow = 0;
  private inSystem = 0;
  private inQueue = 0;
  private areaSystem = 0;
  private areaQueue = 0;
  private lastChange = 0;

  constructor(private readonly model: GridModel) {
    this.histograms = INCIDENT_REPORTERS.map(() => new Histogram());
    this.sums = new Float64Array(INCIDENT_REPORTERS.length);
    const lists: number[][] = Array.from({ length: STAGE_COUNT }, () => []);
    INCIDENT_REPORTERS.forEach((r, k) => lists[stageIndex(r.to)].push(k, stageIndex(r.from)));
    this.byStage = lists.map((l) => Int32Array.from(l));
    model.onStage = (i, stage) => this.stage(i, stage);
    const warmup = model.sim.define(() => this.endWarmup());
    model.sim.scheduleAt(model.warmupEnd, warmup, 0, 0);
  }

  private stage(i: number, stage: number): void {
    const inc = this.model.incidents;
    const now = this.model.sim.now;
    if (stage === REGISTERED || stage === ASSIGNED || stage === CLOSED) {
      this.areaSystem += this.inSystem * (now - this.lastChange);
      this.areaQueue += this.inQueue * (now - this.lastChange);
      this.lastChange = now;
      if (stage === REGISTERED) {
        this.inSystem++;
        this.inQueue++;
        if (now >= this.model.warmupEnd) this.registeredInWindow++;
      } else if (stage === ASSIGNED) this.inQueue--;
      else this.inSystem--;
    }
    if (inc.measured[i] === 0) return;
    if (stage === OCCURRED) this.arrived++;
    else if (stage === CLOSED) this.closed++;
    const list = this.byStage[stage];
    const base = i * STAGE_COUNT;
    for (let k = 0; k < list.length; k += 2) {
      const from = inc.times[base + list[k + 1]];
      if (from === from) {
        const v = now - from;
        this.histograms[list[k]].add(v);
        this.sums[list[k]] += v;
      }
    }
  }

  private endWarmup(): void {
    const now = this.model.sim.now;
    this.areaSystem = 0;
    this.areaQueue = 0;
    this.lastChange = now;
    this.model.workforce.resetMinutes(now);
  }

  /** The replication's results; call once the model has run. */
  result(replication: number): ReplicationResult {
    const m = this.model;
    const end = m.sim.now;
    const window = end - m.warmupEnd;
    this.areaSystem += this.inSystem * (end - this.lastChange);
    this.areaQueue += this.inQueue * (end - this.lastChange);
    this.lastChange = end;
    let open = 0;
    for (let i = 0; i < m.incidents.capacity; i++) {
      if (m.incidents.live[i] && m.incidents.measured[i]) open++;
    }
    const metrics = {} as Record<IncidentMetricName, MetricSample>;
    INCIDENT_REPORTERS.forEach((r, k) => {
      const h = this.histograms[k];
      metrics[r.name] = {
        n: h.n,
        mean: h.n ? this.sums[k] / h.n : NaN,
        p50: h.quantile(0.5),
        p90: h.quantile(0.9),
        p95: h.quantile(0.95),
        max: h.n ? h.max : NaN,
        histogram: h.toJSON(),
      };
    });
    const wf = m.workforce;
    const totals = new Float64Array(ACTIVITY_COUNT);
    for (let w = 0; w < wf.count; w++) {
      for (let a = 0; a < ACTIVITY_COUNT; a++) totals[a] += wf.minutes[w * ACTIVITY_COUNT + a];
    }
    const onDuty = totals.reduce((a, b) => a + b, 0);
    const hoursByActivity = {} as Record<ActivityName, number>;
    ACTIVITIES.forEach((name, a) => (hoursByActivity[name] = wf.count ? totals[a] / wf.count / 60 : 0));
    return {
      replication,
      events: m.sim.processed,
      truncated: !Number.isNaN(m.truncatedAt),
      measuredMinutes: window,
      incidents: { arrived: this.arrived, closed: this.closed, open },
      metrics,
      workers: {
        count: wf.count,
        utilization: onDuty > 0 ? 1 - totals[AVAILABLE] / onDuty : 0,
        hoursByActivity,
      },
      little: {
        L: window > 0 ? this.areaSystem / window : NaN,
        Lq: window > 0 ? this.areaQueue / window : NaN,
        lambda: window > 0 ? this.registeredInWindow / window : NaN,
      },
    };
  }
}
