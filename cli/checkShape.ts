import { z } from "zod";
import { parseSeed, SEED_RULE } from "../sim/experiments/parseSeed.js";
import { formatPath } from "../sim/scenario/ScenarioIssue.js";
import { UserError } from "./UserError.js";

/** The `error` option of a zod schema whose problems should read "expected <what>". */
export const expected = (what: string) => ({ error: `expected ${what}` });

/** A whole number of at least `min` (and at most `max`, when given). */
export const wholeNumber = (min: number, max?: number) => {
  const what = expected(max === undefined ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`);
  const n = z.int(what).min(min, what);
  return max === undefined ? n : n.max(max, what);
};

/** Any JSON object (its fields are checked elsewhere). */
export const jsonObject = (what = "an object") => z.record(z.string(), z.unknown(), expected(what));

const seedExpected = expected(`a seed as --seed takes it: ${SEED_RULE}`);
/** A root seed as result files record it: a whole number or a text seed, as `--seed` takes them ({@link parseSeed}). */
export const recordedSeed = z.union(
  // Text that --seed would read as a number ("11") is recorded as that number, never as text.
  [z.int(seedExpected).min(0, seedExpected).max(Number.MAX_SAFE_INTEGER, seedExpected), z.string().refine((text) => typeof (parseSeed(text) as { seed?: unknown }).seed === "string", seedExpected)],
  seedExpected,
);

/** A replication count as the commands take it: 1 to 100,000. */
export const replicationCount = z
  .int(expected("a whole number of replications from 1 to 100000"))
  .min(1, expected("a whole number of replications from 1 to 100000"))
  .max(100000, expected("a whole number of replications from 1 to 100000"));

/**
 * Checks JSON read from `file` against `schema` (whose messages say what was expected,
 * see {@link expected}) and returns it typed. Every problem becomes one line
 * `file: field.path: expected …, found …`, all in one UserError, followed by `advice`.
 */
export function checkShape<T>(file: string, data: unknown, schema: z.ZodType<T>, advice: string): T {
  const checked = schema.safeParse(data);
  if (checked.success) return checked.data;
  // One line per problem: a value can break two checks that say the same (not whole, and too large).
  const lines = new Set(checked.error.issues.map((i) => `${file}: ${formatPath(i.path) || "(file)"}: ${i.message}, found ${show(valueAt(data, i.path))}`));
  throw new UserError([...lines, `${file}: ${advice}`].join("\n"));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return "nothing (the field is missing)";
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
