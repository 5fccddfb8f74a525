import * as d3 from "d3";
import { fitText, formatNumber, px } from "./format.js";
import { scenarioMark } from "./palette.js";
import { textWidth } from "./textWidth.js";

/** The root `<svg>` of a chart. */
export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;
/** A group inside a chart. */
export type G = d3.Selection<SVGGElement, unknown, null, undefined>;

/** Options every chart takes. */
export interface FrameOptions {
  /**
   * Prefix of the element ids inside the figure (the figure's own id; letters, digits,
   * `-` and `_`). Default: `gridgov-<kind>-<hash of title and caption>`, so charts of
   * different content get different ids; give the same chart shown twice on a page
   * two ids.
   */
  id?: string;
  /** The document to build in. Default: the global `document` (browser, or vitest's jsdom). */
  document?: Document;
}

/** What a chart puts in its frame. */
export interface FrameSpec extends FrameOptions {
  /** Short chart kind, used in the class name `gridgov-<kind>`. */
  kind: string;
  /** Accessible name of the chart, also shown above it. */
  title: string;
  /** Figure caption: what is shown, from how many runs, and what the intervals are. */
  caption: string;
  width: number;
  height: number;
}

/** A chart's figure, its svg and a maker of ids unique to it. */
export interface Frame {
  figure: HTMLElement;
  svg: Svg;
  uid: (name: string) => string;
  /** Sets the svg's height (for charts that know it only once drawn). */
  setHeight: (height: number) => void;
}

/** Height of the chart title line at the top of the svg. */
export const TITLE_HEIGHT = 24;

/**
 * Builds `<figure class="gridgov-chart gridgov-<kind>">` holding an `<svg role="img">`
 * named by its `<title>` and described by its `<desc>` (the caption), the visible
 * title, and a `<figcaption>`. Charts then draw into `svg` and add their table.
 */
export function chartFrame({ kind, title, caption, width, height, id, document }: FrameSpec): Frame {
  const doc = document ?? globalThis.document;
  if (!doc) throw new Error("charts need a DOM document: run in a browser or pass options.document (e.g. from jsdom)");
  const prefix = id ?? `gridgov-${kind}-${hash(`${title}\n${caption}`)}`;
  const uid = (name: string) => `${prefix}-${name}`;
  const figure = d3.select(doc.createElement("figure")).attr("class", `gridgov-chart gridgov-${kind}`).attr("id", prefix);
  const svg = figure
    .append("svg")
    .attr("role", "img")
    .attr("aria-labelledby", uid("title"))
    .attr("aria-describedby", uid("desc"))
    .attr("width", px(width))
    .attr("height", px(height))
    .attr("viewBox", `0 0 ${px(width)} ${px(height)}`)
    .attr("font-family", "system-ui, sans-serif")
    .attr("font-size", 12)
    .attr("style", "max-width: 100%; height: auto;");
  svg.append("title").attr("id", uid("title")).text(title);
  svg.append("desc").attr("id", uid("desc")).text(caption);
  svg.append("defs");
  svg.append("rect").attr("class", "gridgov-background").attr("width", px(width)).attr("height", px(height)).attr("fill", "white");
  svg.append("text").attr("class", "gridgov-chart-title").attr("x", 0).attr("y", 16).attr("font-size", 14).attr("font-weight", "bold").text(title);
  figure.append("figcaption").text(caption);
  const setHeight = (h: number) => {
    svg.attr("height", px(h)).attr("viewBox", `0 0 ${px(width)} ${px(h)}`);
    svg.select(".gridgov-background").attr("height", px(h));
  };
  return { figure: figure.node() as HTMLElement, svg, uid, setHeight };
}

/** A table cell: text, a number (formatted with `formatNumber`) or `null` ("no data"). */
export type Cell = string | number | null;

/**
 * Appends the chart's text alternative: `<details><summary>Table</summary><table>`
 * with a caption, column headers and one row per entry (the first cell is the row's header).
 */
export function appendTable(frame: Frame, { caption, columns, rows }: { caption: string; columns: readonly string[]; rows: readonly Cell[][] }): void {
  const details = d3.select(frame.figure).append("details").attr("class", "gridgov-table");
  details.append("summary").text("Table");
  const table = details.append("table");
  table.append("caption").text(caption);
  table
    .append("thead")
    .append("tr")
    .selectAll("th")
    .data(columns)
    .join("th")
    .attr("scope", "col")
    .text((d) => d);
  const tbody = table.append("tbody");
  const fill = () => {
    const tr = tbody.selectAll("tr").data(rows).join("tr");
    tr.each(function (row) {
      const cells = d3.select(this);
      row.forEach((cell, k) => {
        const text = typeof cell === "number" || cell === null ? formatNumber(cell) : cell;
        const el = cells.append(k === 0 ? "th" : "td").text(text);
        if (k === 0) el.attr("scope", "row");
        if (typeof cell === "number") el.attr("class", "gridgov-number");
      });
    });
  };
  // A long table (a time series has a row per hour) is built when it is first opened,
  // so drawing the chart stays a short task; short tables are built at once.
  if (cells(rows) <= LAZY_TABLE_CELLS) fill();
  else details.on("toggle.fill", () => {
    details.on("toggle.fill", null);
    fill();
  });
}

/** Tables with more cells than this are filled when first opened. */
export const LAZY_TABLE_CELLS = 1500;

function cells(rows: readonly Cell[][]): number {
  return rows.reduce((n, r) => n + r.length, 0);
}

/** A scenario as a legend entry. */
export interface LegendItem {
  name: string;
  color: string;
  index: number;
  /** A figure shown after the name, never cut ("p90 3,816 min"). */
  note?: string;
}

/** Height of one legend line. */
export const LEGEND_LINE = 18;

/**
 * Draws the scenario legend at (x, y): one line per scenario with its colour, dash
 * pattern and symbol, and its name as text (cut to fit `width`; the full name in a
 * `<title>`). Returns its height.
 */
export function scenarioLegend(parent: Svg | G, items: readonly LegendItem[], { x, y, width }: { x: number; y: number; width: number }): number {
  const g = parent.append("g").attr("class", "gridgov-legend").attr("transform", `translate(${px(x)},${px(y)})`);
  items.forEach((item, k) => {
    const mark = scenarioMark(item.index);
    const row = g.append("g").attr("class", "gridgov-legend-item").attr("transform", `translate(0,${px(k * LEGEND_LINE + LEGEND_LINE / 2)})`);
    row.append("title").text(item.name);
    row.append("line").attr("x1", 0).attr("x2", 28).attr("stroke", item.color).attr("stroke-width", 2).attr("stroke-dasharray", mark.dash || null);
    row.append("path").attr("d", symbolPath(item.index, 48)).attr("transform", "translate(14,0)").attr("fill", item.color).attr("stroke", "white");
    // A few pixels spare: the width is an estimate, and glyphs drawn at another scale measure a little differently.
    const note = item.note ? ` · ${item.note}` : "";
    const text = row.append("text").attr("x", 36).attr("dy", "0.32em").text(fitText(item.name, Math.max(30, width - 36 - 8 - (note ? textWidth(note) : 0))));
    if (note) text.append("tspan").attr("class", "gridgov-legend-note").text(note);
  });
  return items.length * LEGEND_LINE;
}

/** The path of scenario `index`'s symbol, of area `size` px², centred on the origin. */
export function symbolPath(index: number, size: number): string {
  return d3.symbol(scenarioMark(index).symbol, size).digits(2)() ?? "";
}

/**
 * Draws `axis` in a new group at `transform` (with a tick offset of 0, whatever the
 * screen) and writes `label` at (`labelX`, `labelY`) relative to it. Returns the group.
 */
export function drawAxis<Domain extends d3.AxisDomain>(
  parent: Svg | G,
  axis: d3.Axis<Domain>,
  { transform, label, labelX = 0, labelY = 0, anchor = "start", className = "gridgov-axis" }: { transform: string; label?: string; labelX?: number; labelY?: number; anchor?: "start" | "middle" | "end"; className?: string },
): G {
  const g = parent.append("g").attr("class", className).attr("transform", transform);
  // d3 shifts ticks by half a pixel on low-density screens: fix the offset so that the
  // same input gives the same svg everywhere.
  g.call(axis.offset(0));
  if (label) g.append("text").attr("class", "gridgov-axis-label").attr("x", px(labelX)).attr("y", px(labelY)).attr("fill", "currentColor").attr("text-anchor", anchor).attr("font-weight", "bold").text(label);
  return g;
}

/**
 * Adds (once per svg) a hatched grey pattern for "no data" and returns its fill, `url(#…)`.
 */
export function noDataFill(frame: Frame): string {
  const id = frame.uid("no-data");
  if (frame.svg.select(`pattern#${cssEscape(id)}`).empty()) {
    const p = frame.svg.select("defs").append("pattern").attr("id", id).attr("width", 6).attr("height", 6).attr("patternUnits", "userSpaceOnUse").attr("patternTransform", "rotate(45)");
    p.append("rect").attr("width", 6).attr("height", 6).attr("fill", "#e6e6e6");
    p.append("line").attr("x1", 0).attr("y1", 0).attr("x2", 0).attr("y2", 6).attr("stroke", "#8c8c8c").attr("stroke-width", 2);
  }
  return `url(#${id})`;
}

function cssEscape(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/** FNV-1a hash of `text`, in base 36: stable ids from content. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
