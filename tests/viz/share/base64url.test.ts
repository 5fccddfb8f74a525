import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url } from "../../../viz/share/base64url.js";

describe("base64url", () => {
  it("round-trips Chinese text and emoji using only URL-safe characters", () => {
    for (const text of ["网格化管理 — 街道", "😀 a+b/c=d", "", "x"]) {
      const encoded = encodeBase64Url(text);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64Url(encoded)).toEqual({ ok: true, text });
    }
  });

  it("round-trips any text of whole code points (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(decodeBase64Url(encodeBase64Url(text))).toEqual({ ok: true, text });
      }),
    );
  });

  it("refuses characters outside the alphabet, impossible lengths and broken UTF-8", () => {
    expect(decodeBase64Url("abc!").ok).toBe(false);
    expect(decodeBase64Url("ab+c").ok).toBe(false);
    expect(decodeBase64Url("abcde").ok).toBe(false);
    const chinese = encodeBase64Url("网格");
    const cut = decodeBase64Url(chinese.slice(0, chinese.length - 2));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error).toMatch(/UTF-8/);
  });
});
