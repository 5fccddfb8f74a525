import * as d3 from "d3";
import type { Layout } from "../../sim/model/Layout.js";
import { appendTable, chartFrame, noDataFill, scenarioLegend, TITLE_HEIGHT, type FrameOptions, type LegendItem } from "./chartFrame.js";
import { COLOR_LEGEND_HEIGHT, colorLegend, labelColor, sequentialScale, type SequentialScheme } from "./colorRamp.js";
import { formatRounded, px, replicationsPhrase } from "./format.js";

/** The part of a {@link Layout} the map needs. */
export type MapLayout = Pick<Layout, "columns" | "rows" | "cellWidth" | "cellHeight">;

/** Options of {@link districtMap}. */
export interface DistrictMapOptions extends FrameOptions {
  /** What the values are, e.g. "Mean response time". */
  label: string;
  /** Unit of the values, e.g. "min" (none by default). */
  unit?: string;
  /** How many replications each value averages (stated in the caption). */
  replications: number;
  /** Colour-vision-safe sequential scheme, dark = low. Default "cividis". */
  scheme?: SequentialScheme;
  /** Value range of the colours. Pass the same one to the maps of compared scenarios. Default: these values' extent. */
  domain?: [number, number];
  /** The scenario shown, named in the legend and outlining the map in its colour. */
  scenario?: LegendItem;
  /** Total width (px). Default 480. */
  width?: number;
  /** Largest height of the map itself (px). Default 480. */
  maxMapHeight?: number;
  /** Accessible and visible title. Default "<label> by grid". */
  title?: string;
}

const PAD = 8;

/**
 * The district as its grids (columns × rows, grid ids row by row from the north-west
 * corner), each coloured by its value on a sequential scale with a labelled colour
 * legend; grids without a value are hatched grey ("no data"). Each grid has a
 * `<title>` with its id and value, and large enough grids show the value.
 */
export function districtMap(layout: MapLayout, values: ReadonlyArray<number | null>, options: DistrictMapOptions): HTMLElement {
  const { label, unit = "", replications, scheme = "cividis", scenario, width = 480, maxMapHeight = 480, id, document } = options;
  const title = options.title ?? `${label} by grid`;
  const { columns, rows } = layout;
  const unitText = unit ? ` ${unit}` : "";
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const extent = d3.extent(known) as [number, number] | [undefined, undefined];
  const domain = options.domain ?? (extent[0] === undefined ? [0, 1] : (extent as [number, number]));
  const color = sequentialScale(scheme, domain);
  const missing = values.length < columns * rows || known.length < values.length;
  const caption =
    `${label}${unit ? ` (${unit})` : ""} in each of the ${columns * rows} grids (${columns} columns × ${rows} rows, north at the top): ` +
    `each value is the mean over ${replicationsPhrase([replications], false)}${scenario ? ` of ${scenario.name}` : ""}; per-grid intervals are not shown.` +
    (missing ? " Hatched grey: no data." : "");

  let cellW = (width - 2 * PAD) / columns;
  let cellH = (cellW * layout.cellHeight) / layout.cellWidth;
  if (cellH * rows > maxMapHeight) {
    cellH = maxMapHeight / rows;
    cellW = (cellH * layout.cellWidth) / layout.cellHeight;
  }
  const legendTop = TITLE_HEIGHT + 8;
  const colorTop = legendTop + (scenario ? 26 : 0);
  const mapTop = colorTop + COLOR_LEGEND_HEIGHT + 12;
  const frame = chartFrame({ kind: "map", title, caption, width, height: mapTop + rows * cellH + PAD, id, document });
  const { svg } = frame;
  if (scenario) scenarioLegend(svg, [scenario], { x: PAD, y: legendTop, width: width - 2 * PAD });
  colorLegend(frame, svg, color, { x: PAD, y: colorTop, width: Math.min(320, width - 2 * PAD), label: `${label}${unit ? ` (${unit})` : ""}`, noData: missing });

  const map = svg.append("g").attr("class", "gridgov-map").attr("transform", `translate(${PAD},${px(mapTop)})`);
  const hatch = missing ? noDataFill(frame) : "";
  // Labels to two significant digits of the largest value on the colour scale: minutes and
  // counts come out whole, shares such as utilisation (0..1) with two decimals.
  const labelScale = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  const format = (v: number) => formatRounded(v, labelScale);
  for (let g = 0; g < columns * rows; g++) {
    const v = values[g] ?? null;
    const ok = v !== null && Number.isFinite(v);
    const fill = ok ? color(v) : hatch;
    const x = (g % columns) * cellW;
    const y = Math.floor(g / columns) * cellH;
    const cell = map.append("g").attr("class", ok ? "gridgov-grid" : "gridgov-grid gridgov-no-data").attr("data-grid", g);
    cell.append("title").text(`Grid ${g}: ${ok ? `${format(v)}${unitText}` : "no data"}`);
    cell.append("rect").attr("x", px(x)).attr("y", px(y)).attr("width", px(cellW)).attr("height", px(cellH)).attr("fill", fill).attr("stroke", "white").attr("stroke-width", 1);
    if (ok && cellW >= 36 && cellH >= 18) {
      cell.append("text").attr("x", px(x + cellW / 2)).attr("y", px(y + cellH / 2)).attr("dy", "0.32em").attr("text-anchor", "middle").attr("font-size", 10).attr("fill", labelColor(fill)).text(format(v));
    }
  }
  if (scenario) map.append("rect").attr("class", "gridgov-map-outline").attr("width", px(columns * cellW)).attr("height", px(rows * cellH)).attr("fill", "none").attr("stroke", scenario.color).attr("stroke-width", 2);

  appendTable(frame, {
    caption: `${label}${unit ? ` (${unit})` : ""} per grid: mean over ${replicationsPhrase([replications], false)}.`,
    columns: ["Grid", "Row", "Column", `${label}${unit ? ` (${unit})` : ""}`],
    rows: Array.from({ length: columns * rows }, (_, g) => [String(g), Math.floor(g / columns) + 1, (g % columns) + 1, values[g] ?? null]),
  });
  return frame.figure;
}
