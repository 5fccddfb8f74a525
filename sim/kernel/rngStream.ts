import seedrandom from "seedrandom";

/**
 * A source of uniform numbers in [0, 1).
 *
 * An object with a method rather than a bare function: the engine's calls to `next`
 * then reach the same method in every replication, so code compiled for one
 * replication stays valid for the next (a new closure per replication would discard
 * it: docs/performance.md).
 */
export interface Rng {
  /** The next number of the sequence. */
  next(): number;
}

/**
 * One seedrandom Alea generator, stepped in place. seedrandom seeds it (Baagoe's Mash of
 * the key) and hands over its state; `next` then runs Alea's step on that state, the same
 * arithmetic as seedrandom's own closure, so the sequence is seedrandom's to the last bit
 * (tests/kernel/rngStream.test.ts). The state lives in a `Float64Array` rather than in the
 * closure's object fields, which V8 keeps as boxed numbers: cheaper draws, of which an
 * engine run makes about ten per incident (−4 % instructions on the M/M/c benchmark).
 */
class AleaStream implements Rng {
  /** s0, s1, s2 and the carry c of Alea's state. */
  private readonly s: Float64Array;

  constructor(key: string) {
    const state = seedrandom.alea(key, { state: true }).state();
    this.s = Float64Array.of(state.s0, state.s1, state.s2, state.c);
  }

  next(): number {
    const s = this.s;
    const t = 2091639 * s[0] + s[3] * 2.3283064365386963e-10; // 2^-32
    s[0] = s[1];
    s[1] = s[2];
    const c = t | 0;
    s[3] = c;
    const u = t - c;
    s[2] = u;
    return u;
  }
}

/**
 * A named random stream derived from (root seed, stream name, replication).
 *
 * Streams are independent seedrandom Alea generators keyed by the string
 * `gridgov/<seed>/<name>/<replication>`, so the draws of one process (say, arrivals)
 * never shift when another process (say, dispatch) consumes more or fewer numbers.
 * This is what makes common random numbers across scenarios possible. Alea is
 * pure floating-point arithmetic and gives the same sequence on every platform.
 */
export function rngStream(seed: number | string, name: string, replication: number): Rng {
  return new AleaStream(streamKey(seed, name, replication));
}

/** The seed string of a stream, as documented in run manifests. */
export function streamKey(seed: number | string, name: string, replication: number): string {
  return `gridgov/${seed}/${name}/${replication}`;
}

/**
 * A root seed as typed by a person (command line, web page): whole numbers become
 * numbers, anything else stays text. Either way it keys the streams as written.
 */
export function seedFromText(text: string): number | string {
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
