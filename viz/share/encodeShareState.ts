import { encodeBase64Url } from "./base64url.js";
import { formatShareIssues } from "./formatShareIssues.js";
import { MAX_SHARE_LENGTH, shareStateSchema, type ShareState } from "./shareStateSchema.js";

/** A share payload, or why the state cannot be shared. Never throws. */
export function tryEncodeShareState(state: ShareState): { ok: true; text: string } | { ok: false; error: string } {
  // A change to `undefined` (an optional field removed) travels as null, which JSON keeps.
  const prepared = {
    ...state,
    scenarios: state.scenarios.map((s) =>
      "preset" in s && s.changes ? { ...s, changes: Object.fromEntries(Object.entries(s.changes).map(([k, v]) => [k, v === undefined ? null : v])) } : s,
    ),
  };
  const checked = shareStateSchema.safeParse(prepared);
  if (!checked.success) return { ok: false, error: formatShareIssues(checked.error.issues, prepared) };
  const text = encodeBase64Url(JSON.stringify(checked.data));
  if (text.length > MAX_SHARE_LENGTH) {
    return {
      ok: false,
      error: `expected a link of at most ${MAX_SHARE_LENGTH} characters, found ${text.length}: share fewer scenarios, or presets with changes instead of whole scenarios (see compactScenario)`,
    };
  }
  return { ok: true, text };
}

/**
 * The `#share=` payload of a state: its JSON as UTF-8 base64url. Throws a RangeError when
 * the state is invalid or the link would be longer than {@link MAX_SHARE_LENGTH}; use
 * {@link tryEncodeShareState} to get the reason as a value instead.
 */
export function encodeShareState(state: ShareState): string {
  const result = tryEncodeShareState(state);
  if (!result.ok) throw new RangeError(`cannot share this set-up: ${result.error}`);
  return result.text;
}
