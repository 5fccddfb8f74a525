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

/** One seedrandom Alea generator. */
class AleaStream implements Rng {
  private readonly alea: () => number;

  constructor(key: string) {
    this.alea = seedrandom.alea(key);
  }

  next(): number {
    return this.alea();
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
