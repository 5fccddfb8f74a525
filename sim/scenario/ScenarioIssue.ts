/** One problem with a scenario, for people: where it is and what is wrong. */
export interface ScenarioIssue {
  /** Field path, e.g. `run.days` or `incidents.categories[2].share` ("" for the whole scenario). */
  path: string;
  /** What was expected and what was found. */
  message: string;
  /**
   * The same problem as data, when the schema's own check found it (not for cross-field or
   * feasibility problems, which are worded by hand): for wording it again for other readers,
   * as the web page's editor does, without reading `message`.
   */
  detail?: IssueDetail;
  /**
   * Set when the problem is in the scenario as given (the file, the pasted text), found
   * before any override was applied: an override of the same field did not cause it.
   */
  beforeOverrides?: true;
}

/**
 * What a schema check wanted and what it found, as plain data (crosses worker boundaries).
 * Mirrors the zod issue; only the fields of its `code` are set.
 */
export interface IssueDetail {
  /** The zod issue code: `too_small`, `too_big`, `invalid_type`, `invalid_value`, `invalid_union`, `unrecognized_keys`, `invalid_format`, … */
  code: string;
  /** What a bound is on (`too_small`, `too_big`): "number", "int", "array" (its length), "string" (its length). */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** Whether the bound itself is allowed. */
  inclusive?: boolean;
  /** The length must be exactly the bound (an hour profile of 24). */
  exact?: boolean;
  /** The type wanted (`invalid_type`): "number", "int" (a whole number), "boolean", "string", "object", "array". */
  expected?: string;
  /** The values allowed (`invalid_value`; a distribution's `type` for `invalid_union`). */
  values?: ReadonlyArray<string | number | boolean | null>;
  /** The unknown field names (`unrecognized_keys`). */
  keys?: readonly string[];
  /** The rule a text must follow, in the schema's words (`invalid_format`). */
  rule?: string;
  /** The value found at the path: undefined when the field is missing. */
  found?: unknown;
}

/** Result of checking a scenario: the validated value, or every problem found (safeParse style, crosses worker boundaries). */
export type Checked<T> = { ok: true; value: T; warnings: string[] } | { ok: false; issues: ScenarioIssue[] };

/** Formats a field path from its segments: `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** Formats issues as lines `source: path: message`. */
export function formatIssues(source: string, issues: readonly ScenarioIssue[]): string {
  return issues.map((i) => `${source}: ${i.path || "(scenario)"}: ${i.message}`).join("\n");
}
