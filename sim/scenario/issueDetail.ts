import type { z } from "zod";
import type { IssueDetail } from "./ScenarioIssue.js";

/**
 * The structured part of a zod issue, with the value found at its path, as plain data
 * ({@link IssueDetail}); undefined for a custom check, whose message is all there is.
 */
export function issueDetail(issue: z.core.$ZodIssue, found: unknown): IssueDetail | undefined {
  switch (issue.code) {
    case "too_small":
      return { code: issue.code, origin: issue.origin, minimum: Number(issue.minimum), inclusive: issue.inclusive ?? false, ...(issue.exact ? { exact: true } : {}), found };
    case "too_big":
      return { code: issue.code, origin: issue.origin, maximum: Number(issue.maximum), inclusive: issue.inclusive ?? false, ...(issue.exact ? { exact: true } : {}), found };
    case "invalid_type":
      return { code: issue.code, expected: issue.expected, found };
    case "invalid_value":
      return { code: issue.code, values: issue.values.map(primitive), found };
    case "invalid_union":
      // A distribution whose `type` matches none: the discriminator's options.
      return "options" in issue && Array.isArray(issue.options) ? { code: issue.code, values: issue.options.map(primitive), found } : undefined;
    case "unrecognized_keys":
      return { code: issue.code, keys: [...issue.keys] };
    case "invalid_format":
      return { code: issue.code, rule: issue.message, found };
    default:
      return undefined;
  }
}

function primitive(v: unknown): string | number | boolean | null {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null ? v : String(v);
}
