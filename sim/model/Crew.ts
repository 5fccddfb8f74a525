import { sampler, type Sampler } from "../kernel/distribution.js";
import type { Simulation } from "../kernel/Simulation.js";
import type { Scenario } from "../scenario/scenarioSchema.js";
import type { DispatchPools } from "./DispatchPools.js";
import { DECISION, type IncidentRandom } from "./IncidentRandom.js";
import * as incidentConstants from "./IncidentStore.js";
import type { IncidentStore } from "./IncidentStore.js";
import type { PatrolCoverage } from "./PatrolCoverage.js";
import * as activities from "./Workforce.js";
import type { Workforce } from "./Workforce.js";
import { pow } from "../kernel/detMath.js";

// Module-local copies of imported constants: they are read on every event, and V8
// reads a module-local constant faster than an imported binding, which costs a cell
// load and an initialisation check per use (docs/performance.md).
const { ASSIGNED, ON_SITE, PHASE_HANDLE, STAGE_COUNT, VERIFIED } = incidentConstants;
const { ADMIN, AVAILABLE, HANDLING, OFF_DUTY, RETURNING, TRAVEL, VERIFYING } = activities;
const { REWORK_TIME, ON_SITE_FIX, FAULT, VERIFY_TIME, CAUGHT } = DECISION;

/** What the incident side of the model does when a worker's visit ends. */
export interface VisitOutcomes {
  /** The incident could not be solved on site: hand it to a department. */
  escalate(i: number): void;
  /** The incident is fixed and (if required) verified: close it. */
  close(i: number): void;
  /** A department's fix failed verification: send it back. */
  reescalate(i: number): void;
  /** Records that incident `i` reached `stage` now. */
  stage(i: number, stage: number): void;
}

/** What a worker does once the data entry of a visit is done. */
const THEN_RELEASE = 0;
const THEN_CLOSE = 1;
const THEN_ESCALATE = 2;
const THEN_REESCALATE = 3;

/** Event priorities at equal times: work finishing before new work arriving. */
export const P_FINISH = 0;
export const P_MOVE = 1;

/**
 * The grid workers' behaviour: being sent to incidents, travelling, handling,
 * verifying, data entry, walking back, ordered admin work, shifts and night calls.
 * Each worker does one thing at a time; their time is booked by activity.
 */
export class Crew {
  private readonly kOnSite: number;
  private readonly kHandled: number;
  private readonly kVerified: number;
  private readonly kDataDone: number;
  private readonly kReturned: number;
  private readonly kAdminDone: number;
  private readonly serviceTime: Sampler[];
  private readonly onSiteShare: Float64Array;
  private readonly verifyTime: Sampler;
  private readonly then: Uint8Array;
  private readonly metresPerMinute: number;
  private readonly euclidean: boolean;
  private readonly travelOn: boolean;
  private readonly escalationOn: boolean;
  private readonly verificationOn: boolean;
  private readonly urgentFirst: boolean;
  private readonly afterIncident: Scenario["dispatch"]["afterIncident"];
  private readonly dataEntryClose: number;
  private readonly dataEntryStage: number;
  private readonly adminBlock: number;
  private readonly nightOnCall: boolean;
  private readonly shiftsOn: boolean;
  private readonly faultShare: number;
  private readonly rigour: number;
  private readonly maxReopenings: number;
  /** 1 while a worker is doing ordered admin tasks (interruptible by urgent incidents), and when the block ends. */
  private readonly inAdminBlock: Uint8Array;
  private readonly adminBlockEnd: Float64Array;
  /** When each worker's current shift ends. */
  private readonly shiftEnd: Float64Array;

  constructor(
    s: Scenario,
    private readonly sim: Simulation,
    private readonly incidents: IncidentStore,
    private readonly workforce: Workforce,
    private readonly pools: DispatchPools,
    private readonly patrol: PatrolCoverage | null,
    private readonly random: IncidentRandom,
    private readonly outcomes: VisitOutcomes,
  ) {
    // Bound methods rather than arrow wrappers: one JavaScript frame less per event.
    this.kOnSite = sim.define(this.reachSite.bind(this));
    this.kHandled = sim.define(this.handled.bind(this));
    this.kVerified = sim.define(this.verified.bind(this));
    this.kDataDone = sim.define(this.dataEntered.bind(this));
    this.kReturned = sim.define(this.backAtPost.bind(this));
    this.kAdminDone = sim.define(this.adminBlockDone.bind(this));
    this.serviceTime = s.incidents.categories.map((c) => sampler(c.serviceTime));
    this.onSiteShare = Float64Array.from(s.incidents.categories, (c) => c.onSiteResolution);
    this.verifyTime = sampler(s.verification.minutes);
    this.then = new Uint8Array(workforce.count);
    this.metresPerMinute = (s.travel.speedKmh * 1000) / 60;
    this.euclidean = s.travel.metric === "euclidean";
    this.travelOn = s.travel.enabled;
    this.escalationOn = s.escalation.enabled;
    this.verificationOn = s.verification.enabled;
    this.urgentFirst = s.dispatch.urgentFirst;
    this.afterIncident = s.dispatch.afterIncident;
    this.dataEntryClose = s.admin.enabled ? s.admin.dataEntryMinutesPerIncident : 0;
    this.dataEntryStage = s.admin.enabled ? s.admin.dataEntryMinutesPerStage : 0;
    this.adminBlock = s.admin.blockMinutes;
    this.nightOnCall = s.shifts.nightOnCall;
    this.shiftsOn = s.shifts.enabled;
    this.faultShare = s.verification.faultShare;
    this.rigour = s.verification.rigour;
    this.maxReopenings = s.verification.maxReopenings;
    this.inAdminBlock = new Uint8Array(workforce.count);
    this.adminBlockEnd = new Float64Array(workforce.count);
    this.shiftEnd = new Float64Array(workforce.count).fill(Infinity);
  }

  // ---------------------------------------------------------------- sending workers

  /** Incident `i` needs a worker visit (first handling or verification): send someone or queue it. */
  request(i: number): void {
    const inc = this.incidents;
    const pools = this.pools;
    const p = pools.poolOfGrid[inc.grid[i]];
    const urgent = inc.urgent[i] === 1;
    const w = this.nearest(p, i, urgent);
    if (w >= 0) {
      this.assign(i, w);
      return;
    }
    pools.enqueue(p, this.urgentFirst && urgent ? 0 : 1, i, inc.next);
    if (urgent && this.shiftsOn && this.nightOnCall) {
      // Call in an off-duty worker, who takes the oldest urgent incident waiting.
      const called = this.nearestOffDuty(p, i);
      const oldest = called >= 0 ? pools.dequeueUrgent(p, inc.next, inc.urgent) : -1;
      if (oldest >= 0) this.assign(oldest, called);
    }
  }

  /**
   * The nearest free worker of pool `p` for incident `i` (ties: the one free longest), or -1.
   * Workers busy with ordered admin tasks are taken only for urgent incidents, and only if
   * no one else is free.
   */
  private nearest(p: number, i: number, urgent: boolean): number {
    const pools = this.pools;
    const wf = this.workforce;
    const n = pools.freeCount[p];
    const base = pools.start[p];
    let best = -1;
    let bestDistance = Infinity;
    for (let pass = 0; pass < (urgent ? 2 : 1) && best < 0; pass++) {
      for (let k = 0; k < n; k++) {
        const w = pools.free[base + k];
        if ((this.inAdminBlock[w] === 1) !== (pass === 1)) continue;
        if (!this.travelOn) return w;
        const d = this.distanceToWorker(w, this.incidents.x[i], this.incidents.y[i]);
        if (d < bestDistance) {
          bestDistance = d;
          best = w;
        }
      }
    }
    return best;
  }

  /** The off-duty worker of pool `p` living nearest to incident `i`, or -1. */
  private nearestOffDuty(p: number, i: number): number {
    const pools = this.pools;
    const wf = this.workforce;
    let best = -1;
    let bestDistance = Infinity;
    for (let k = pools.start[p], end = k + pools.size[p]; k < end; k++) {
      const w = pools.members[k];
      if (wf.activity[w] !== OFF_DUTY) continue;
      const d = this.distance(wf.postX[w], wf.postY[w], this.incidents.x[i], this.incidents.y[i]);
      if (d < bestDistance) {
        bestDistance = d;
        best = w;
      }
    }
    return best;
  }

  private assign(i: number, w: number): void {
    const inc = this.incidents;
    const wf = this.workforce;
    const now = this.sim.now;
    this.pools.removeFree(w);
    if (this.inAdminBlock[w]) this.endAdminBlock(w, now);
    if (wf.activity[w] === OFF_DUTY) {
      wf.x[w] = wf.postX[w];
      wf.y[w] = wf.postY[w];
    }
    wf.job[w] = i;
    inc.worker[i] = w;
    if (!(inc.times[i * STAGE_COUNT + ASSIGNED] >= 0)) this.outcomes.stage(i, ASSIGNED);
    if (!this.travelOn) {
      this.setActivity(w, TRAVEL, now);
      this.reachSite(i);
      return;
    }
    this.locate(w, now);
    this.setActivity(w, TRAVEL, now);
    const travel = this.distance(wf.x[w], wf.y[w], inc.x[i], inc.y[i]) / this.metresPerMinute;
    this.sim.scheduleAt(now + travel, this.kOnSite, i, P_MOVE);
  }

  // ---------------------------------------------------------------- on site

  private reachSite(i: number): void {
    const inc = this.incidents;
    const w = inc.worker[i];
    const wf = this.workforce;
    if (!(inc.times[i * STAGE_COUNT + ON_SITE] >= 0)) this.outcomes.stage(i, ON_SITE);
    wf.x[w] = inc.x[i];
    wf.y[w] = inc.y[i];
    if (inc.phase[i] === PHASE_HANDLE) this.startHandling(i, w);
    else this.startVerifying(i, w);
  }

  private startHandling(i: number, w: number): void {
    const inc = this.incidents;
    const now = this.sim.now;
    // The first visit uses the handling time drawn when the incident occurred; rework draws anew.
    const base = inc.reopened[i] === 0 ? inc.service[i] : this.serviceTime[inc.category[i]].sample(this.draw(i, REWORK_TIME));
    this.setActivity(w, HANDLING, now);
    this.sim.scheduleAt(now + base / this.workforce.skill[w], this.kHandled, i, P_FINISH);
  }

  private handled(i: number): void {
    const inc = this.incidents;
    const w = inc.worker[i];
    const resolved = !this.escalationOn || this.draw(i, ON_SITE_FIX).next() < 1 - pow(1 - this.onSiteShare[inc.category[i]], this.workforce.skill[w]);
    if (!resolved) {
      this.dataEntry(w, this.dataEntryStage, THEN_ESCALATE);
      return;
    }
    inc.faulty[i] = this.outcomeFaulty(i);
    if (this.verificationOn) this.startVerifying(i, w);
    else this.dataEntry(w, this.dataEntryClose, THEN_CLOSE);
  }

  private outcomeFaulty(i: number): number {
    return this.verificationOn && this.draw(i, FAULT).next() < this.faultShare ? 1 : 0;
  }

  private startVerifying(i: number, w: number): void {
    const now = this.sim.now;
    this.setActivity(w, VERIFYING, now);
    this.sim.scheduleAt(now + this.verifyTime.sample(this.draw(i, VERIFY_TIME)), this.kVerified, i, P_FINISH);
  }

  private verified(i: number): void {
    const inc = this.incidents;
    const w = inc.worker[i];
    this.outcomes.stage(i, VERIFIED);
    // A fix reopened maxReopenings times closes as it is (faulty or not): the loop must end.
    const caught = inc.faulty[i] === 1 && this.draw(i, CAUGHT).next() < this.rigour && inc.reopened[i] < this.maxReopenings;
    if (!caught) {
      this.dataEntry(w, this.dataEntryClose + this.dataEntryStage, THEN_CLOSE);
      return;
    }
    inc.reopened[i]++;
    if (inc.phase[i] === PHASE_HANDLE) {
      this.startHandling(i, w);
    } else {
      this.dataEntry(w, this.dataEntryStage, THEN_REESCALATE);
    }
  }

  /** Worker `w` records the visit for `minutes`, then the incident moves on as `then` says. */
  private dataEntry(w: number, minutes: number, then: number): void {
    this.then[w] = then;
    if (minutes > 0) {
      this.setActivity(w, ADMIN, this.sim.now);
      this.sim.scheduleAt(this.sim.now + minutes, this.kDataDone, w, P_FINISH);
    } else {
      this.dataEntered(w);
    }
  }

  private dataEntered(w: number): void {
    const i = this.workforce.job[w];
    this.workforce.job[w] = -1;
    switch (this.then[w]) {
      case THEN_CLOSE:
        this.outcomes.close(i);
        break;
      case THEN_ESCALATE:
        this.outcomes.escalate(i);
        break;
      case THEN_REESCALATE:
        this.outcomes.reescalate(i);
        break;
    }
    this.release(w);
  }

  // ---------------------------------------------------------------- between jobs

  /** Worker `w` has finished a job, a walk or a block of admin: decide what is next. */
  release(w: number): void {
    const wf = this.workforce;
    const now = this.sim.now;
    const pool = this.pools.poolOfWorker[w];
    if (!wf.onShift[w]) {
      // On call: a worker out after their shift takes urgent incidents still waiting first.
      const urgent = this.nightOnCall ? this.pools.dequeueUrgent(pool, this.incidents.next, this.incidents.urgent) : -1;
      if (urgent >= 0) this.assign(urgent, w);
      else if (wf.adminDue[w] > 0) this.startAdmin(w, false);
      else this.setActivity(w, OFF_DUTY, now);
      return;
    }
    const atPost = wf.x[w] === wf.postX[w] && wf.y[w] === wf.postY[w];
    if (this.afterIncident === "returnToPostBeforeNext" && this.travelOn && !atPost) {
      this.startReturn(w, now);
      return;
    }
    // Tasks ordered from above are due by the end of the shift: once what is left of the
    // shift no longer exceeds them, they come before waiting incidents — unless one is urgent.
    if (
      wf.adminDue[w] > 0 &&
      this.shiftsOn &&
      wf.adminDue[w] >= this.shiftEnd[w] - now &&
      !this.pools.hasUrgent(pool, this.incidents.next, this.incidents.urgent)
    ) {
      this.startAdmin(w, true);
      return;
    }
    const next = this.pools.dequeue(pool, this.incidents.next);
    if (next >= 0) {
      this.assign(next, w);
      return;
    }
    if (wf.adminDue[w] > 0) {
      this.startAdmin(w, true);
      return;
    }
    if (!this.pools.isFree[w]) this.pools.pushFree(w);
    if (this.afterIncident === "returnToPost" && this.travelOn && !atPost) this.startReturn(w, now);
    else this.setActivity(w, AVAILABLE, now);
  }

  /** A block of ordered admin work; on shift it stays interruptible by urgent incidents. */
  private startAdmin(w: number, interruptible: boolean): void {
    const wf = this.workforce;
    const now = this.sim.now;
    const block = Math.min(this.adminBlock, wf.adminDue[w]);
    if (interruptible && !this.pools.isFree[w]) this.pools.pushFree(w);
    this.setActivity(w, ADMIN, now);
    wf.adminStart[w] = now;
    this.inAdminBlock[w] = 1;
    this.sim.scheduleAt(now + block, this.kAdminDone, w, P_FINISH);
    this.adminBlockEnd[w] = now + block;
  }

  /** Books the admin work done in the current block and leaves it. */
  private endAdminBlock(w: number, now: number): void {
    const wf = this.workforce;
    wf.adminDue[w] = Math.max(0, wf.adminDue[w] - (now - wf.adminStart[w]));
    // A remainder too small to move the clock would start blocks that end where they begin.
    if (wf.adminDue[w] < 1e-9 || now + wf.adminDue[w] === now) wf.adminDue[w] = 0;
    this.inAdminBlock[w] = 0;
  }

  private adminBlockDone(w: number): void {
    const now = this.sim.now;
    // Stale if the block was interrupted (and maybe a new one started that ends later).
    if (!this.inAdminBlock[w] || this.adminBlockEnd[w] !== now) return;
    this.endAdminBlock(w, now);
    this.pools.removeFree(w);
    this.release(w);
  }

  private startReturn(w: number, now: number): void {
    const wf = this.workforce;
    this.setActivity(w, RETURNING, now);
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
    if (this.afterIncident === "returnToPostBeforeNext" || !wf.onShift[w]) {
      this.pools.removeFree(w);
      this.release(w);
      return;
    }
    this.setActivity(w, AVAILABLE, now);
  }

  // ---------------------------------------------------------------- shifts

  /** Worker `w`'s shift begins (until `end`): back at the post, the day's admin tasks added, ready for work. */
  startShift(w: number, adminMinutes: number, end = Infinity): void {
    const wf = this.workforce;
    const now = this.sim.now;
    this.shiftEnd[w] = end;
    this.setActivity(w, wf.activity[w], now);
    wf.onShift[w] = 1;
    wf.adminDue[w] += adminMinutes;
    if (wf.activity[w] !== OFF_DUTY) return;
    wf.x[w] = wf.postX[w];
    wf.y[w] = wf.postY[w];
    this.release(w);
  }

  /** Worker `w`'s shift ends: free workers go home (after the day's admin, as overtime); busy ones finish first. */
  endShift(w: number): void {
    const wf = this.workforce;
    const now = this.sim.now;
    this.setActivity(w, wf.activity[w], now);
    wf.onShift[w] = 0;
    if (!this.pools.isFree[w] && wf.activity[w] !== RETURNING) return;
    this.pools.removeFree(w);
    if (this.inAdminBlock[w]) return;
    this.release(w);
  }

  /** Adds admin minutes to a worker's to-do list (duplicates to close, daily tasks without shifts). */
  addAdmin(w: number, minutes: number): void {
    if (!(minutes > 0)) return;
    const wf = this.workforce;
    wf.adminDue[w] += minutes;
    if (wf.onShift[w] && wf.activity[w] === AVAILABLE) {
      this.pools.removeFree(w);
      this.release(w);
    }
  }

  // ---------------------------------------------------------------- bookkeeping

  /** Changes a worker's activity, keeping the patrol effort of the grids they cover current. */
  setActivity(w: number, activity: number, now: number): void {
    const wf = this.workforce;
    const was = wf.activity[w] === AVAILABLE;
    wf.setActivity(w, activity, now);
    if (this.patrol && was !== (activity === AVAILABLE)) {
      for (let q = wf.coverFirst[w]; q <= wf.coverLast[w]; q++) this.updatePatrol(wf.gridInOrder[q], now);
    }
  }

  private updatePatrol(g: number, now: number): void {
    const wf = this.workforce;
    let effort = 0;
    for (let w = wf.gridWorkerFirst[g]; w >= 0 && w <= wf.gridWorkerLast[g]; w++) {
      if (wf.activity[w] === AVAILABLE) effort += 1 / wf.coverSize(w);
    }
    this.patrol!.setEffort(g, effort, now);
  }

  private draw(i: number, decision: number) {
    return this.random.decide(this.incidents, i, decision);
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
