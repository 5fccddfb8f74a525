import { rngStream } from "../kernel/rngStream.js";

/** One lever to vary: a scenario field path and the values it takes. */
export interface SweepLever {
  path: string;
  values: unknown[];
}

/** A point of a sweep: one value per lever, as `path=value` overrides. */
export type SweepPoint = Record<string, unknown>;

/** Every combination of the levers' values (full factorial), first lever varying slowest. */
export function factorialPoints(levers: readonly SweepLever[]): SweepPoint[] {
  let points: SweepPoint[] = [{}];
  for (const lever of levers) {
    points = points.flatMap((p) => lever.values.map((v) => ({ ...p, [lever.path]: v })));
  }
  return points;
}

/** A numeric lever sampled over a range. */
export interface RangeLever {
  path: string;
  min: number;
  max: number;
}

/**
 * `n` points by Latin hypercube sampling: each lever's range is cut into `n` equal
 * strata, each stratum used exactly once, in a seeded random order, with a uniform
 * point inside the stratum. Deterministic for a given seed.
 */
export function latinHypercubePoints(levers: readonly RangeLever[], n: number, seed: number | string): SweepPoint[] {
  const rng = rngStream(seed, "latin-hypercube", 0);
  const points: SweepPoint[] = Array.from({ length: n }, () => ({}));
  for (const lever of levers) {
    const order = Array.from({ length: n }, (_, k) => k);
    for (let k = n - 1; k > 0; k--) {
      const j = Math.floor(rng.next() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    order.forEach((stratum, k) => {
      points[k][lever.path] = lever.min + ((stratum + rng.next()) / n) * (lever.max - lever.min);
    });
  }
  return points;
}
