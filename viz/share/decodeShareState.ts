import { decodeBase64Url } from "./base64url.js";
import { checkJsonSafety } from "./checkJsonSafety.js";
import { formatShareIssues } from "./formatShareIssues.js";
import { resolveShareState } from "./resolveShareState.js";
import { MAX_SHARE_LENGTH, SHARE_VERSION, shareStateSchema, type ShareState } from "./shareStateSchema.js";

export type DecodedShare = { ok: true; state: ShareState } | { ok: false; error: string };

/**
 * Reads a share link: the payload after `#share=` (a whole hash or URL is accepted too).
 * Checks, in order: length, base64url, UTF-8, JSON, no prototype keys or deep nesting,
 * version, then the shape ({@link shareStateSchema}). With `presets`, also resolves every
 * scenario ({@link resolveShareState}), so an unknown preset or an invalid change is an error
 * here. Never throws and never evaluates anything: a bad or hostile link gives an error
 * message for people. Names come back verbatim; show them as text.
 */
export function decodeShareState(text: string, presets?: Readonly<Record<string, unknown>>): DecodedShare {
  try {
    if (typeof text !== "string") return { ok: false, error: "expected the text of a share link" };
    if (text.length > MAX_SHARE_LENGTH + 4096) return tooLong(text.length);
    const marker = text.indexOf("share=");
    const payload = (marker >= 0 ? text.slice(marker + "share=".length) : text.replace(/^#/, "")).split("&")[0].trim();
    if (payload === "") return { ok: false, error: "expected a share link, found an empty one" };
    if (payload.length > MAX_SHARE_LENGTH) return tooLong(payload.length);
    const bytes = decodeBase64Url(payload);
    if (!bytes.ok) return bytes;
    let data: unknown;
    try {
      data = JSON.parse(bytes.text);
    } catch {
      return { ok: false, error: "expected JSON inside the link, found text that is not (was the link cut off?)" };
    }
    const unsafe = checkJsonSafety(data);
    if (unsafe) return { ok: false, error: unsafe };
    if (data === null || typeof data !== "object" || Array.isArray(data)) return { ok: false, error: "expected a set-up object inside the link" };
    const version = (data as Record<string, unknown>).v;
    if (version !== SHARE_VERSION) {
      return { ok: false, error: `expected a version ${SHARE_VERSION} share link, found ${version === undefined ? "no version" : `version ${JSON.stringify(version).slice(0, 20)}`}` };
    }
    const checked = shareStateSchema.safeParse(data);
    if (!checked.success) return { ok: false, error: formatShareIssues(checked.error.issues, data) };
    if (presets) {
      const resolved = resolveShareState(checked.data, presets);
      if (!resolved.ok) return resolved;
    }
    return { ok: true, state: checked.data };
  } catch {
    return { ok: false, error: "the link cannot be read" };
  }
}

function tooLong(length: number): DecodedShare {
  return { ok: false, error: `expected a link of at most ${MAX_SHARE_LENGTH} characters, found ${length}` };
}
