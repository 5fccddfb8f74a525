import * as d3 from "d3";

const grouped = d3.format(",.0f");
const fourDigits = d3.format(",.4~r");

/**
 * A number for tables and labels: whole and grouped from 1,000 up, otherwise four
 * significant digits; `null` and non-finite values read "no data". Minus is U+2212.
 */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "no data";
  return Math.abs(v) >= 1000 ? grouped(v) : fourDigits(v);
}

/**
 * Formats `v` with as many decimals as two significant digits of `scale` need
 * (`scale` defaults to |v|): 12.3 → "12", 1.23 → "1.2", 0.0123 → "0.012". From a scale
 * of 10,000 up, to three significant digits of the scale with an SI suffix: 868,522 → "869k".
 */
export function formatRounded(v: number, scale = Math.abs(v)): string {
  if (!Number.isFinite(scale) || scale <= 0) return d3.format(",.0f")(v);
  const magnitude = Math.floor(Math.log10(scale));
  if (magnitude >= 4) {
    const step = Math.pow(10, magnitude - 2);
    return d3.format("~s")(Math.round(v / step) * step);
  }
  return d3.format(`,.${Math.min(6, Math.max(0, 1 - magnitude))}f`)(v);
}

/**
 * "1 replication per scenario", "10 replications per scenario", "3 to 10 replications
 * per scenario"; with `perScenario` false, without " per scenario".
 */
export function replicationsPhrase(counts: readonly number[], perScenario = true): string {
  if (counts.length === 0) return "no runs";
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  const n = lo === hi ? `${lo}` : `${lo} to ${hi}`;
  return `${n} replication${hi === 1 ? "" : "s"}${perScenario ? " per scenario" : ""}`;
}

/**
 * Names without the lead-in they all share up to a separator (": ", " — ", " - "), so
 * that a short label keeps what tells them apart: "Reform: platform operation" and
 * "Reform: all five aspects" → "platform operation", "all five aspects". Fewer than two
 * names, or no shared lead-in, come back as they are.
 */
export function withoutSharedLeadIn(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  let lead = names[0];
  for (const n of names) while (!n.startsWith(lead)) lead = lead.slice(0, -1);
  const cut = Math.max(...[": ", " — ", " - "].map((sep) => (lead.lastIndexOf(sep) >= 0 ? lead.lastIndexOf(sep) + sep.length : 0)));
  return cut > 0 && names.every((n) => n.length > cut) ? names.map((n) => n.slice(cut)) : [...names];
}

/** `text` cut to `max` characters with an ellipsis (the full text belongs in a `<title>` or the table). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

/**
 * A generous guess of how wide `ch` is, in ems of a sans-serif font: full-width (Chinese,
 * Japanese, Korean) characters and emoji a whole em, wide Latin letters nearly one, other
 * capitals and the rest less. Generous, so that text fitted by it stays inside its box.
 */
function emWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f000) return 1;
  if ("WMmw@%—".includes(ch)) return 0.95;
  if (ch >= "A" && ch <= "Z") return 0.72;
  return 0.6;
}

/**
 * `text` cut, with an ellipsis, to what fits in `maxPx` pixels at `fontPx` (estimated
 * per character, see {@link emWidth}: a Chinese name is cut sooner than a Latin one of as
 * many characters). The full text belongs in a `<title>` or the table.
 */
export function fitText(text: string, maxPx: number, fontPx = 12): string {
  const chars = Array.from(text);
  const budget = maxPx / fontPx;
  let used = 0;
  for (const ch of chars) used += emWidth(ch);
  if (used <= budget) return text;
  const room = budget - emWidth("…");
  let kept = 0;
  used = 0;
  while (kept < chars.length && used + emWidth(chars[kept]) <= room) used += emWidth(chars[kept++]);
  return `${chars.slice(0, Math.max(1, kept)).join("")}…`;
}

/** A coordinate rounded to hundredths, so that SVG output is compact and stable. */
export function px(v: number): number {
  return Math.round(v * 100) / 100;
}

/** `text` with its first letter in upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a unit of the compared measures is shown: values times `factor`, followed by `suffix`. */
export interface DisplayUnit {
  factor: number;
  /** Unit after a number ("min", "percentage points"). */
  suffix: string;
  /** Unit as an axis label. */
  axis: string;
}

/** Display of a measure's unit: shares as percentage points, others as they are. */
export function displayUnit(unit: string): DisplayUnit {
  if (unit === "share") return { factor: 100, suffix: "percentage points", axis: "percentage points" };
  if (unit === "min") return { factor: 1, suffix: "min", axis: "minutes" };
  return { factor: 1, suffix: unit, axis: unit };
}

/**
 * The scale for {@link formatRounded} at which an interval reads as it is: two significant
 * digits of its largest figure, or more — up to four more — when fewer would show two
 * different bounds as one ("20 (20 to 20)" for 19.92 to 19.93) or a bound on one side of
 * zero as zero ("0.0 to 1.5" for an interval that excludes zero).
 */
export function intervalScale(mean: number, lo: number, hi: number): number {
  let scale = Math.max(Math.abs(mean), Math.abs(lo), Math.abs(hi));
  const reads0 = (text: string) => Number(text.replace(/[^\d.]/g, "")) === 0;
  for (let extra = 0; extra < 4; extra++) {
    const [a, b] = [formatRounded(lo, scale), formatRounded(hi, scale)];
    if (!(lo !== hi && a === b) && !(lo > 0 && reads0(a)) && !(hi < 0 && reads0(b))) break;
    scale /= 10;
  }
  return scale;
}

/**
 * An estimate with its 95 % interval for a label: "12 (9 to 15)", "62% (58 to 66)" with
 * `suffix` "%", "12 (no interval)" without one, "no data" without an estimate. Rounded
 * to two significant digits of the largest figure, or more where the interval needs them
 * ({@link intervalScale}).
 */
export function formatEstimate(mean: number | null, ci95: readonly [number, number] | null, suffix = ""): string {
  if (mean === null || !Number.isFinite(mean)) return "no data";
  if (!ci95) return `${formatRounded(mean)}${suffix} (no interval)`;
  const scale = intervalScale(mean, ci95[0], ci95[1]);
  return `${formatRounded(mean, scale)}${suffix} (${formatRounded(ci95[0], scale)} to ${formatRounded(ci95[1], scale)})`;
}
