import type { MeasureComparison } from "../../sim/experiments/compareRuns.js";
import { displayUnit, formatRounded, intervalScale } from "./format.js";

/**
 * One sentence in plain words on how scenario `name` differs from `baselineName` in one
 * measure, from the paired difference and its 95 % interval:
 * - "Reform B cuts mean response time by 12 min (95% CI 9–15) compared with Baseline."
 * - "Reform B raises … by …", when the interval lies above zero;
 * - "Reform B makes no clear difference to … (95% CI −2 to 3 min) compared with Baseline.";
 * - with a single paired replication, the estimate and "it needs at least 2 replications
 *   to give an interval";
 * - without any paired replication, that there is nothing to compare.
 * Shares are given in percentage points; a change of two hours or more is also given in
 * hours ("by 466 min, about 7.8 hours"). Names are used as given (plain text).
 */
export function describeDifference(baselineName: string, name: string, comparison: MeasureComparison): string {
  const { label, unit, difference: d } = comparison;
  const u = displayUnit(unit);
  if (d.mean === null) {
    return `${name} and ${baselineName} have no paired replications that both measured ${label}, so there is no difference to report.`;
  }
  const m = d.mean * u.factor;
  if (d.ci95 === null) {
    const change = m === 0 ? `leaves ${label} unchanged` : `${m < 0 ? "cuts" : "raises"} ${label} by ${formatRounded(Math.abs(m))} ${u.suffix}${inHours(Math.abs(m), u.suffix)}`;
    return `${name} ${change} compared with ${baselineName} in its only paired replication; it needs at least 2 replications to give an interval.`;
  }
  const lo = d.ci95[0] * u.factor;
  const hi = d.ci95[1] * u.factor;
  if (lo === 0 && hi === 0) {
    return `${name} leaves ${label} unchanged compared with ${baselineName} in all ${d.n} paired replications.`;
  }
  const scale = intervalScale(m, lo, hi);
  const f = (v: number) => formatRounded(v, scale);
  if (lo > 0 || hi < 0) {
    const [a, b] = hi < 0 ? [-hi, -lo] : [lo, hi];
    return `${name} ${hi < 0 ? "cuts" : "raises"} ${label} by ${f(Math.abs(m))} ${u.suffix}${inHours(Math.abs(m), u.suffix)} (95% CI ${f(a)}–${f(b)}) compared with ${baselineName}.`;
  }
  return `${name} makes no clear difference to ${label} (95% CI ${f(lo)} to ${f(hi)} ${u.suffix}) compared with ${baselineName}.`;
}

/** ", about 7.8 hours" for a change of two hours or more given in minutes; otherwise nothing. */
function inHours(minutes: number, suffix: string): string {
  if (suffix !== "min" || minutes < 120) return "";
  const h = minutes / 60;
  return `, about ${h < 10 ? h.toFixed(1) : Math.round(h).toLocaleString("en-US")} hours`;
}
