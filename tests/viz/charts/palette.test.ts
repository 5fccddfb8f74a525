import * as d3 from "d3";
import { describe, expect, test } from "vitest";
import { OKABE_ITO, scenarioColor, scenarioMark } from "../../../viz/charts/palette.js";

describe("palette", () => {
  test("scenario colours are the eight Okabe–Ito colours, baseline black, repeating after eight", () => {
    expect(new Set(OKABE_ITO.map((c) => c.toLowerCase()))).toEqual(new Set(["#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"]));
    expect(scenarioColor(0)).toBe("#000000");
    expect(Array.from({ length: 8 }, (_, k) => scenarioColor(k))).toEqual([...OKABE_ITO]);
    expect(scenarioColor(8)).toBe(scenarioColor(0));
    expect(scenarioColor(-1)).toBe(scenarioColor(7));
  });

  test("the first seven scenarios have distinct dashes and symbols; colour and dash repeat together only after 56", () => {
    const marks = Array.from({ length: 7 }, (_, k) => scenarioMark(k));
    expect(new Set(marks.map((m) => m.dash)).size).toBe(7);
    expect(new Set(marks.map((m) => m.symbolName)).size).toBe(7);
    expect(marks[0].dash).toBe("");
    const pairs = new Set(Array.from({ length: 56 }, (_, k) => `${scenarioColor(k)} ${scenarioMark(k).dash}`));
    expect(pairs.size).toBe(56);
    expect(d3.symbol(scenarioMark(3).symbol, 64)()).toBe(d3.symbol(d3.symbolDiamond, 64)());
  });
});
