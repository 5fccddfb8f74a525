/**
 * Textbook results the engine must reproduce when every extra stage is switched off,
 * and the Student-t quantile used to turn replication means into confidence intervals.
 * Times are in the same unit as the service means given (minutes throughout GridGov).
 */

/**
 * Erlang's C formula: the probability that an arrival to an M/M/c queue must wait,
 * for `c` servers and offered load `a = λ·E[S]` (erlangs, `a < c`).
 */
export function erlangC(c: number, a: number): number {
  if (!(a >= 0 && a < c)) return NaN;
  // Erlang B by its stable recursion, then C = B / (1 − ρ(1 − B)).
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/**
 * Mean wait in queue of an M/M/c queue (Erlang C): `Wq = C(c, a) · E[S] / (c − a)`,
 * with arrival rate `lambda` per time unit and mean service time `meanService`.
 */
export function mmcQueueWait(c: number, lambda: number, meanService: number): number {
  const a = lambda * meanService;
  return (erlangC(c, a) * meanService) / (c - a);
}

/**
 * Mean wait in queue of an M/G/1 queue by the Pollaczek–Khinchine formula,
 * `Wq = λ·E[S²] / (2(1 − ρ))` with `ρ = λ·E[S]`, given the service mean and variance.
 */
export function pollaczekKhinchineWait(lambda: number, meanService: number, serviceVariance: number): number {
  const rho = lambda * meanService;
  if (!(rho < 1)) return NaN;
  const secondMoment = serviceVariance + meanService * meanService;
  return (lambda * secondMoment) / (2 * (1 - rho));
}

/**
 * Mean right-angle (rectilinear) distance between two independent points uniform in a
 * square of area `area`: `(2/3)·√A` (Larson & Odoni, Urban Operations Research, eq. 3.12a).
 * This is a roaming worker's trip from the last incident's site to the next one.
 */
export function roamingTravelDistance(area: number): number {
  return (2 / 3) * Math.sqrt(area);
}

/**
 * Mean right-angle distance from the centre of a square of area `area` to a point
 * uniform in it: `0.5·√A` (each axis contributes a quarter of the side).
 * This is the trip of a worker who always starts from the grid's centre.
 */
export function centralPostTravelDistance(area: number): number {
  return 0.5 * Math.sqrt(area);
}

/** Minutes to cover `meters` at `speedKmh`, as the engine converts travel distances. */
export function travelMinutes(meters: number, speedKmh: number): number {
  return meters / ((speedKmh * 1000) / 60);
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error < 1e-13). */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let s = g[0];
  for (let i = 1; i < 9; i++) s += g[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Continued fraction of the regularized incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** The cumulative distribution function of Student's t with `df` (> 0) degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The `p` quantile of Student's t with `df` (> 0) degrees of freedom, by bisection on
 * {@link tCdf} to double precision. For a two-sided interval of level `L`, use
 * `p = (1 + L) / 2`.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-12 * hi; k++) {
    const mid = 0.5 * (lo + hi);
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
