import type { Scenario } from "../scenario/scenarioSchema.js";

/**
 * The district's geometry: a rectangle tiled by `columns × rows` equal grid cells
 * (as near square as the district allows), grouped in near-square blocks into
 * communities, and communities into streets. Grid ids run row by row from the
 * north-west corner; positions are metres from that corner.
 */
export interface Layout {
  /** District extent (metres). */
  width: number;
  height: number;
  columns: number;
  rows: number;
  /** Grid cell extent (metres). */
  cellWidth: number;
  cellHeight: number;
  /** Number of grids. */
  grids: number;
  /** Community id of each grid. */
  communityOfGrid: Int32Array;
  /** Street id of each grid. */
  streetOfGrid: Int32Array;
  communities: number;
  streets: number;
  /** Residents of each grid (households are spread evenly over the district). */
  residentsOfGrid: Float64Array;
  /** Households of each grid. */
  householdsOfGrid: Float64Array;
}

/** Number of near-square `side`-blocks along an axis of `n` cells. */
function blocks(n: number, side: number): number {
  return Math.ceil(n / side);
}

/** Grid columns and rows: given explicitly, or from the grid side √(district area × householdsPerGrid ÷ households). */
export function gridDimensions(s: Scenario): { columns: number; rows: number } {
  if (s.grids.columns !== undefined && s.grids.rows !== undefined) return { columns: s.grids.columns, rows: s.grids.rows };
  const width = s.district.widthMeters;
  const height = s.district.heightMeters;
  const side = Math.sqrt((width * height * s.grids.householdsPerGrid) / s.district.households);
  return { columns: Math.max(1, Math.round(width / side)), rows: Math.max(1, Math.round(height / side)) };
}

/** Builds the district's layout from a validated scenario. */
export function buildLayout(s: Scenario): Layout {
  const width = s.district.widthMeters;
  const height = s.district.heightMeters;
  const { columns, rows } = gridDimensions(s);
  const grids = columns * rows;
  const communityOfGrid = new Int32Array(grids);
  const streetOfGrid = new Int32Array(grids);
  const cSide = Math.max(1, Math.round(Math.sqrt(s.grids.gridsPerCommunity)));
  const commColumns = blocks(columns, cSide);
  const sSide = Math.max(1, Math.round(Math.sqrt(s.grids.communitiesPerStreet)));
  const streetColumns = blocks(commColumns, sSide);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const g = r * columns + c;
      const cr = Math.floor(r / cSide);
      const cc = Math.floor(c / cSide);
      communityOfGrid[g] = cr * commColumns + cc;
      streetOfGrid[g] = Math.floor(cr / sSide) * streetColumns + Math.floor(cc / sSide);
    }
  }
  const communities = commColumns * blocks(rows, cSide);
  const streets = streetColumns * blocks(blocks(rows, cSide), sSide);
  const householdsOfGrid = new Float64Array(grids).fill(s.district.households / grids);
  const residentsOfGrid = householdsOfGrid.map((h) => h * s.district.personsPerHousehold);
  return {
    width,
    height,
    columns,
    rows,
    cellWidth: width / columns,
    cellHeight: height / rows,
    grids,
    communityOfGrid,
    streetOfGrid,
    communities,
    streets,
    residentsOfGrid,
    householdsOfGrid,
  };
}

/** The grid containing point (x, y) (metres from the north-west corner). */
export function gridAt(layout: Layout, x: number, y: number): number {
  const c = Math.min(layout.columns - 1, Math.floor(x / layout.cellWidth));
  const r = Math.min(layout.rows - 1, Math.floor(y / layout.cellHeight));
  return r * layout.columns + c;
}

/** Centre of grid `g` (metres). */
export function gridCentre(layout: Layout, g: number): { x: number; y: number } {
  const c = g % layout.columns;
  const r = Math.floor(g / layout.columns);
  return { x: (c + 0.5) * layout.cellWidth, y: (r + 0.5) * layout.cellHeight };
}
