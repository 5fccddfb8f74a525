import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from "../kernel/PoissonProcess.js";
import type { GridModel } from "../model/GridModel.js";
import * as incidentConstants from "../model/IncidentStore.js";
import { FOUND_BY, type IncidentStore } from "../model/IncidentStore.js";
import type { ModelObserver } from "../model/ModelObserver.js";
import { ACTIVITIES, ACTIVITY_COUNT, AVAILABLE, OFF_DUTY, type ActivityName } from "../model/Workforce.js";
import { gini } from "./gini.js";
import { Histogram, type SparseHistogram } from "./Histogram.js";
import { INCIDENT_REPORTERS, stageIndex, type IncidentMetricName } from "./incidentReporters.js";
import { workforceCost, type Cost } from "./workforceCost.js";

// Module-local copies of the stage numbers, read for every incident (cheaper than
// imported bindings in V8: see docs/performance.md).
const { REGISTERED, ASSIGNED, ON_SITE, CLOSED, STAGE_COUNT } = incidentConstants;
const { BY_RESIDENT, BY_VOLUNTEER } = incidentConstants;

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

/** Per incident category, in one replication. */
export interface CategoryResult {
  id: string;
  arrived: number;
  closed: number;
  /** Closed within the time limit. */
  withinLimit: number;
  /** Closed late, or still open past the limit at the end. */
  late: number;
}

/** Who or what the hours of a worker went to (mean hours per worker over the measured window). */
export type HoursByActivity = Record<ActivityName | "patrol" | "idle", number>;

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
  incidents: {
    arrived: number;
    closed: number;
    open: number;
    /** Of those arrived: escalated at least once, misrouted at least once, reopened at least once. */
    escalated: number;
    misrouted: number;
    reopened: number;
    /** Of those arrived: found by residents, patrols, volunteers, known at once; fixed by volunteers. */
    foundBy: Record<(typeof FOUND_BY)[number], number>;
    fixedByVolunteers: number;
    /** Closed incidents residents were satisfied with (in time and fixed right). */
    satisfied: number;
    /** Duplicate reports registered. */
    duplicates: number;
  };
  categories: CategoryResult[];
  metrics: Record<IncidentMetricName, MetricSample>;
  workers: {
    count: number;
    /** Share of on-duty time not free to patrol (0..1). */
    utilization: number;
    /** Mean hours per worker in each activity over the measured window; `available` = `patrol` + `idle`. */
    hoursByActivity: HoursByActivity;
    /** Mean overtime hours per worker per week. */
    overtimeHoursPerWeek: number;
    /** Gini coefficient of busy hours across workers (0 = equal). */
    workloadGini: number;
  };
  /** Staff cost (CNY), scaled to a year. */
  cost: Cost;
  /** Residents' mean satisfaction (0..1) at the end; null without residents. */
  satisfaction: number | null;
  /** When (minutes from the start of the run) the first measured incident missed its time limit; null if none did. */
  firstMissedLimit: number | null;
  /** Time-average number of incidents registered and not closed (L) or not yet assigned (Lq), and registrations per minute (λ). */
  little: { L: number; Lq: number; lambda: number };
  /** Per grid (index = grid id): incidents occurred, mean response time (min, null if none), worker utilisation. */
  grids: { occurred: number[]; meanResponse: Array<number | null>; utilization: number[] };
  /** Over the whole run, warm-up included: open incidents each hour; satisfaction and residents' share of finds each day. */
  series: { backlogHourly: number[]; satisfactionDaily: number[]; residentShareDaily: number[] };
}

/**
 * Watches a {@link GridModel} and measures it: incident reporters, time limits and the
 * time-averages for Little's law, read from each incident's stage times once it closes (or
 * when the run ends); worker time by activity, time series and per-grid figures. Everything
 * before the warm-up end is forgotten except the time series, which cover the whole run.
 */
export class ReplicationCollector implements ModelObserver {
  private readonly histograms: Histogram[];
  private readonly sums: Float64Array;
  /** The stages each incident reporter measures from and to. */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly counts = { arrived: 0, closed: 0, escalated: 0, satisfied: 0, fixedByVolunteers: 0 };
  private readonly foundBy = new Float64Array(FOUND_BY.length);
  private readonly closedBy: { misrouted: number; reopened: number } = { misrouted: 0, reopened: 0 };
  private readonly categories: CategoryResult[];
  private registeredInWindow = 0;
  // Minutes incidents spent on the platform and in its queue after the warm-up (the areas
  // under the counts, for Little's law). Declared NaN and set in the constructor: doubles
  // from birth (see Simulation.now).
  private areaSystem = NaN;
  private areaQueue = NaN;
  private readonly gridOccurred: Float64Array;
  private readonly gridResponses: Float64Array;
  private readonly gridResponseSum: Float64Array;
  private readonly backlog: number[] = [];
  private readonly satisfactionDaily: number[] = [];
  private readonly residentShareDaily: number[] = [];
  private firstMissed = Infinity;
  /** The model's incidents and warm-up end, read for every incident. */
  private readonly incidents: IncidentStore;
  private readonly warmupEnd: number;

  constructor(private readonly model: GridModel) {
    this.areaSystem = this.areaQueue = 0;
    this.histograms = INCIDENT_REPORTERS.map(() => new Histogram());
    this.sums = new Float64Array(INCIDENT_REPORTERS.length);
    this.from = Int32Array.from(INCIDENT_REPORTERS, (r) => stageIndex(r.from));
    this.to = Int32Array.from(INCIDENT_REPORTERS, (r) => stageIndex(r.to));
    this.categories = model.s.incidents.categories.map((c) => ({ id: c.id, arrived: 0, closed: 0, withinLimit: 0, late: 0 }));
    const G = model.layout.grids;
    this.gridOccurred = new Float64Array(G);
    this.gridResponses = new Float64Array(G);
    this.gridResponseSum = new Float64Array(G);
    this.incidents = model.incidents;
    this.warmupEnd = model.warmupEnd;
    model.observer = this;
    const sim = model.sim;
    const warmup = sim.define(() => this.endWarmup());
    sim.scheduleAt(model.warmupEnd, warmup, 0, 0);
    const hourly = sim.define(() => {
      this.backlog.push(model.onPlatform);
      if (sim.now + MINUTES_PER_HOUR < model.end) sim.schedule(MINUTES_PER_HOUR, hourly, 0, 0);
    });
    sim.scheduleAt(0, hourly, 0, 0);
    // Finds so far (by anyone, by residents) at the previous day's end.
    let foundBefore = 0;
    let byResidentsBefore = 0;
    const daily = sim.define(() => {
      this.satisfactionDaily.push(model.meanSatisfaction() ?? NaN);
      const found = model.finds.reduce((a, b) => a + b, 0);
      const byResidents = model.finds[BY_RESIDENT];
      const today = found - foundBefore;
      this.residentShareDaily.push(today > 0 ? (byResidents - byResidentsBefore) / today : NaN);
      foundBefore = found;
      byResidentsBefore = byResidents;
      if (sim.now + MINUTES_PER_DAY <= model.end) sim.schedule(MINUTES_PER_DAY, daily, 0, 0);
    });
    sim.scheduleAt(MINUTES_PER_DAY, daily, 0, 0);
  }

  /**
   * Incident `i` reached a stage (see {@link ModelObserver}): nothing to do. Everything is
   * read from the incident's stage times once, when it closes or when the run ends (see
   * {@link closed}), and the counts the hourly and daily samples need are the model's own.
   * An empty method costs nothing where V8 inlines it, at each of the model's stage reports.
   */
  stage(): void {}

  /** Incident `i` closed (see {@link ModelObserver}). */
  closed(i: number, satisfied: boolean): void {
    const inc = this.incidents;
    const base = i * STAGE_COUNT;
    // Stamped by the model just before: the time now.
    const now = inc.times[base + CLOSED];
    const registered = inc.times[base + REGISTERED] >= 0;
    if (registered) this.addTimeOnPlatform(base, now);
    if (inc.measured[i] === 0) return;
    this.record(i, base);
    const cat = this.categories[inc.category[i]];
    this.counts.closed++;
    cat.closed++;
    if (satisfied) this.counts.satisfied++;
    if (inc.misroutes[i] > 0) this.closedBy.misrouted++;
    if (inc.reopened[i] > 0) this.closedBy.reopened++;
    if (inc.foundBy[i] === BY_VOLUNTEER && !registered) {
      this.counts.fixedByVolunteers++;
      return;
    }
    if (now <= inc.deadline[i]) cat.withinLimit++;
    else {
      cat.late++;
      if (inc.deadline[i] < this.firstMissed) this.firstMissed = inc.deadline[i];
    }
  }

  /**
   * Counts measured incident `i` as arrived and records the measurements of every stage
   * it reached: called once per incident, when it closes or, if still open, when the run ends.
   */
  private record(i: number, base: number): void {
    const inc = this.incidents;
    const times = inc.times;
    const g = inc.grid[i];
    this.counts.arrived++;
    this.categories[inc.category[i]].arrived++;
    this.gridOccurred[g]++;
    this.foundBy[inc.foundBy[i]]++;
    if (inc.escalations[i] > 0) this.counts.escalated++;
    const from = this.from;
    const to = this.to;
    for (let k = 0; k < from.length; k++) {
      const v = times[base + to[k]] - times[base + from[k]];
      // NaN unless the incident reached both stages.
      if (v === v) {
        this.histograms[k].add(v);
        this.sums[k] += v;
      }
    }
    const response = times[base + ON_SITE] - times[base + REGISTERED];
    if (response === response) {
      this.gridResponses[g]++;
      this.gridResponseSum[g] += response;
    }
  }

  /**
   * Adds the part after the warm-up of the time incident `base / STAGE_COUNT` spent on
   * the platform (registered, not closed) and in its queue (registered, not assigned)
   * until `until`, to the areas behind Little's law; counts it in λ if it registered after
   * the warm-up. Called once per registered incident.
   */
  private addTimeOnPlatform(base: number, until: number): void {
    const times = this.incidents.times;
    const registered = times[base + REGISTERED];
    if (registered >= this.warmupEnd) this.registeredInWindow++;
    const from = Math.max(registered, this.warmupEnd);
    if (until > from) this.areaSystem += until - from;
    const assigned = times[base + ASSIGNED];
    const queued = Math.min(assigned >= 0 ? assigned : until, until);
    if (queued > from) this.areaQueue += queued - from;
  }

  private endWarmup(): void {
    this.model.workforce.resetMinutes(this.model.sim.now);
  }

  /** The replication's results; call once the model has run. */
  result(replication: number): ReplicationResult {
    const m = this.model;
    const end = m.sim.now;
    // A run truncated before the warm-up ended measured nothing.
    const window = Math.max(0, end - m.warmupEnd);
    if (end < m.warmupEnd) m.workforce.resetMinutes(end);
    const inc = m.incidents;
    let open = 0;
    for (let i = 0; i < inc.capacity; i++) {
      if (!inc.live[i]) continue;
      const base = i * STAGE_COUNT;
      if (inc.times[base + REGISTERED] >= 0) this.addTimeOnPlatform(base, end);
      if (!inc.measured[i]) continue;
      this.record(i, base);
      open++;
      if (inc.misroutes[i] > 0) this.closedBy.misrouted++;
      if (inc.reopened[i] > 0) this.closedBy.reopened++;
      if (end > inc.deadline[i]) {
        this.categories[inc.category[i]].late++;
        if (inc.deadline[i] < this.firstMissed) this.firstMissed = inc.deadline[i];
      }
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
    const foundBy = Object.fromEntries(FOUND_BY.map((name, k) => [name, this.foundBy[k]])) as ReplicationResult["incidents"]["foundBy"];
    return {
      replication,
      events: m.sim.processed,
      truncated: !Number.isNaN(m.truncatedAt),
      measuredMinutes: window,
      incidents: {
        arrived: this.counts.arrived,
        closed: this.counts.closed,
        open,
        escalated: this.counts.escalated,
        misrouted: this.closedBy.misrouted,
        reopened: this.closedBy.reopened,
        foundBy,
        fixedByVolunteers: this.counts.fixedByVolunteers,
        satisfied: this.counts.satisfied,
        duplicates: m.duplicates,
      },
      categories: this.categories,
      metrics,
      workers: this.workerFigures(window),
      // Per incident the workers closed: a volunteer's fix on the spot costs the staff nothing.
      cost: workforceCost(m.s, m.workforce, window, this.counts.closed - this.counts.fixedByVolunteers, this.extraDutyHoursPerWeek()),
      satisfaction: m.meanSatisfaction(),
      firstMissedLimit: Number.isFinite(this.firstMissed) ? this.firstMissed : null,
      little: {
        L: window > 0 ? this.areaSystem / window : NaN,
        Lq: window > 0 ? this.areaQueue / window : NaN,
        lambda: window > 0 ? this.registeredInWindow / window : NaN,
      },
      grids: this.gridFigures(),
      series: {
        backlogHourly: this.backlog,
        satisfactionDaily: this.satisfactionDaily,
        residentShareDaily: this.residentShareDaily,
      },
    };
  }

  private workerFigures(window: number): ReplicationResult["workers"] {
    const wf = this.model.workforce;
    const W = wf.count;
    const totals = new Float64Array(ACTIVITY_COUNT);
    const busy = new Float64Array(W);
    let overtime = 0;
    for (let w = 0; w < W; w++) {
      for (let a = 0; a < ACTIVITY_COUNT; a++) {
        const minutes = wf.minutes[w * ACTIVITY_COUNT + a];
        totals[a] += minutes;
        if (a !== OFF_DUTY && a !== AVAILABLE) busy[w] += minutes;
      }
      overtime += wf.overtime[w];
    }
    const onDuty = totals.reduce((a, b) => a + b, 0) - totals[OFF_DUTY];
    const perWorkerHours = (minutes: number) => (W ? minutes / W / 60 : 0);
    const hoursByActivity = {} as HoursByActivity;
    ACTIVITIES.forEach((name, a) => (hoursByActivity[name] = perWorkerHours(totals[a])));
    const patrolShare = this.model.s.patrol.enabled ? this.model.s.patrol.share : 0;
    hoursByActivity.patrol = hoursByActivity.available * patrolShare;
    hoursByActivity.idle = hoursByActivity.available - hoursByActivity.patrol;
    const weeks = window / (7 * MINUTES_PER_DAY);
    // A run stopped before the warm-up ended measured no worker time: its ratios are undefined (NaN, null in JSON).
    const measured = window > 0 ? 1 : NaN;
    return {
      count: W,
      // A share, kept in [0, 1] whatever the rounding of the minutes summed.
      utilization: onDuty > 0 ? Math.min(1, Math.max(0, 1 - totals[AVAILABLE] / onDuty)) : 0 * measured,
      hoursByActivity,
      overtimeHoursPerWeek: W && weeks > 0 ? overtime / W / 60 / weeks : 0 * measured,
      workloadGini: gini(busy) * measured,
    };
  }

  /** On-duty hours per week rostered beyond the standard roster, summed over workers. */
  private extraDutyHoursPerWeek(): number {
    let hours = 0;
    for (let w = 0; w < this.model.workforce.count; w++) hours += this.model.roster.extraWeeklyHours(w);
    return hours;
  }

  private gridFigures(): ReplicationResult["grids"] {
    const m = this.model;
    const wf = m.workforce;
    const G = m.layout.grids;
    const utilization = new Array<number>(G).fill(0);
    for (let g = 0; g < G; g++) {
      let busy = 0;
      let duty = 0;
      for (let w = wf.gridWorkerFirst[g]; w >= 0 && w <= wf.gridWorkerLast[g]; w++) {
        for (let a = 0; a < ACTIVITY_COUNT; a++) {
          const minutes = wf.minutes[w * ACTIVITY_COUNT + a];
          if (a !== OFF_DUTY) duty += minutes;
          if (a !== OFF_DUTY && a !== AVAILABLE) busy += minutes;
        }
      }
      utilization[g] = duty > 0 ? Math.min(1, busy / duty) : 0;
    }
    return {
      occurred: Array.from(this.gridOccurred),
      meanResponse: Array.from(this.gridResponses, (n, g) => (n > 0 ? this.gridResponseSum[g] / n : null)),
      utilization,
    };
  }
}
