/** UTF-8 text as unpadded base64url (RFC 4648 §5): safe in a URL hash, any script survives. */
export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The UTF-8 text in a base64url string, or why it is not one. Never throws. */
export function decodeBase64Url(encoded: string): { ok: true; text: string } | { ok: false; error: string } {
  const bad = encoded.match(/[^A-Za-z0-9_-]/);
  if (bad) {
    return { ok: false, error: `expected only the characters A–Z, a–z, 0–9, - and _, found ${JSON.stringify(bad[0])} at position ${bad.index! + 1}` };
  }
  if (encoded.length % 4 === 1) return { ok: false, error: "expected a complete link, found one that looks cut off (its length is impossible)" };
  try {
    const padded = encoded.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (encoded.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: "expected UTF-8 text inside the link, found bytes that are not (was it cut off or altered?)" };
  }
}
