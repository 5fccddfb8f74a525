import { describe, expect, test } from "vitest";
import { textWidth } from "../../../viz/charts/textWidth.js";

/** Widths at 12 px (normal, bold) measured in Chromium with DejaVu Sans, the widest common system font. */
const MEASURED: Array<[string, number, number]> = [
  ["0.54 h (0.46 to 0.62)", 124.43, 139.03],
  ["−1,105 (−1,168 to −1,043)", 166.08, 181.52],
  ["0.073 (0.070 to 0.076)", 135.91, 151.35],
  ["50% (49 to 51)", 90.06, 99.6],
  ["Teaching district — 15 grids", 166.55, 187.96],
  ["网格化治理 Grid 网格", 116.81, 120.83],
];

describe("textWidth", () => {
  test("gives labels at least the room DejaVu Sans takes, and at most a tenth more", () => {
    for (const [text, normal, bold] of MEASURED) {
      expect(textWidth(text), text).toBeGreaterThanOrEqual(normal);
      expect(textWidth(text), text).toBeLessThanOrEqual(normal * 1.1);
      expect(textWidth(text, 12, true), text).toBeGreaterThanOrEqual(bold);
      expect(textWidth(text, 12, true), text).toBeLessThanOrEqual(bold * 1.1);
    }
  });

  test("grows with the font size", () => {
    expect(textWidth("0.54 h", 24)).toBeCloseTo(2 * textWidth("0.54 h", 12), 6);
    expect(textWidth("")).toBe(0);
  });
});
