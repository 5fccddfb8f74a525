/** One problem with a scenario, for people: where it is and what is wrong. */
export interface ScenarioIssue {
  /** Field path, e.g. `run.days` or `incidents.categories[2].share` ("" for the whole scenario). */
  path: string;
  /** What was expected and what was found. */
  message: string;
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
