import { aliasTable, type AliasTable } from "../kernel/aliasTable.js";
import { sampler, type Sampler } from "../kernel/distribution.js";
import { MINUTES_PER_DAY, PoissonProcess } from "../kernel/PoissonProcess.js";
import { rngStream, type Rng } from "../kernel/rngStream.js";
import { ServerPool } from "../kernel/ServerPool.js";
import { Simulation } from "../kernel/Simulation.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import { meanIncidentRate } from "./checkFeasibility.js";
import * as crewConstants from "./Crew.js";
import { Crew, type VisitOutcomes } from "./Crew.js";
import { DispatchPools } from "./DispatchPools.js";
import { hotspotBlocks, type HotspotBlocks } from "./hotspotBlocks.js";
import { DECISION, IncidentRandom } from "./IncidentRandom.js";
import * as incidentConstants from "./IncidentStore.js";
import { FOUND_BY, IncidentStore } from "./IncidentStore.js";
import { unobserved, type ModelObserver } from "./ModelObserver.js";
import { buildLayout, gridAt, type Layout } from "./Layout.js";
import { PatrolCoverage } from "./PatrolCoverage.js";
import { NEIGHBOURHOOD_HOUSEHOLDS, type ResidentPopulation } from "./ResidentPopulation.js";
import { residentPopulationFor } from "./residentPopulationFor.js";
import { dailyAdminMinutes, dutyOffsets, Roster } from "./Roster.js";
import { WorkCalendar } from "./WorkCalendar.js";
import { Workforce } from "./Workforce.js";
import { log } from "../kernel/detMath.js";

/** Where the random numbers of one replication come from. */
export interface ReplicationSeed {
  /** Root seed of the run. */
  seed: number | string;
  /** Replication index (0-based); each index has its own streams. */
  replication: number;
}

// Module-local copies of imported constants: they are read on every event, and V8
// reads a module-local constant faster than an imported binding, which costs a cell
// load and an initialisation check per use (docs/performance.md).
const { BY_ITSELF, BY_PATROL, BY_RESIDENT, BY_VOLUNTEER, PHASE_VERIFY } = incidentConstants;
const { OCCURRED, DISCOVERED, REGISTERED, ESCALATED, CLOSED, STAGE_COUNT } = incidentConstants;
const { P_FINISH, P_MOVE } = crewConstants;
const { VOLUNTEER_FIX, DUPLICATE, INTAKE_DELAY, MANUAL_DISPATCH, ACCEPTANCE, MISROUTE, MISROUTE_DELAY, ACCEPTANCE_AGAIN, DEPARTMENT_TIME, DEPARTMENT_FAULT } = DECISION;
const P_REGISTER = 2;
const P_ARRIVAL = 3;

/**
 * One replication of a grid district: incidents occur, are found (by residents,
 * patrols or volunteers), registered, dispatched to a grid worker, handled on site or
 * escalated to a department, verified and closed — the closed loop of `docs/model.md`.
 * Workers' behaviour lives in {@link Crew}. The model owns its kernel and random
 * streams, and reports each incident's progress to its {@link observer}; it measures
 * nothing itself.
 */
export class GridModel implements VisitOutcomes {
  readonly sim = new Simulation(4096);
  readonly s: Scenario;
  readonly layout: Layout;
  readonly workforce: Workforce;
  readonly pools: DispatchPools;
  readonly incidents = new IncidentStore(1024);
  readonly residents: ResidentPopulation | null;
  /** Residents' satisfaction in each grid (0..1). */
  readonly satisfaction: Float64Array;
  readonly crew: Crew;
  readonly roster: Roster;
  /** The platform's office hours, for time limits counted in working hours. */
  readonly calendar: WorkCalendar;
  /** Department teams: one pool per street, then the district's. */
  readonly departments: ServerPool[];
  /** End of the warm-up and of the run (minutes). */
  readonly warmupEnd: number;
  readonly end: number;
  /** Told of each incident's stages and closing (the measurements, usually: see ReplicationCollector). */
  observer: ModelObserver = unobserved;
  /** Duplicate reports registered for incidents of the measured window (a cost of not merging them). */
  duplicates = 0;
  /** Incidents registered on the platform and not closed yet. */
  onPlatform = 0;
  /** Incidents found so far, warm-up included, by who found them first (index: {@link FOUND_BY}). */
  readonly finds = new Float64Array(FOUND_BY.length);
  /** Set when the run stopped early because too many incidents were open. */
  truncatedAt = NaN;

  private readonly arrivals: PoissonProcess;
  private readonly blocks: HotspotBlocks;
  private readonly blockTable: AliasTable;
  private readonly categoryTable: AliasTable;
  private readonly urgentShare: Float64Array;
  private readonly reportable: Uint8Array;
  private readonly minor: Uint8Array;
  private readonly serviceTime: Sampler[];
  private readonly deptTime: Sampler[];
  private readonly timeLimit: Float64Array;
  private readonly limitInWorkingHours: Uint8Array;
  private readonly intakeDelay: Sampler;
  private readonly manualDelay: Sampler;
  private readonly acceptanceDelay: Sampler;
  private readonly misrouteDelay: Sampler;
  private readonly patrol: PatrolCoverage | null;
  /** {@link NEIGHBOURHOOD_HOUSEHOLDS} ÷ a grid's households: scales how far one closure moves a grid's satisfaction. */
  private readonly neighbourhoods: number;
  private readonly random = new IncidentRandom();
  private readonly rngArrivals: Rng;
  private readonly rngService: Rng;
  private readonly rngDiscovery: Rng;
  private readonly rngOutcomes: Rng;
  private readonly kArrival: number;
  private readonly kReport: number;
  private readonly kPatrolFind: number;
  private readonly kRegister: number;
  private readonly kDispatch: number;
  private readonly kDeptArrive: number;
  private readonly kDeptDone: number;
  private readonly kDay: number;
  private readonly kShiftStart: number;
  private readonly kShiftEnd: number;
  // Scenario switches read on every incident, copied out of the nested scenario object.
  private readonly discoveryOn: boolean;
  private readonly intakeOn: boolean;
  private readonly manualDispatch: boolean;
  private readonly maxOpen: number;

  constructor(scenario: Scenario, { seed, replication }: ReplicationSeed) {
    const s = (this.s = scenario);
    const sim = this.sim;
    this.layout = buildLayout(s);
    this.workforce = new Workforce(s, this.layout, rngStream(seed, "staffing", replication));
    this.pools = new DispatchPools(s, this.layout, this.workforce);
    this.residents = s.residents.enabled ? residentPopulationFor(s, this.layout, seed) : null;
    this.satisfaction = new Float64Array(this.layout.grids).fill(s.residents.initialSatisfaction);
    this.neighbourhoods = NEIGHBOURHOOD_HOUSEHOLDS / (s.district.households / this.layout.grids);
    this.roster = new Roster(s, this.workforce.partTime, dutyOffsets(this.pools, this.workforce.count));
    this.calendar = new WorkCalendar(s.incidents.officeHours.workdays, s.incidents.officeHours.start, s.incidents.officeHours.end);
    this.warmupEnd = s.run.warmupDays * MINUTES_PER_DAY;
    this.end = s.run.days * MINUTES_PER_DAY;

    const cats = s.incidents.categories;
    this.arrivals = new PoissonProcess(meanIncidentRate(s), s.incidents.hourOfDay, s.incidents.dayOfWeek);
    this.blocks = hotspotBlocks(s, rngStream(seed, "hotspots", 0));
    this.blockTable = aliasTable(this.blocks.weight);
    this.categoryTable = aliasTable(cats.map((c) => c.share));
    this.urgentShare = Float64Array.from(cats, (c) => c.urgentShare);
    this.reportable = Uint8Array.from(cats, (c) => (c.residentsReport ? 1 : 0));
    this.minor = Uint8Array.from(cats, (c) => (c.minor ? 1 : 0));
    this.serviceTime = cats.map((c) => sampler(c.serviceTime));
    this.deptTime = cats.map((c) => sampler(c.departmentServiceTime));
    this.timeLimit = Float64Array.from(cats, (c) => c.timeLimitHours * 60);
    this.limitInWorkingHours = Uint8Array.from(cats, (c) => (c.timeLimitInWorkingHours ? 1 : 0));
    this.intakeDelay = sampler(s.intake.delay);
    this.manualDelay = sampler(s.dispatch.manualDelay);
    this.acceptanceDelay = sampler(s.escalation.acceptanceDelay);
    this.misrouteDelay = sampler(s.escalation.misrouteDelay);
    this.departments = [];
    for (let k = 0; k < this.layout.streets; k++) this.departments.push(new ServerPool(s.escalation.streetTeams));
    this.departments.push(new ServerPool(s.escalation.districtTeams));

    this.discoveryOn = s.discovery.enabled;
    this.intakeOn = s.intake.enabled;
    this.manualDispatch = s.dispatch.mode === "manual";
    this.maxOpen = s.run.maxOpenIncidents;

    this.rngArrivals = rngStream(seed, "arrivals", replication);
    this.rngService = rngStream(seed, "service", replication);
    this.rngDiscovery = rngStream(seed, "discovery", replication);
    this.rngOutcomes = rngStream(seed, "outcomes", replication);

    const kPatrolFind = (this.kPatrolFind = sim.define((g) => this.patrolFind(g)));
    const area = this.layout.cellWidth * this.layout.cellHeight;
    const p = s.patrol;
    this.patrol =
      s.discovery.enabled && p.enabled
        ? new PatrolCoverage(this.layout.grids, area, ((p.speedKmh * 1000) / 60) * p.sweepMeters * p.share, sim, kPatrolFind, P_MOVE, this.end)
        : null;
    this.crew = new Crew(s, sim, this.incidents, this.workforce, this.pools, this.patrol, this.random, this);

    // Bound methods rather than arrow wrappers: the kernel's dispatch then lands in the
    // method itself, one JavaScript frame less per event.
    this.kArrival = sim.define(this.arrive.bind(this));
    this.kReport = sim.define(this.reported.bind(this));
    this.kRegister = sim.define(this.register.bind(this));
    // Looked up at each call, so that wrapping `crew.request` (as the tests do) sees every request.
    this.kDispatch = sim.define((i) => this.crew.request(i));
    this.kDeptArrive = sim.define(this.reachDepartment.bind(this));
    this.kDeptDone = sim.define(this.departmentDone.bind(this));
    this.kDay = sim.define(this.startDay.bind(this));
    this.kShiftStart = sim.define((w) => {
      const day = Math.floor(sim.now / MINUTES_PER_DAY);
      const shift = this.roster.shift(w, day);
      // Ordered tasks come on working days; weekend duty covers incidents only.
      const admin = s.shifts.workdays[day % 7] ? this.dailyAdmin(w) : 0;
      this.crew.startShift(w, admin, shift ? shift[1] : sim.now);
    });
    this.kShiftEnd = sim.define((w) => this.crew.endShift(w));
  }

  /** Runs the replication to its end (or until truncated) and books all worker time. */
  run(): void {
    const sim = this.sim;
    if (!this.s.shifts.enabled) {
      for (let w = 0; w < this.workforce.count; w++) this.crew.startShift(w, 0);
    }
    sim.scheduleAt(0, this.kDay, 0, P_FINISH);
    const first = this.arrivals.next(0, this.rngArrivals);
    if (first < this.end) sim.scheduleAt(first, this.kArrival, 0, P_ARRIVAL);
    sim.run(this.end);
    this.workforce.flush(sim.now);
  }

  /** Minutes of ordered admin tasks worker `w` gets for a shift. */
  private dailyAdmin(w: number): number {
    return dailyAdminMinutes(this.s, this.workforce.partTime[w] === 1);
  }

  /** Midnight: schedule the day's shifts (or, without shifts, hand out the day's admin tasks). */
  private startDay(day: number): void {
    const sim = this.sim;
    const now = sim.now;
    if (now + MINUTES_PER_DAY < this.end) sim.scheduleAt(now + MINUTES_PER_DAY, this.kDay, day + 1, P_FINISH);
    for (let w = 0; w < this.workforce.count; w++) {
      if (!this.s.shifts.enabled) {
        if (this.s.shifts.workdays[day % 7]) this.crew.addAdmin(w, this.dailyAdmin(w));
        continue;
      }
      const shift = this.roster.shift(w, day);
      if (!shift) continue;
      if (shift[0] < this.end) sim.scheduleAt(shift[0], this.kShiftStart, w, P_FINISH);
      if (shift[1] < this.end) sim.scheduleAt(shift[1], this.kShiftEnd, w, P_FINISH);
    }
  }

  /** Records that incident `i` reached `stage` now, and tells the observer. */
  stage(i: number, stage: number): void {
    const now = this.sim.now;
    this.incidents.times[i * STAGE_COUNT + stage] = now;
    this.observer.stage(i, stage, now);
  }

  // ---------------------------------------------------------------- occurrence and discovery

  private arrive(): void {
    const sim = this.sim;
    const now = sim.now;
    const inc = this.incidents;
    const rng = this.rngArrivals;
    const next = this.arrivals.next(now, rng);
    if (next < this.end) sim.scheduleAt(next, this.kArrival, 0, P_ARRIVAL);

    const i = inc.allocate();
    const b = this.blockTable.sample(rng);
    const x = this.blocks.x0[b] + rng.next() * this.blocks.w[b];
    const y = this.blocks.y0[b] + rng.next() * this.blocks.h[b];
    const c = this.categoryTable.sample(rng);
    const g = gridAt(this.layout, x, y);
    inc.x[i] = x;
    inc.y[i] = y;
    inc.grid[i] = g;
    inc.category[i] = c;
    inc.urgent[i] = rng.next() < this.urgentShare[c] ? 1 : 0;
    inc.service[i] = this.serviceTime[c].sample(this.rngService);
    inc.key[i] = (this.rngOutcomes.next() * 4294967296) >>> 0;
    inc.measured[i] = now >= this.warmupEnd ? 1 : 0;
    this.stage(i, OCCURRED);
    if (inc.open > this.maxOpen) {
      this.truncatedAt = now;
      sim.stop();
      return;
    }
    if (!this.discoveryOn) {
      this.discover(i, BY_ITSELF);
      return;
    }
    // Three exponential clocks race: residents' report, a volunteer, the patrol (Exp(1) of area swept).
    const r = this.rngDiscovery;
    const eResident = -log(1 - r.next());
    const eVolunteer = -log(1 - r.next());
    const ePatrol = -log(1 - r.next());
    const res = this.residents;
    let at = Infinity;
    let by = 0;
    if (res) {
      const rs = this.s.residents;
      if (this.reportable[c]) {
        let weight = res.meanPropensityWeight > 0 ? res.reportWeight[g] / res.meanPropensityWeight : 0;
        if (rs.feedback) weight *= Math.max(0, 1 + rs.feedbackStrength * (this.satisfaction[g] - rs.initialSatisfaction));
        const rate = (rs.reportsPerHour / 60) * weight;
        if (rate > 0) {
          at = now + eResident / rate;
          by = BY_RESIDENT;
        }
      }
      // Volunteers are residents too: they do not notice what residents never report.
      const vRate = this.reportable[c] ? (res.volunteersAround(x, y) * rs.volunteerFindsPerHour) / 60 : 0;
      if (vRate > 0 && now + eVolunteer / vRate < at) {
        at = now + eVolunteer / vRate;
        by = BY_VOLUNTEER;
      }
    }
    this.patrol?.watch(i, g, ePatrol, now);
    inc.reportAt[i] = at;
    inc.reportBy[i] = by;
    if (at < this.end) sim.scheduleAt(at, this.kReport, i, P_REGISTER);
  }

  /** A resident or volunteer report comes due (unless a patrol found the incident first). */
  private reported(i: number): void {
    const inc = this.incidents;
    // Stale if found first by a patrol — or if the id now holds a newer incident.
    if (inc.foundBy[i] !== 0 || inc.live[i] !== 1 || inc.reportAt[i] !== this.sim.now) return;
    this.patrol?.unwatch(i, inc.grid[i], this.sim.now);
    if (inc.reportBy[i] === BY_VOLUNTEER && this.minor[inc.category[i]] && this.draw(i, VOLUNTEER_FIX).next() < this.s.residents.volunteerFixShare) {
      // Fixed on the spot by a volunteer: never reaches the platform.
      inc.foundBy[i] = BY_VOLUNTEER;
      this.stage(i, DISCOVERED);
      this.finds[BY_VOLUNTEER]++;
      this.stage(i, CLOSED);
      this.observer.closed(i, true);
      this.satisfy(inc.grid[i], true);
      inc.release(i);
      return;
    }
    this.discover(i, inc.reportBy[i]);
  }

  private patrolFind(g: number): void {
    const i = this.patrol!.find(g, this.sim.now);
    if (i >= 0) this.discover(i, BY_PATROL);
  }

  private discover(i: number, by: number): void {
    const inc = this.incidents;
    inc.foundBy[i] = by;
    this.stage(i, DISCOVERED);
    this.finds[by]++;
    if (by === BY_RESIDENT && this.draw(i, DUPLICATE).next() < this.s.intake.duplicateShare) {
      if (inc.measured[i]) this.duplicates++;
      if (!this.s.intake.mergeDuplicates && this.s.admin.enabled) {
        const w = this.workforce.gridWorkerFirst[inc.grid[i]];
        if (w >= 0) this.crew.addAdmin(w, this.s.admin.dataEntryMinutesPerStage);
      }
    }
    if (!this.intakeOn) {
      this.register(i);
      return;
    }
    const t = this.sim.now + this.intakeDelay.sample(this.draw(i, INTAKE_DELAY));
    if (t < this.end) this.sim.scheduleAt(t, this.kRegister, i, P_REGISTER);
  }

  private register(i: number): void {
    const inc = this.incidents;
    const now = this.sim.now;
    const c = inc.category[i];
    inc.deadline[i] = this.limitInWorkingHours[c]
      ? this.calendar.addWorkingMinutes(now, this.timeLimit[c])
      : now + this.timeLimit[c];
    this.stage(i, REGISTERED);
    this.onPlatform++;
    if (this.manualDispatch) {
      const t = now + this.manualDelay.sample(this.draw(i, MANUAL_DISPATCH));
      if (t < this.end) this.sim.scheduleAt(t, this.kDispatch, i, P_REGISTER);
      return;
    }
    this.crew.request(i);
  }

  // ---------------------------------------------------------------- departments

  /** Hands incident `i` to its department: accepted after a delay (capped by the whistle), maybe misrouted. */
  escalate(i: number): void {
    const inc = this.incidents;
    const e = this.s.escalation;
    inc.worker[i] = -1;
    inc.phase[i] = PHASE_VERIFY;
    if (inc.escalations[i] === 0) this.stage(i, ESCALATED);
    inc.escalations[i] = Math.min(255, inc.escalations[i] + 1);
    const level = this.s.incidents.categories[inc.category[i]].escalateTo;
    inc.department[i] = level === "street" ? this.layout.streetOfGrid[inc.grid[i]] : this.layout.streets;
    let delay = this.acceptanceDelay.sample(this.draw(i, ACCEPTANCE));
    if (e.whistle) delay = Math.min(delay, e.whistleHours * 60);
    if (this.draw(i, MISROUTE).next() < e.misrouteProbability) {
      inc.misroutes[i] = Math.min(255, inc.misroutes[i] + 1);
      delay += this.misrouteDelay.sample(this.draw(i, MISROUTE_DELAY));
      // Routed again after bouncing back: a second acceptance delay.
      let again = this.acceptanceDelay.sample(this.draw(i, ACCEPTANCE_AGAIN));
      if (e.whistle) again = Math.min(again, e.whistleHours * 60);
      delay += again;
    }
    const t = this.sim.now + delay;
    if (t < this.end) this.sim.scheduleAt(t, this.kDeptArrive, i, P_REGISTER);
  }

  private reachDepartment(i: number): void {
    if (this.departments[this.incidents.department[i]].request(i)) this.startDepartmentWork(i);
  }

  private startDepartmentWork(i: number): void {
    const t = this.sim.now + this.deptTime[this.incidents.category[i]].sample(this.draw(i, DEPARTMENT_TIME));
    if (t < this.end) this.sim.scheduleAt(t, this.kDeptDone, i, P_FINISH);
  }

  /** A department's fix failed verification: it goes back to the department, as on first escalation. */
  reescalate(i: number): void {
    this.escalate(i);
  }

  private departmentDone(i: number): void {
    const inc = this.incidents;
    const next = this.departments[inc.department[i]].release();
    if (next >= 0) this.startDepartmentWork(next);
    if (!this.s.verification.enabled) {
      this.close(i);
      return;
    }
    inc.faulty[i] = this.draw(i, DEPARTMENT_FAULT).next() < this.s.verification.faultShare ? 1 : 0;
    this.crew.request(i);
  }

  // ---------------------------------------------------------------- closing

  /** Closes incident `i`: residents judge it, and its id is freed. */
  close(i: number): void {
    const inc = this.incidents;
    const now = this.sim.now;
    this.stage(i, CLOSED);
    this.onPlatform--;
    const satisfied = now <= inc.deadline[i] && inc.faulty[i] === 0;
    this.observer.closed(i, satisfied);
    this.satisfy(inc.grid[i], satisfied);
    inc.release(i);
  }

  /** Moves grid `g`'s satisfaction toward the verdict of a closed incident. */
  private satisfy(g: number, satisfied: boolean): void {
    if (!this.residents) return;
    const m = Math.min(1, this.s.residents.satisfactionMemory * this.neighbourhoods);
    this.satisfaction[g] += m * ((satisfied ? 1 : 0) - this.satisfaction[g]);
  }

  /** Residents' mean satisfaction (0..1), or null without residents. */
  meanSatisfaction(): number | null {
    return this.residents ? this.residents.meanSatisfaction(this.satisfaction) : null;
  }

  private draw(i: number, decision: number): Rng {
    return this.random.decide(this.incidents, i, decision);
  }
}
