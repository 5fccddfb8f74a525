import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The shipped presets, id → scenario data, as the app bundles them. */
export const PRESETS: Record<string, unknown> = Object.fromEntries(
  readdirSync(join(process.cwd(), "scenarios"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(process.cwd(), "scenarios", f), "utf8"))]),
);
