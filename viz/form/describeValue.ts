/** A short text for a value in notes ("Default: 400", "preset: true"): JSON, cut to `max` characters. */
export function describeValue(value: unknown, max = 60): string {
  if (value === undefined) return "none";
  if (typeof value === "string") return value.length > max ? `"${value.slice(0, max - 3)}..."` : JSON.stringify(value);
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === "object")) return `${value.length} items`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
