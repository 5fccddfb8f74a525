import seedrandom from "seedrandom";

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

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
  return seedrandom.alea(streamKey(seed, name, replication));
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
