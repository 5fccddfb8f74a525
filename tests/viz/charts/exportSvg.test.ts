// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { svgDataUrl, svgToString } from "../../../viz/charts/exportSvg.js";
import { sweepHeatmap } from "../../../viz/charts/sweepHeatmap.js";
import { HOSTILE } from "./fixtures.js";

const figure = () =>
  sweepHeatmap([{ x: 1, y: 1, value: null, ci95: null, cost: null }, { x: 2, y: 1, value: 3, ci95: [2, 4], cost: 10 }], {
    xLabel: HOSTILE,
    yLabel: "Workers & staff",
    metric: "Mean response time",
    target: 5,
    replications: 2,
  });

describe("svgToString", () => {
  test("is a standalone SVG file: XML declaration, one svg namespace, well-formed", () => {
    const text = svgToString(figure());
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text.match(/xmlns="/g)?.length).toBe(1);
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    expect(doc.documentElement.localName).toBe("svg");
    expect(doc.documentElement.namespaceURI).toBe("http://www.w3.org/2000/svg");
  });

  test("keeps the title, patterns and gradients, and escapes text", () => {
    const text = svgToString(figure());
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    expect(doc.querySelector("title")?.textContent).toContain(HOSTILE.toLowerCase());
    expect(doc.querySelector("pattern")).not.toBeNull();
    expect(doc.querySelector("linearGradient")).not.toBeNull();
    expect(text).not.toContain("<img");
    expect(text).toContain("Workers &amp; staff");
  });

  test("takes the svg itself too, and makes a data URL", () => {
    const f = figure();
    expect(svgToString(f.querySelector("svg")!)).toBe(svgToString(f));
    expect(decodeURIComponent(svgDataUrl(f).replace(/^data:image\/svg\+xml;charset=utf-8,/, ""))).toBe(svgToString(f));
  });
});
