/** DOM readers shared by the chart tests. */
import { textWidth } from "../../../viz/charts/textWidth.js";

/** The chart's svg. */
export function svgOf(figure: Element): SVGSVGElement {
  const svg = figure.querySelector("svg");
  if (!svg) throw new Error("no svg");
  return svg;
}

/** The text alternative's body rows, as cell texts. */
export function tableRows(figure: Element): string[][] {
  return Array.from(figure.querySelectorAll("details table tbody tr"), (tr) => Array.from(tr.children, (td) => td.textContent ?? ""));
}

/** The text alternative's column headers. */
export function tableColumns(figure: Element): string[] {
  return Array.from(figure.querySelectorAll("details table thead th"), (th) => th.textContent ?? "");
}

/** A number as the charts print it (U+2212 minus, grouping commas). */
export function parseShown(text: string): number {
  return Number(text.replace(/−/g, "-").replace(/,/g, "").replace(/%$/, ""));
}

/** The ticks of an axis group: shown value and position along the axis. */
export function ticks(axis: Element, along: "x" | "y"): Array<{ value: number; at: number }> {
  return Array.from(axis.querySelectorAll(":scope > g.tick"), (t) => {
    const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(t.getAttribute("transform") ?? "");
    if (!m) throw new Error("tick without translate");
    return { value: parseShown(t.querySelector("text")?.textContent ?? ""), at: Number(along === "x" ? m[1] : m[2]) };
  });
}

/** The numbers of a translate(x,y) transform. */
export function translate(el: Element): [number, number] {
  const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(el.getAttribute("transform") ?? "");
  if (!m) throw new Error(`no translate on <${el.localName}>`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The element tree as indented `tag.class` lines (no coordinates or numbers), down to
 * `maxDepth`; a run of identical sibling subtrees is written once, its first line followed
 * by "×count": the structure a snapshot keeps.
 */
export function skeleton(el: Element, depth = 0, maxDepth = 5): string {
  const cls = el.getAttribute("class");
  let line = `${"  ".repeat(depth)}${el.localName}${cls ? `.${cls.split(/\s+/).join(".")}` : ""}`;
  if (depth >= maxDepth || el.children.length === 0) return line;
  const parts: string[] = [];
  let last = "";
  let count = 0;
  const flush = () => {
    if (!count) return;
    const [first, ...rest] = last.split("\n");
    parts.push([count > 1 ? `${first} ×${count}` : first, ...rest].join("\n"));
  };
  for (const child of Array.from(el.children)) {
    const s = skeleton(child, depth + 1, maxDepth);
    if (s === last) count++;
    else {
      flush();
      last = s;
      count = 1;
    }
  }
  flush();
  return [line, ...parts].join("\n");
}

/**
 * The interval notes (".gridgov-note") that would reach past the right edge of the
 * chart, `width` px wide, given the room their text needs (bold where drawn bold).
 */
export function notesPastEdge(figure: Element, width: number): string[] {
  return Array.from(figure.querySelectorAll("text.gridgov-note"))
    .filter((t) => Number(t.getAttribute("x")) + textWidth(t.textContent ?? "", 12, t.getAttribute("font-weight") === "bold") > width)
    .map((t) => t.textContent ?? "");
}

/** The x positions of the interval notes, without repeats. */
export function noteColumns(figure: Element): number[] {
  return [...new Set(Array.from(figure.querySelectorAll("text.gridgov-note"), (t) => Number(t.getAttribute("x"))))];
}
