import { aliasTable, type AliasTable } from "../kernel/aliasTable.js";
import { sampler, type Sampler } from "../kernel/distribution.js";
import { MINUTES_PER_DAY, PoissonProcess } from "../kernel/PoissonProcess.js";
import { rngStream, type Rng } from "../kernel/rngStream.js";
import { Simulation } from "../kernel/Simulation.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import { DispatchPools } from "./DispatchPools.js";
import { hotspotBlocks, type HotspotBlocks } from "./hotspotBlocks.js";
import { ASSIGNED, CLOSED, DISCOVERED, IncidentStore, OCCURRED, ON_SITE, REGISTERED, STAGE_COUNT } from "./IncidentStore.js";
import { buildLayout, gridAt, type Layout } from "./Layout.js";
import { AVAILABLE, HANDLING, RETURNING, TRAVEL, Workforce } from "./Workforce.js";

/** Where the random numbers of one replication come from. */
export interface ReplicationSeed {
  /** Root seed of the run. */
  seed: number | string;
  /** Replication index (0-based); each index has its own streams. */
  replication: number;
}

/** Event priorities at equal times: work finishing before new work arriving. */
const P_FINISH = 0;
const P_MOVE = 1;
const P_REGISTER = 2;
const P_ARRIVAL = 3;

/**
 * One replication of a grid district: incidents occur, are discovered, registered,
 * dispatched to a grid worker, reached and handled — the closed loop of
 * `docs/model.md`. The model owns its kernel and its random streams and reports each
 * incident's progress through {@link onStage}; it measures nothing itself.
 */
export class GridModel {
  readonly sim = new Simulation(4096);
  readonly layout: Layout;
  readonly workforce: Workforce;
  readonly pools: DispatchPools;
  readonly incidents = new IncidentStore(1024);
  /** End of the warm-up and of the run (minutes). */
  readonly warmupEnd: number;
  readonly end: number;
  /** Called each time an incident reaches a stage, before anything else changes. */
  onStage: (id: number, stage: number) => void = () => {};
  /** Set when the run stopped early because too many incidents were open. */
  truncatedAt = NaN;

  private readonly s: Scenario;
  private readonly arrivals: PoissonProcess;
  private readonly blocks: HotspotBlocks;
  private readonly blockTable: AliasTable;
  private readonly categoryTable: AliasTable;
  private readonly urgentShare: Float64Array;
  private readonly serviceTime: Sampler[];
  private readonly reportDelay: Sampler;
  private readonly intakeDelay: Sampler;
  private readonly patrolRate: Float64Array;
  private readonly metresPerMinute: number;
  private readonly euclidean: boolean;
  private readonly rngArrivals: Rng;
  private readonly rngService: Rng;
  private readonly rngDiscovery: Rng;
  private readonly rngIntake: Rng;
  private readonly kArrival: number;
  private readonly kDiscover: number;
  private readonly kRegister: number;
  private readonly kOnSite: number;
  private readonly kHandled: number;
  private readonly kReturned: number;

  constructor(scenario: Scenario, { seed, replication }: ReplicationSeed) {
    const s = (this.s = scenario);
    this.layout = buildLayout(s);
    this.workforce = new Workforce(s, this.layout);
    this.pools = new DispatchPools(s, this.layout, this.workforce);
    this.warmupEnd = s.run.warmupDays * MINUTES_PER_DAY;
    this.end = s.run.days * MINUTES_PER_DAY;

    const residents = s.district.households * s.district.personsPerHousehold;
    const perMinute = s.incidents.ratePerHour !== undefined
      ? s.incidents.ratePerHour / 60
      : (residents * s.incidents.ratePerResidentPerYear) / (365 * MINUTES_PER_DAY);
    this.arrivals = new PoissonProcess(perMinute, s.incidents.hourOfDay, s.incidents.dayOfWeek);
    this.blocks = hotspotBlocks(s, rngStream(seed, "hotspots", 0));
    this.blockTable = aliasTable(this.blocks.weight);
    this.categoryTable = aliasTable(s.incidents.categories.map((c) => c.share));
    this.urgentShare = Float64Array.from(s.incidents.categories, (c) => c.urgentShare);
    this.serviceTime = s.incidents.categories.map((c) => sampler(c.serviceTime));
    this.reportDelay = sampler(s.discovery.residentReportDelay);
    this.intakeDelay = sampler(s.intake.delay);
    this.metresPerMinute = (s.travel.speedKmh * 1000) / 60;
    this.euclidean = s.travel.metric === "euclidean";

    // Patrol discovery hazard per grid (per minute): effort × speed × sweep width ÷ area.
    const area = this.layout.cellWidth * this.layout.cellHeight;
    const sweep = ((s.discovery.patrolSpeedKmh * 1000) / 60) * s.discovery.patrolSweepMeters * s.discovery.patrolShare;
    this.patrolRate = this.workforce.patrolEffort.map((e) => (e * sweep) / area);

    this.rngArrivals = rngStream(seed, "arrivals", replication);
    this.rngService = rngStream(seed, "service", replication);
    this.rngDiscovery = rngStream(seed, "discovery", replication);
    this.rngIntake = rngStream(seed, "intake", replication);

    const sim = this.sim;
    this.kArrival = sim.define(() => this.arrive());
    this.kDiscover = sim.define((i) => this.discover(i));
    this.kRegister = sim.define((i) => this.register(i));
    this.kOnSite = sim.define((i) => this.reachSite(i));
    this.kHandled = sim.define((i) => this.finish(i));
    this.kReturned = sim.define((w) => this.backAtPost(w));
  }

  /** Runs the replication to its end (or until truncated) and books all worker time. */
  run(): void {
    const first = this.arrivals.next(0, this.rngArrivals);
    if (first < this.end) this.sim.scheduleAt(first, this.kArrival, 0, P_ARRIVAL);
    this.sim.run(this.end);
    this.workforce.flush(this.sim.now);
  }

  private stage(i: number, stage: number): void {
    this.incidents.times[i * STAGE_COUNT + stage] = this.sim.now;
    this.onStage(i, stage);
  }

  private arrive(): void {
    const sim = this.sim;
    const now = sim.now;
    const inc = this.incidents;
    const rng = this.rngArrivals;
    const next = this.arrivals.next(now, rng);
    if (next < this.end) sim.scheduleAt(next, this.kArrival, 0, P_ARRIVAL);

    const i = inc.allocate();
    const b = this.blockTable.sample(rng);
    const x = this.blocks.x0[b] + rng() * this.blocks.w[b];
    const y = this.blocks.y0[b] + rng() * this.blocks.h[b];
    const c = this.categoryTable.sample(rng);
    inc.x[i] = x;
    inc.y[i] = y;
    inc.grid[i] = gridAt(this.layout, x, y);
    inc.category[i] = c;
    inc.urgent[i] = rng() < this.urgentShare[c] ? 1 : 0;
    inc.service[i] = this.serviceTime[c](this.rngService);
    inc.measured[i] = now >= this.warmupEnd ? 1 : 0;
    this.stage(i, OCCURRED);
    if (inc.open > this.s.run.maxOpenIncidents) {
      this.truncatedAt = now;
      sim.stop();
      return;
    }

    const d = this.s.discovery;
    if (!d.enabled) {
      this.discover(i);
      return;
    }
    const r = this.rngDiscovery;
    const reported = r() < d.residentReportProbability;
    const residentDelay = this.reportDelay(r);
    const u = r();
    const rate = this.patrolRate[inc.grid[i]];
    const patrol = rate > 0 ? -Math.log(1 - u) / rate : Infinity;
    const delay = Math.min(reported ? residentDelay : Infinity, patrol);
    if (now + delay < this.end) sim.scheduleAt(now + delay, this.kDiscover, i, P_REGISTER);
  }

  private discover(i: number): void {
    this.stage(i, DISCOVERED);
    if (!this.s.intake.enabled) {
      this.register(i);
      return;
    }
    const t = this.sim.now + this.intakeDelay(this.rngIntake);
    if (t < this.end) this.sim.scheduleAt(t, this.kRegister, i, P_REGISTER);
  }

  private register(i: number): void {
    this.stage(i, REGISTERED);
    const inc = this.incidents;
    const pools = this.pools;
    const p = pools.poolOfGrid[inc.grid[i]];
    const n = pools.freeCount[p];
    if (n === 0) {
      pools.enqueue(p, this.s.dispatch.urgentFirst && inc.urgent[i] ? 0 : 1, i, inc.next);
      return;
    }
    let best = 0;
    if (this.s.travel.enabled && n > 1) {
      let bestDistance = Infinity;
      const base = pools.start[p];
      for (let k = 0; k < n; k++) {
        const dist = this.distanceToWorker(pools.free[base + k], inc.x[i], inc.y[i]);
        if (dist < bestDistance) {
          bestDistance = dist;
          best = k;
        }
      }
    }
    this.assign(i, pools.takeFree(p, best));
  }

  private assign(i: number, w: number): void {
    const inc = this.incidents;
    const wf = this.workforce;
    const now = this.sim.now;
    inc.worker[i] = w;
    this.stage(i, ASSIGNED);
    if (!this.s.travel.enabled) {
      wf.setActivity(w, HANDLING, now);
      this.reachSite(i);
      return;
    }
    this.locate(w, now);
    wf.setActivity(w, TRAVEL, now);
    const travel = this.distance(wf.x[w], wf.y[w], inc.x[i], inc.y[i]) / this.metresPerMinute;
    this.sim.scheduleAt(now + travel, this.kOnSite, i, P_MOVE);
  }

  private reachSite(i: number): void {
    const inc = this.incidents;
    const w = inc.worker[i];
    const now = this.sim.now;
    this.stage(i, ON_SITE);
    this.workforce.x[w] = inc.x[i];
    this.workforce.y[w] = inc.y[i];
    this.workforce.setActivity(w, HANDLING, now);
    this.sim.scheduleAt(now + inc.service[i] / this.s.staffing.skill, this.kHandled, i, P_FINISH);
  }

  private finish(i: number): void {
    const inc = this.incidents;
    const w = inc.worker[i];
    this.stage(i, CLOSED);
    inc.release(i);
    this.release(w);
  }

  /** Worker `w` is done with an incident: take the next waiting one, or head back / patrol. */
  private release(w: number): void {
    const wf = this.workforce;
    const now = this.sim.now;
    const after = this.s.dispatch.afterIncident;
    const atPost = wf.x[w] === wf.postX[w] && wf.y[w] === wf.postY[w];
    if (after === "returnToPostBeforeNext" && this.s.travel.enabled && !atPost) {
      this.startReturn(w, now);
      return;
    }
    const next = this.pools.dequeue(this.pools.poolOfWorker[w], this.incidents.next);
    if (next >= 0) {
      this.assign(next, w);
      return;
    }
    this.pools.pushFree(w);
    if (after === "returnToPost" && this.s.travel.enabled && !atPost) this.startReturn(w, now);
    else wf.setActivity(w, AVAILABLE, now);
  }

  private startReturn(w: number, now: number): void {
    const wf = this.workforce;
    wf.setActivity(w, RETURNING, now);
    wf.moveStart[w] = now;
    wf.moveEnd[w] = now + this.distance(wf.x[w], wf.y[w], wf.postX[w], wf.postY[w]) / this.metresPerMinute;
    this.sim.scheduleAt(wf.moveEnd[w], this.kReturned, w, P_MOVE);
  }

  private backAtPost(w: number): void {
    const wf = this.workforce;
    const now = this.sim.now;
    // A worker sent elsewhere on the way back has left this walk behind.
    if (wf.activity[w] !== RETURNING || wf.moveEnd[w] !== now) return;
    wf.x[w] = wf.postX[w];
    wf.y[w] = wf.postY[w];
    if (this.s.dispatch.afterIncident === "returnToPostBeforeNext") {
      this.release(w);
      return;
    }
    wf.setActivity(w, AVAILABLE, now);
  }

  /** Updates the position of a worker walking back to the post to where they are at `now`. */
  private locate(w: number, now: number): void {
    const wf = this.workforce;
    if (wf.activity[w] !== RETURNING) return;
    const total = wf.moveEnd[w] - wf.moveStart[w];
    const f = total > 0 ? Math.min(1, (now - wf.moveStart[w]) / total) : 1;
    const dx = wf.postX[w] - wf.x[w];
    const dy = wf.postY[w] - wf.y[w];
    if (this.euclidean) {
      wf.x[w] += f * dx;
      wf.y[w] += f * dy;
      return;
    }
    // Right-angle walk: east–west leg first, then north–south.
    const walked = f * (Math.abs(dx) + Math.abs(dy));
    if (walked <= Math.abs(dx)) {
      wf.x[w] += Math.sign(dx) * walked;
    } else {
      wf.x[w] = wf.postX[w];
      wf.y[w] += Math.sign(dy) * (walked - Math.abs(dx));
    }
  }

  private distanceToWorker(w: number, x: number, y: number): number {
    const wf = this.workforce;
    if (wf.activity[w] === RETURNING) {
      // Judge a walking worker by where they are now, without moving them yet.
      const sx = wf.x[w];
      const sy = wf.y[w];
      this.locate(w, this.sim.now);
      const d = this.distance(wf.x[w], wf.y[w], x, y);
      wf.x[w] = sx;
      wf.y[w] = sy;
      return d;
    }
    return this.distance(wf.x[w], wf.y[w], x, y);
  }

  private distance(x1: number, y1: number, x2: number, y2: number): number {
    const dx = x1 - x2;
    const dy = y1 - y2;
    return this.euclidean ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx) + Math.abs(dy);
  }
}
