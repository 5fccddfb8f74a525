/**
 * Whether field `path` is `entry` itself or lies inside it: `staffing` covers
 * `staffing.workersPerGrid`; `incidents.categories` covers `incidents.categories[0].share`.
 */
export function matchesPath(path: string, entry: string): boolean {
  if (entry === "") return true;
  return path === entry || path.startsWith(`${entry}.`) || path.startsWith(`${entry}[`);
}
