import type { Scenario } from "../scenario/scenarioSchema.js";

/**
 * The district's geometry: a rectangle tiled by `columns × rows` equal grid cells
 * (as near square as the district allows), each in a community (社区), and communities
 * grouped in near-square blocks into streets (街道). Grid ids run row by row from the
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

/** Community and street of each grid, and how many of each. */
interface Grouping {
  communityOfGrid: Int32Array;
  streetOfGrid: Int32Array;
  communities: number;
  streets: number;
}

/**
 * Communities as a fixed map of the district, whatever the grid size: near-square cells of
 * about `householdsPerCommunity` households (the last column and row take the remainder), each
 * grid in the community holding its centre; streets are near-square blocks of about
 * `communitiesPerStreet` communities. Communities and streets holding no grid centre (only
 * possible with grids coarser than communities) are left out, and ids are numbered densely.
 */
function groupByHouseholds(s: Scenario, columns: number, rows: number): Grouping {
  const width = s.district.widthMeters;
  const height = s.district.heightMeters;
  const side = Math.sqrt((width * height * s.grids.householdsPerCommunity) / s.district.households);
  const commColumns = Math.max(1, Math.round(width / side));
  const commRows = Math.max(1, Math.round(height / side));
  const sSide = Math.max(1, Math.round(Math.sqrt(s.grids.communitiesPerStreet)));
  const streetColumns = blocks(commColumns, sSide);
  const rawCommunity = new Int32Array(columns * rows);
  const rawStreet = new Int32Array(columns * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const g = r * columns + c;
      const cc = Math.min(commColumns - 1, Math.floor(((c + 0.5) * width) / columns / side));
      const cr = Math.min(commRows - 1, Math.floor(((r + 0.5) * height) / rows / side));
      rawCommunity[g] = cr * commColumns + cc;
      rawStreet[g] = Math.floor(cr / sSide) * streetColumns + Math.floor(cc / sSide);
    }
  }
  const community = dense(rawCommunity);
  const street = dense(rawStreet);
  return { communityOfGrid: community.ids, streetOfGrid: street.ids, communities: community.count, streets: street.count };
}

/** Ids renumbered 0, 1, … in increasing order of the original ids, leaving out unused ones. */
function dense(raw: Int32Array): { ids: Int32Array; count: number } {
  const used = [...new Set(raw)].sort((a, b) => a - b);
  const index = new Map(used.map((id, k) => [id, k]));
  return { ids: raw.map((id) => index.get(id)!), count: used.length };
}

/** The older grouping: blocks of about `gridsPerCommunity` grids, so communities grow with the grids. */
function groupByGridCount(s: Scenario, columns: number, rows: number): Grouping {
  const communityOfGrid = new Int32Array(columns * rows);
  const streetOfGrid = new Int32Array(columns * rows);
  const cSide = Math.max(1, Math.round(Math.sqrt(s.grids.gridsPerCommunity!)));
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
  return { communityOfGrid, streetOfGrid, communities, streets };
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
  const { communityOfGrid, streetOfGrid, communities, streets } =
    s.grids.gridsPerCommunity !== undefined ? groupByGridCount(s, columns, rows) : groupByHouseholds(s, columns, rows);
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
