/**
 * Logarithm, exponential, cosine and power computed with IEEE-754 arithmetic only
 * (+, −, ×, ÷ and bit access), so that they give the same bits in every JavaScript
 * engine. `Math.log`, `Math.exp`, `Math.cos` and `Math.pow` are only required to be
 * approximations, and they do differ in the last bit between engines and engine
 * versions (Node 20 and current Chromium disagree on about one argument in ten);
 * the engine's draws go through these instead, which is what makes a run
 * byte-identical in Node and in the browser.
 *
 * `log`, `exp` and the cosine kernels are ports of FDLIBM 5.3 (Sun Microsystems,
 * freely distributable), accurate to within one unit in the last place.
 */

// Bit access to a double. Little-endian layout (every platform JavaScript runs on in practice).
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * Natural logarithm (FDLIBM `__ieee754_log`), in three small functions so that V8 inlines
 * the common path into the samplers that call it once per draw: {@link logSpecial} takes
 * zero, negative, subnormal, infinite and NaN arguments, {@link logKernel} the rest.
 */
export function log(x: number): number {
  f64[0] = x;
  const hx = i32[HI];
  if (hx < 0x00100000 || hx >= 0x7ff00000) return logSpecial(x);
  return logKernel(x, hx, 0);
}

/** {@link log} of zero, negative, subnormal, infinite and NaN arguments. */
function logSpecial(x: number): number {
  f64[0] = x;
  const hx = i32[HI];
  const lx = i32[LO];
  if (hx >= 0x7ff00000) return x + x;
  if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
  if (hx < 0) return NaN;
  // Subnormal: scale into the normal range.
  x *= TWO54;
  f64[0] = x;
  return logKernel(x, i32[HI], -54);
}

/** log(x) + k·ln 2 for a positive, normal, finite `x` whose high word is `hx`. */
function logKernel(x: number, hx: number, k: number): number {
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  f64[0] = x;
  i32[HI] = hx | (i ^ 0x3ff00000);
  x = f64[0];
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) return logNearPowerOfTwo(f, k);
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

/** {@link logKernel} for |f| < 2^-20, that is x within 2^-20 of a power of two. */
function logNearPowerOfTwo(f: number, k: number): number {
  if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
  const R = f * f * (0.5 - 0.33333333333333333 * f);
  return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 9.33263618503218878990e-302;

/** e^x (FDLIBM `__ieee754_exp`). */
export function exp(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | i32[LO]) !== 0) return x + x;
      return xsb === 0 ? x : 0;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = (INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  f64[0] = y;
  if (k >= -1021) {
    i32[HI] += k << 20;
    return f64[0];
  }
  i32[HI] += (k + 1000) << 20;
  return f64[0] * TWO_M1000;
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** cos x for |x| ≤ π/4 (FDLIBM `__kernel_cos` with no tail). */
function kernelCos(x: number): number {
  f64[0] = x;
  const ix = i32[HI] & 0x7fffffff;
  if (ix < 0x3e400000) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - z * r);
  let qx: number;
  if (ix > 0x3fe90000) qx = 0.28125;
  else {
    i32[HI] = ix - 0x00200000;
    i32[LO] = 0;
    qx = f64[0];
  }
  return 1 - qx - (0.5 * z - qx - z * r);
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin x for |x| ≤ π/4 (FDLIBM `__kernel_sin` with no tail). */
function kernelSin(x: number): number {
  f64[0] = x;
  if ((i32[HI] & 0x7fffffff) < 0x3e400000) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x + v * (S1 + z * r);
}

const TWO_PI = 2 * Math.PI;

/**
 * cos(2πu) for a fraction of a turn u in [0, 1], as Box–Muller needs it. The
 * reduction to the first octant is done in turns, where it is exact.
 */
export function cosTurns(u: number): number {
  let r = u > 0.5 ? 1 - u : u;
  let sign = 1;
  if (r > 0.25) {
    r = 0.5 - r;
    sign = -1;
  }
  return sign * (r > 0.125 ? kernelSin(TWO_PI * (0.25 - r)) : kernelCos(TWO_PI * r));
}

/**
 * x^y for x ≥ 0 as e^(y·ln x): within a few units in the last place, which is all
 * the engine's uses need (a probability raised to a skill, a uniform draw to 1/shape).
 */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (x < 0 || Number.isNaN(x) || Number.isNaN(y)) return NaN;
  return exp(y * log(x));
}
