import { UserError } from "./UserError.js";
import { parseSeed, SEED_RULE } from "../sim/experiments/parseSeed.js";

/** What a flag takes: a value (string), a repeatable value (list) or nothing (boolean). */
export type FlagKind = "string" | "list" | "boolean";

/** The flags a command accepts, by name (without the leading `--`). */
export type FlagSpec = Record<string, FlagKind>;

/** Parsed command-line arguments. */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | string[] | boolean | undefined>;
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name` flags; unknown flags are
 * refused with the list of known ones.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec, command: string): ParsedArgs {
  const positional: string[] = [];
  const flags: ParsedArgs["flags"] = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) {
      const known = Object.keys(spec).map((f) => `--${f}`).join(", ");
      throw new UserError(`gridgov ${command}: unknown option --${name}; expected one of: ${known}`);
    }
    if (kind === "boolean") {
      if (eq >= 0) throw new UserError(`gridgov ${command}: --${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (k + 1 >= argv.length) throw new UserError(`gridgov ${command}: --${name} needs a value`);
      value = argv[++k];
    }
    if (kind === "list") flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else flags[name] = value;
  }
  return { positional, flags };
}

/** Reads a whole-number flag within [min, max], or the default. */
export function intFlag(flags: ParsedArgs["flags"], name: string, fallback: number, min: number, max: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UserError(`--${name}: expected a whole number from ${min} to ${max}, found "${String(raw)}"`);
  }
  return n;
}

/** Reads `--seed` (default 1) by the rule the web page and share links share ({@link parseSeed}). */
export function seedFlag(flags: ParsedArgs["flags"]): number | string {
  const parsed = parseSeed((flags.seed as string | undefined) ?? "1");
  if (!parsed.ok) throw new UserError(`--seed: expected ${SEED_RULE}, found ${parsed.found}`);
  return parsed.seed;
}
