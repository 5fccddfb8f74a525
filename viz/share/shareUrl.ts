import { encodeShareState } from "./encodeShareState.js";
import type { ShareState } from "./shareStateSchema.js";

/**
 * The full link opening `state`: `baseUrl` without its hash, then `#share=<payload>`.
 * Throws as {@link encodeShareState} does.
 */
export function shareUrl(baseUrl: string, state: ShareState): string {
  const hash = baseUrl.indexOf("#");
  return `${hash >= 0 ? baseUrl.slice(0, hash) : baseUrl}#share=${encodeShareState(state)}`;
}
