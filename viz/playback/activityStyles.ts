import * as d3 from "d3";
import { ACTIVITIES, type ActivityName } from "../../sim/model/Workforce.js";

/** How a worker activity is drawn and named: a colour AND a shape, so that nothing is told by colour alone. */
export interface ActivityStyle {
  name: ActivityName;
  /** Legend text. */
  label: string;
  /** Okabe–Ito colour (safe for the common colour-vision deficiencies). */
  color: string;
  /** Shape name (for legends read aloud and tests) and the d3 symbol drawing it. */
  shape: string;
  symbol: d3.SymbolType;
  /** Stroke-only symbols (off duty: ×) are drawn in the colour without fill. */
  hollow: boolean;
}

const STYLES: Record<ActivityName, Omit<ActivityStyle, "name">> = {
  offDuty: { label: "Off duty (at home)", color: "#7a7a7a", shape: "cross (×)", symbol: d3.symbolTimes, hollow: true },
  available: { label: "On duty, free: patrolling or waiting", color: "#009E73", shape: "circle", symbol: d3.symbolCircle, hollow: false },
  travel: { label: "Travelling to an incident", color: "#E69F00", shape: "triangle", symbol: d3.symbolTriangle, hollow: false },
  handling: { label: "Handling an incident on site", color: "#D55E00", shape: "square", symbol: d3.symbolSquare, hollow: false },
  verifying: { label: "Checking a fix on site", color: "#CC79A7", shape: "diamond", symbol: d3.symbolDiamond, hollow: false },
  admin: { label: "Admin work and data entry", color: "#0072B2", shape: "plus", symbol: d3.symbolCross, hollow: false },
  returning: { label: "Walking back to the post", color: "#56B4E9", shape: "wye (Y)", symbol: d3.symbolWye, hollow: false },
};

/** The style of each activity, indexed like `ACTIVITIES` (and the playback's activity codes). */
export const ACTIVITY_STYLES: readonly ActivityStyle[] = ACTIVITIES.map((name) => ({ name, ...STYLES[name] }));
