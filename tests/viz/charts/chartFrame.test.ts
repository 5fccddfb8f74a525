/**
 * Runs without a global DOM (node environment): charts can be built in any document,
 * e.g. from jsdom in a command-line export.
 */
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { appendTable, chartFrame, LAZY_TABLE_CELLS, scenarioLegend } from "../../../viz/charts/chartFrame.js";
import { svgToString } from "../../../viz/charts/exportSvg.js";
import { sweepHeatmap } from "../../../viz/charts/sweepHeatmap.js";

const doc = () => new JSDOM("<!doctype html><html><body></body></html>").window.document;

describe("chartFrame", () => {
  test("builds in the document it is given, with no global document", () => {
    expect(typeof globalThis.document).toBe("undefined");
    const document = doc();
    const figure = sweepHeatmap([{ x: 1, y: 1, value: 2, ci95: [1, 3], cost: null }], { xLabel: "x", yLabel: "y", metric: "m", target: 5, replications: 2, document });
    expect(figure.ownerDocument).toBe(document);
    expect(figure.querySelector("svg")?.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(svgToString(figure)).toContain("<title");
    expect(() => sweepHeatmap([], { xLabel: "x", yLabel: "y", metric: "m", target: 5, replications: 2 })).toThrow(/document/);
  });

  test("frame: figure, named svg, caption; ids from the given prefix or the title", () => {
    const frame = chartFrame({ kind: "test", title: "A title", caption: "A caption.", width: 100, height: 50, document: doc() });
    expect(frame.figure.getAttribute("class")).toBe("gridgov-chart gridgov-test");
    expect(frame.figure.id).toMatch(/^gridgov-test-[0-9a-z]+$/);
    expect(frame.svg.attr("viewBox")).toBe("0 0 100 50");
    frame.setHeight(80);
    expect(frame.svg.attr("viewBox")).toBe("0 0 100 80");
    expect(frame.figure.querySelector("figcaption")?.textContent).toBe("A caption.");
    const other = chartFrame({ kind: "test", title: "A title", caption: "", width: 1, height: 1, id: "mine", document: doc() });
    expect(other.uid("title")).toBe("mine-title");
    expect(other.figure.querySelector("svg")?.getAttribute("aria-labelledby")).toBe("mine-title");
  });

  test("table: column headers, row headers, numbers formatted, null as 'no data', text never parsed", () => {
    const frame = chartFrame({ kind: "test", title: "T", caption: "C", width: 1, height: 1, document: doc() });
    appendTable(frame, { caption: "Cap", columns: ["Name", "Value"], rows: [["<b>x</b>", 1234.5], ["y", null]] });
    const table = frame.figure.querySelector("details > table")!;
    expect(table.querySelector("caption")?.textContent).toBe("Cap");
    expect(Array.from(table.querySelectorAll("thead th"), (th) => th.getAttribute("scope"))).toEqual(["col", "col"]);
    const rows = table.querySelectorAll("tbody tr");
    expect(rows[0].children[0].localName).toBe("th");
    expect(rows[0].children[0].getAttribute("scope")).toBe("row");
    expect(rows[0].children[0].textContent).toBe("<b>x</b>");
    expect(table.querySelector("b")).toBeNull();
    expect(rows[0].children[1].textContent).toBe("1,235");
    expect(rows[1].children[1].textContent).toBe("no data");
  });

  test("a long table is filled when it is first opened, so drawing the chart stays short", () => {
    const frame = chartFrame({ kind: "test", title: "T", caption: "C", width: 1, height: 1, document: doc() });
    const rows = Array.from({ length: LAZY_TABLE_CELLS }, (_, k) => [`row ${k}`, k]);
    appendTable(frame, { caption: "Cap", columns: ["Name", "Value"], rows });
    const details = frame.figure.querySelector("details")!;
    expect(details.querySelectorAll("tbody tr").length).toBe(0);
    details.dispatchEvent(new frame.figure.ownerDocument.defaultView!.Event("toggle"));
    expect(details.querySelectorAll("tbody tr").length).toBe(LAZY_TABLE_CELLS);
    details.dispatchEvent(new frame.figure.ownerDocument.defaultView!.Event("toggle"));
    expect(details.querySelectorAll("tbody tr").length).toBe(LAZY_TABLE_CELLS);
    expect(details.querySelector("tbody tr:last-child td")?.textContent).toBe(String(LAZY_TABLE_CELLS - 1).replace(/\B(?=(\d{3})+$)/g, ","));
  });

  test("legend: one entry per scenario with its colour, dash and symbol, long names cut with the full name kept", () => {
    const frame = chartFrame({ kind: "test", title: "T", caption: "C", width: 200, height: 60, document: doc() });
    const long = "A scenario with a name far too long for the legend";
    const height = scenarioLegend(frame.svg, [{ name: "Base", color: "#000000", index: 0 }, { name: long, color: "#0072B2", index: 1 }], { x: 0, y: 0, width: 200 });
    expect(height).toBe(36);
    const items = frame.figure.querySelectorAll(".gridgov-legend-item");
    expect(items[0].querySelector("line")?.hasAttribute("stroke-dasharray")).toBe(false);
    expect(items[1].querySelector("line")?.getAttribute("stroke-dasharray")).toBe("6 3");
    expect(items[1].querySelector("line")?.getAttribute("stroke")).toBe("#0072B2");
    expect(items[1].querySelector("text")?.textContent).toMatch(/^A scenario with.*…$/);
    expect(items[1].querySelector("title")?.textContent).toBe(long);
  });
});
