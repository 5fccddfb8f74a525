import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLayout, gridAt, gridCentre, type Layout } from "../../sim/model/Layout.js";
import { real, scenario } from "../support/scenarios.js";

/** Grid ids of each value of `of` (community or street). */
function groups(of: Int32Array): Map<number, number[]> {
  const m = new Map<number, number[]>();
  of.forEach((v, g) => m.set(v, [...(m.get(v) ?? []), g]));
  return m;
}

/** True if the grids form a full rectangle of the layout (contiguous, no holes). */
function isRectangle(layout: Layout, grids: number[]): boolean {
  const cs = grids.map((g) => g % layout.columns);
  const rs = grids.map((g) => Math.floor(g / layout.columns));
  const w = Math.max(...cs) - Math.min(...cs) + 1;
  const h = Math.max(...rs) - Math.min(...rs) + 1;
  return w * h === grids.length;
}

describe("Layout", () => {
  it("the default district has 20 × 15 grids of 400 m, 35 communities and 12 streets", () => {
    const l = buildLayout(scenario({}));
    expect([l.columns, l.rows, l.grids]).toEqual([20, 15, 300]);
    expect(l.cellWidth).toBeCloseTo(400, 9);
    expect(l.cellHeight).toBeCloseTo(400, 9);
    expect([l.communities, l.streets]).toEqual([35, 12]);
  });

  it("the number of grids follows households per grid (grid area ≈ district area × householdsPerGrid / households)", () => {
    fc.assert(
      fc.property(real(500, 20000), real(500, 20000), fc.integer({ min: 1000, max: 500000 }), real(100, 1000), (w, h, households, hpg) => {
        fc.pre(hpg <= households);
        const l = buildLayout(scenario({ district: { widthMeters: w, heightMeters: h, households }, grids: { householdsPerGrid: hpg } }));
        const side = Math.sqrt((w * h * hpg) / households);
        const a = w / side;
        const b = h / side;
        // Rounding each axis to whole grids moves it by at most half a grid (never below one grid).
        expect(l.columns).toBeGreaterThanOrEqual(Math.max(1, a - 0.5));
        expect(l.columns).toBeLessThanOrEqual(Math.max(1, a + 0.5));
        expect(l.rows).toBeGreaterThanOrEqual(Math.max(1, b - 0.5));
        expect(l.rows).toBeLessThanOrEqual(Math.max(1, b + 0.5));
        expect(l.grids).toBe(l.columns * l.rows);
        // The grid cells tile the district and share its households evenly.
        expect(l.cellWidth * l.columns).toBeCloseTo(w, 6);
        expect(l.cellHeight * l.rows).toBeCloseTo(h, 6);
        const hh = l.householdsOfGrid.reduce((s, x) => s + x, 0);
        expect(hh).toBeCloseTo(households, 6);
        expect(l.residentsOfGrid[0]).toBeCloseTo((households / l.grids) * 2.6, 9);
        if (a >= 1.5 && b >= 1.5) {
          // Then the grid area is within the rounding bounds of the target.
          const area = l.cellWidth * l.cellHeight;
          const target = side * side;
          expect(area / target).toBeGreaterThanOrEqual(((a / (a + 0.5)) * b) / (b + 0.5) - 1e-12);
          expect(area / target).toBeLessThanOrEqual(((a / (a - 0.5)) * b) / (b - 0.5) + 1e-12);
        }
      }),
      { seed: 601, numRuns: 300 },
    );
  });

  it("communities are a fixed map of the district: grid size changes neither their number nor the streets'", () => {
    fc.assert(
      fc.property(real(1000, 20000), real(1000, 20000), fc.integer({ min: 20000, max: 200000 }), real(800, 8000), fc.integer({ min: 1, max: 10 }), real(0, 1), (w, h, households, hpc, cps, t) => {
        // Grids of a ninth to a thirtieth of a community: every community then holds grid centres.
        const hpg = hpc / 30 + t * (hpc / 9 - hpc / 30);
        const l = buildLayout(scenario({ district: { widthMeters: w, heightMeters: h, households }, grids: { householdsPerGrid: hpg, householdsPerCommunity: hpc, communitiesPerStreet: cps } }));
        const side = Math.sqrt((w * h * hpc) / households);
        const [cc, cr] = [Math.max(1, Math.round(w / side)), Math.max(1, Math.round(h / side))];
        const sSide = Math.max(1, Math.round(Math.sqrt(cps)));
        expect(l.communities).toBe(cc * cr);
        expect(l.streets).toBe(Math.ceil(cc / sSide) * Math.ceil(cr / sSide));
        // Each grid lies in the community cell holding its centre (the last column and row take the rest).
        const expected = Array.from({ length: l.grids }, (_, g) => {
          const { x, y } = gridCentre(l, g);
          return Math.min(cr - 1, Math.floor(y / side)) * cc + Math.min(cc - 1, Math.floor(x / side));
        });
        expect(Array.from(l.communityOfGrid)).toEqual(expected);
      }),
      { seed: 603, numRuns: 150 },
    );
  });

  it("the default district's communities of 3,600 households are its 400-household grids in blocks of 3 × 3", () => {
    const byHouseholds = buildLayout(scenario({}));
    const byGrids = buildLayout(scenario({ grids: { gridsPerCommunity: 9 } }));
    expect(Array.from(byHouseholds.communityOfGrid)).toEqual(Array.from(byGrids.communityOfGrid));
    expect(Array.from(byHouseholds.streetOfGrid)).toEqual(Array.from(byGrids.streetOfGrid));
    // Coarser grids: the same 35 communities and 12 streets; with the older grouping they shrink with the grids.
    const coarse = { householdsPerGrid: 2000 };
    expect([buildLayout(scenario({ grids: coarse })).communities, buildLayout(scenario({ grids: coarse })).streets]).toEqual([35, 12]);
    const older = buildLayout(scenario({ grids: { ...coarse, gridsPerCommunity: 9 } }));
    expect(older.streets).toBeLessThan(12);
  });

  it("coarse grids leave some communities without a grid: the rest are numbered densely", () => {
    const l = buildLayout(scenario({ grids: { householdsPerGrid: 12000, householdsPerCommunity: 1000 } }));
    const used = new Set(l.communityOfGrid);
    expect(l.communities).toBeLessThan(120);
    expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: l.communities }, (_, k) => k));
    expect([...new Set(l.streetOfGrid)].sort((a, b) => a - b)).toEqual(Array.from({ length: l.streets }, (_, k) => k));
  });

  it("communities partition the grids into rectangles, and streets partition the communities", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 10 }),
        fc.option(fc.integer({ min: 200, max: 20000 }), { nil: undefined }),
        (columns, rows, gridsPerCommunity, communitiesPerStreet, householdsPerCommunity) => {
          // By grid count, or (when householdsPerCommunity is drawn) as a map by households.
          const grouping = householdsPerCommunity === undefined ? { gridsPerCommunity } : { householdsPerCommunity };
          const l = buildLayout(scenario({ grids: { columns, rows, ...grouping, communitiesPerStreet } }));
          expect(l.grids).toBe(columns * rows);
          const side = householdsPerCommunity === undefined ? Math.max(1, Math.round(Math.sqrt(gridsPerCommunity))) : Infinity;
          const communities = groups(l.communityOfGrid);
          // Every id in [0, communities) is used, and no other.
          expect([...communities.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: l.communities }, (_, k) => k));
          for (const grids of communities.values()) {
            expect(isRectangle(l, grids)).toBe(true);
            expect(grids.length).toBeLessThanOrEqual(side * side);
            // A community lies in exactly one street.
            expect(new Set(grids.map((g) => l.streetOfGrid[g])).size).toBe(1);
          }
          const streets = groups(l.streetOfGrid);
          expect([...streets.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: l.streets }, (_, k) => k));
          for (const grids of streets.values()) expect(isRectangle(l, grids)).toBe(true);
          expect(l.streets).toBeLessThanOrEqual(l.communities);
        },
      ),
      { seed: 602, numRuns: 150 },
    );
  });

  it("gridAt locates every point of the district in the grid whose cell contains it", () => {
    const l = buildLayout(scenario({ district: { widthMeters: 1000, heightMeters: 700 }, grids: { columns: 4, rows: 3 } }));
    for (let g = 0; g < l.grids; g++) {
      const c = gridCentre(l, g);
      expect(gridAt(l, c.x, c.y)).toBe(g);
    }
    expect(gridAt(l, 0, 0)).toBe(0);
    expect(gridAt(l, 1000, 700)).toBe(l.grids - 1); // the far edge belongs to the last cell
    expect(gridAt(l, 250, 0)).toBe(1); // west edge of column 1
    expect(gridAt(l, 249.999, 233.4)).toBe(4);
  });
});
