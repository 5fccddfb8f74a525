const SPECIAL: Record<string, string> = { kmh: "km/h", cv: "CV", id: "ID" };

/**
 * A human label from a camelCase field key: `householdsPerGrid` → "Households per grid",
 * `hotspotCv` → "Hotspot CV". A trailing `Meters` or `Kmh` is left to the unit:
 * `widthMeters` → "Width", `speedKmh` → "Speed".
 */
export function labelFromKey(key: string): string {
  const words = key
    .replace(/(Meters|Kmh)$/, (m, _u, offset: number) => (offset === 0 ? m : ""))
    .split(/(?=[A-Z])|[_-]/)
    .filter(Boolean)
    .map((w) => SPECIAL[w.toLowerCase()] ?? w.toLowerCase());
  if (words.length === 0) return key;
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
