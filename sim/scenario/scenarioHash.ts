import { canonicalJson } from "./canonicalJson.js";
import { sha256 } from "./sha256.js";
import type { Scenario } from "./scenarioSchema.js";

/**
 * The identity of a scenario: SHA-256 of the canonical JSON of the validated
 * scenario (defaults filled in), so a file that spells out a default and one that
 * leaves it out hash alike.
 */
export function scenarioHash(s: Scenario): string {
  return sha256(canonicalJson(s));
}
