import { FORBIDDEN_KEYS } from "./pathSegments.js";

/**
 * The value at a dotted field path (`staffing.workersPerGrid`, `incidents.categories[0].share`
 * or `incidents.categories.0.share`), or undefined when any step is missing. Reads own
 * properties only and never a prototype key, so no path reaches a prototype.
 */
export function getPath(obj: unknown, path: string): unknown {
  if (path === "") return obj;
  let node: unknown = obj;
  for (const seg of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (FORBIDDEN_KEYS.has(seg) || node === null || typeof node !== "object" || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}
