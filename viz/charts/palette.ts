import * as d3 from "d3";

/**
 * The Okabe–Ito palette (Okabe & Ito 2008), safe for the common colour-vision
 * deficiencies, in the order scenarios get it: black for the baseline, then blue,
 * vermillion, bluish green, reddish purple, orange, sky blue and yellow (last: it has
 * the least contrast on white).
 */
export const OKABE_ITO = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"] as const;

/** The colour of scenario `index` (0 = baseline); colours repeat after eight scenarios. */
export function scenarioColor(index: number): string {
  return OKABE_ITO[mod(index, OKABE_ITO.length)];
}

/** The non-colour cue of a scenario: a dash pattern for lines and a symbol for points. */
export interface ScenarioMark {
  /** SVG `stroke-dasharray` ("" = solid). */
  dash: string;
  /** A d3 symbol type, drawn with `d3.symbol(mark.symbol, size)`. */
  symbol: d3.SymbolType;
  /** The symbol's name, for legends read aloud and tests. */
  symbolName: string;
}

const DASHES = ["", "6 3", "2 2", "8 3 2 3", "12 4", "2 4", "8 2 2 2 2 2"];
const SYMBOLS: Array<[string, d3.SymbolType]> = [
  ["circle", d3.symbolCircle],
  ["square", d3.symbolSquare],
  ["triangle", d3.symbolTriangle],
  ["diamond", d3.symbolDiamond],
  ["cross", d3.symbolCross],
  ["star", d3.symbolStar],
  ["wye", d3.symbolWye],
];

/**
 * The dash pattern and symbol of scenario `index`, so that scenarios never differ by
 * colour alone. Seven of each: with the eight colours, the (colour, dash) pair repeats
 * only after 56 scenarios.
 */
export function scenarioMark(index: number): ScenarioMark {
  const [symbolName, symbol] = SYMBOLS[mod(index, SYMBOLS.length)];
  return { dash: DASHES[mod(index, DASHES.length)], symbol, symbolName };
}

function mod(k: number, n: number): number {
  return ((Math.trunc(k) % n) + n) % n;
}
