/** A field a scenario ignores when another field is given, and what that other field decides. */
export interface OverriddenField {
  /** The ignored field (dotted path). */
  path: string;
  /** The fields that override it: any one of them given is enough. */
  by: readonly string[];
  /** What they decide instead ("the grids"). */
  decides: string;
}

/**
 * Fields another field overrides when both are given: `grids.columns` and `grids.rows`
 * fix the grids whatever `grids.householdsPerGrid` says, and `grids.gridsPerCommunity`
 * fixes the communities whatever `grids.householdsPerCommunity` says.
 */
export const OVERRIDDEN_FIELDS: readonly OverriddenField[] = [
  { path: "grids.householdsPerGrid", by: ["grids.columns", "grids.rows"], decides: "the grids" },
  { path: "grids.householdsPerCommunity", by: ["grids.gridsPerCommunity"], decides: "the communities" },
];

/**
 * The fields of {@link OVERRIDDEN_FIELDS} that `data` gives together with a field that
 * overrides them, so that they change nothing. `data` must be the scenario as written
 * (parsed JSON, before validation): validation fills in the ignored fields' defaults, after
 * which they always look given.
 */
export function ignoredFields(data: unknown): OverriddenField[] {
  return OVERRIDDEN_FIELDS.filter((f) => givenAt(data, f.path) && overridden(data, f));
}

/** True when `data` gives one of the fields that override `field` (they have no default, so validated data answers as well). */
export function overridden(data: unknown, field: OverriddenField): boolean {
  return field.by.some((path) => givenAt(data, path));
}

/**
 * The fields of {@link OVERRIDDEN_FIELDS} that `data` (as written) gives, and that
 * overrides setting `setPaths` (`--set grids.gridsPerCommunity=5`) now override: the
 * scenario as written used them, the scenario that runs ignores them.
 */
export function ignoredAfterOverrides(data: unknown, setPaths: readonly string[]): OverriddenField[] {
  return OVERRIDDEN_FIELDS.filter((f) => givenAt(data, f.path) && !overridden(data, f) && f.by.some((path) => setPaths.includes(path)));
}

/**
 * A warning that `field` is ignored, naming where it is given (`source`, a file name),
 * e.g. "grids.householdsPerCommunity in x.json is ignored: grids.gridsPerCommunity is also
 * given and fixes the communities; leave out one or the other".
 */
export function ignoredFieldWarning(field: OverriddenField, source?: string): string {
  const one = field.by.length === 1;
  const where = source ? ` in ${source}` : "";
  return `${field.path}${where} is ignored: ${field.by.join(" and ")} ${one ? "is" : "are"} also given and ${one ? "fixes" : "fix"} ${field.decides}; leave out one or the other`;
}

function givenAt(data: unknown, path: string): boolean {
  let node = data;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}
