import * as d3 from "d3";
import { drawAxis, noDataFill, type Frame, type G, type Svg } from "./chartFrame.js";
import { px } from "./format.js";

/** The colour-vision-safe sequential schemes the maps offer. */
export type SequentialScheme = "cividis" | "viridis";

/** Dark to light colour ramp of `scheme`. */
export function interpolatorOf(scheme: SequentialScheme): (t: number) => string {
  return scheme === "viridis" ? d3.interpolateViridis : d3.interpolateCividis;
}

/** The sequential colour scale of `scheme` over `domain` (equal ends are widened so every value has a colour). */
export function sequentialScale(scheme: SequentialScheme, [lo, hi]: [number, number]): d3.ScaleSequential<string> {
  const domain: [number, number] = lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
  return d3.scaleSequential(interpolatorOf(scheme)).domain(domain).clamp(true);
}

/** Black or white, whichever reads better on `fill`. */
export function labelColor(fill: string): string {
  return d3.lab(fill).l > 55 ? "black" : "white";
}

/** Height of the colour legend drawn by {@link colorLegend}. */
export const COLOR_LEGEND_HEIGHT = 52;

/**
 * Draws a colour legend at (x, y): `label` above a gradient bar of `width` with a value
 * axis under it, and, with `noData`, a hatched "no data" swatch to its right.
 */
export function colorLegend(
  frame: Frame,
  parent: Svg | G,
  scale: d3.ScaleSequential<string>,
  { x, y, width, label, noData }: { x: number; y: number; width: number; label: string; noData: boolean },
): void {
  const g = parent.append("g").attr("class", "gridgov-color-legend").attr("transform", `translate(${px(x)},${px(y)})`);
  g.append("text").attr("y", 10).attr("font-weight", "bold").text(label);
  const gradient = frame.svg.select("defs").append("linearGradient").attr("id", frame.uid("ramp"));
  const [lo, hi] = scale.domain();
  for (let k = 0; k <= 10; k++) {
    gradient.append("stop").attr("offset", `${k * 10}%`).attr("stop-color", scale(lo + ((hi - lo) * k) / 10));
  }
  const barWidth = noData ? width - 90 : width;
  g.append("rect").attr("y", 16).attr("width", px(barWidth)).attr("height", 12).attr("fill", `url(#${frame.uid("ramp")})`);
  const axisScale = d3.scaleLinear().domain([lo, hi]).range([0, barWidth]);
  drawAxis(g, d3.axisBottom(axisScale).ticks(Math.max(2, Math.floor(barWidth / 60)), ",~r").tickSizeOuter(0), { transform: "translate(0,28)" });
  if (noData) {
    const nd = g.append("g").attr("class", "gridgov-no-data-key").attr("transform", `translate(${px(width - 76)},16)`);
    nd.append("rect").attr("width", 18).attr("height", 12).attr("fill", noDataFill(frame)).attr("stroke", "#8c8c8c");
    nd.append("text").attr("x", 24).attr("y", 6).attr("dy", "0.32em").text("no data");
  }
}
