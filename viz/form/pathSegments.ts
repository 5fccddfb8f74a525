/** Keys that could reach an object's prototype; no path may contain them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Splits a field path into its segments: `incidents.categories[2].share` and
 * `incidents.categories.2.share` both give `["incidents", "categories", "2", "share"]`.
 * Throws a RangeError for an empty segment or one that could reach a prototype.
 */
export function pathSegments(path: string): string[] {
  if (path === "") return [];
  const segments = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  for (const seg of segments) {
    if (seg === "") throw new RangeError(`expected a field path like "staffing.workersPerGrid", found "${path}"`);
    if (FORBIDDEN_KEYS.has(seg)) throw new RangeError(`expected a field path without "${seg}", found "${path}"`);
  }
  return segments;
}
