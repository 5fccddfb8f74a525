import { seedFromText } from "../kernel/rngStream.js";

/** What a seed may be, in words, for messages. */
export const SEED_RULE = `a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (or a word of up to 100 characters)`;

/**
 * Reads a root seed as people type it — on the command line (`--seed`), in the web page and
 * in share links — so that a seed one accepts, the others accept too and run alike: a whole
 * number from 0 to 2^53 − 1, or a word of up to 100 characters that does not read as a
 * number. Text that reads as a number but is not such a whole number (`1.5`, `1e3`, `-1`,
 * `0x10`, a 20-digit number), empty text and text with spaces around it are refused, not
 * silently used as words.
 */
export function parseSeed(text: string): { ok: true; seed: number | string } | { ok: false; found: string } {
  const seed = seedFromText(text);
  if (typeof seed === "number") return { ok: true, seed };
  const looksNumeric = Number.isFinite(Number(text)) || /^[-+]?[\d.,_]*\d[\d.,_]*(e[-+]?\d+)?$/i.test(text);
  if (looksNumeric || text.trim() !== text || text.length > 100) {
    return { ok: false, found: text.length > 100 ? `a text of ${text.length} characters` : `"${text}"` };
  }
  return { ok: true, seed };
}
