/**
 * The stages of an incident's closed loop, in the order they happen. Each incident
 * records the time it reached every stage (NaN until reached).
 */
export const STAGES = ["occurred", "discovered", "registered", "assigned", "onSite", "escalated", "verified", "closed"] as const;
/** Name of a stage. */
export type StageName = (typeof STAGES)[number];
export const OCCURRED = 0;
export const DISCOVERED = 1;
export const REGISTERED = 2;
export const ASSIGNED = 3;
export const ON_SITE = 4;
export const ESCALATED = 5;
export const VERIFIED = 6;
export const CLOSED = 7;

/** Who noticed an incident first. */
export const FOUND_BY = ["nobody", "resident", "patrol", "volunteer", "instantly"] as const;
export const BY_RESIDENT = 1;
export const BY_PATROL = 2;
export const BY_VOLUNTEER = 3;
export const BY_ITSELF = 4;

/** What the next worker visit to an incident is for. */
export const PHASE_HANDLE = 0;
export const PHASE_VERIFY = 1;
/** Number of stages. */
export const STAGE_COUNT = STAGES.length;

/**
 * Open incidents as a structure of typed arrays indexed by a recycled integer id.
 * Ids are reused once an incident closes, so memory follows the number of incidents
 * open at once, not the number that ever occurred.
 */
export class IncidentStore {
  capacity: number;
  /** Stage times, `STAGE_COUNT` per incident: `times[id * STAGE_COUNT + stage]`. */
  times: Float64Array;
  grid: Int32Array;
  category: Int32Array;
  /** 1 if urgent. */
  urgent: Uint8Array;
  /** Position (metres from the district's north-west corner). */
  x: Float64Array;
  y: Float64Array;
  /** Handling time for a worker of skill 1, drawn when the incident occurs (minutes). */
  service: Float64Array;
  /** The worker assigned, or -1. */
  worker: Int32Array;
  /** Next incident in the same dispatch queue, or -1. */
  next: Int32Array;
  /** 1 if the incident occurred after the warm-up and counts in the measurements. */
  measured: Uint8Array;
  /** 1 while the id holds an open incident. */
  live: Uint8Array;
  /** Key of the incident's own random numbers (see IncidentRandom). */
  key: Uint32Array;
  /** {@link PHASE_HANDLE} or {@link PHASE_VERIFY}. */
  phase: Uint8Array;
  /** Who found it ({@link FOUND_BY} index); until then, who is due to report it and when. */
  foundBy: Uint8Array;
  reportBy: Uint8Array;
  reportAt: Float64Array;
  /** Times escalated, misrouted, and reopened after a failed verification. */
  escalations: Uint8Array;
  misroutes: Uint8Array;
  reopened: Uint8Array;
  /** 1 if the current fix is faulty. */
  faulty: Uint8Array;
  /** Department unit handling it (street id, or the number of streets for the district). */
  department: Int32Array;
  /** Time limit for closure (absolute minutes; Infinity without one). */
  deadline: Float64Array;
  /** Number of open incidents. */
  open = 0;
  private free: Int32Array;
  private freeCount = 0;

  constructor(initialCapacity = 256) {
    this.capacity = 0;
    this.times = new Float64Array(0);
    this.grid = new Int32Array(0);
    this.category = new Int32Array(0);
    this.urgent = new Uint8Array(0);
    this.x = new Float64Array(0);
    this.y = new Float64Array(0);
    this.service = new Float64Array(0);
    this.worker = new Int32Array(0);
    this.next = new Int32Array(0);
    this.measured = new Uint8Array(0);
    this.live = new Uint8Array(0);
    this.key = new Uint32Array(0);
    this.phase = new Uint8Array(0);
    this.foundBy = new Uint8Array(0);
    this.reportBy = new Uint8Array(0);
    this.reportAt = new Float64Array(0);
    this.escalations = new Uint8Array(0);
    this.misroutes = new Uint8Array(0);
    this.reopened = new Uint8Array(0);
    this.faulty = new Uint8Array(0);
    this.department = new Int32Array(0);
    this.deadline = new Float64Array(0);
    this.free = new Int32Array(0);
    this.grow(Math.max(1, initialCapacity));
  }

  /** Takes a fresh id with every stage time unset. */
  allocate(): number {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const id = this.free[--this.freeCount];
    // A plain loop: cheaper than the `fill` builtin for six slots, once per incident.
    const times = this.times;
    for (let k = id * STAGE_COUNT, end = k + STAGE_COUNT; k < end; k++) times[k] = NaN;
    this.worker[id] = -1;
    this.next[id] = -1;
    this.live[id] = 1;
    this.phase[id] = PHASE_HANDLE;
    this.foundBy[id] = 0;
    this.reportBy[id] = 0;
    this.escalations[id] = 0;
    this.misroutes[id] = 0;
    this.reopened[id] = 0;
    this.faulty[id] = 0;
    this.deadline[id] = Infinity;
    this.open++;
    return id;
  }

  /** Returns an id to the pool once its incident has closed. */
  release(id: number): void {
    if (this.live[id] !== 1) throw new Error(`incident ${id} released twice`);
    this.live[id] = 0;
    this.open--;
    this.free[this.freeCount++] = id;
  }

  /** Time incident `id` reached `stage` (NaN if not yet). */
  time(id: number, stage: number): number {
    return this.times[id * STAGE_COUNT + stage];
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    const f64 = (a: Float64Array) => copyInto(new Float64Array(capacity), a);
    const i32 = (a: Int32Array) => copyInto(new Int32Array(capacity), a);
    const u8 = (a: Uint8Array) => copyInto(new Uint8Array(capacity), a);
    this.times = copyInto(new Float64Array(capacity * STAGE_COUNT), this.times);
    this.grid = i32(this.grid);
    this.category = i32(this.category);
    this.urgent = u8(this.urgent);
    this.x = f64(this.x);
    this.y = f64(this.y);
    this.service = f64(this.service);
    this.worker = i32(this.worker);
    this.next = i32(this.next);
    this.measured = u8(this.measured);
    this.live = u8(this.live);
    this.key = copyInto(new Uint32Array(capacity), this.key);
    this.phase = u8(this.phase);
    this.foundBy = u8(this.foundBy);
    this.reportBy = u8(this.reportBy);
    this.reportAt = f64(this.reportAt);
    this.escalations = u8(this.escalations);
    this.misroutes = u8(this.misroutes);
    this.reopened = u8(this.reopened);
    this.faulty = u8(this.faulty);
    this.department = i32(this.department);
    this.deadline = f64(this.deadline);
    const free = new Int32Array(capacity);
    free.set(this.free.subarray(0, this.freeCount));
    // Hand out low ids first: push new ids in descending order.
    let n = this.freeCount;
    for (let id = capacity - 1; id >= old; id--) free[n++] = id;
    this.free = free;
    this.freeCount = n;
    this.capacity = capacity;
  }
}

function copyInto<T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(target: T, source: T): T {
  target.set(source as never);
  return target;
}
