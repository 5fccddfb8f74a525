import { pathSegments } from "./pathSegments.js";

/**
 * A copy of `obj` with the value at `path` replaced (copy on write: only the objects
 * along the path are copied; `obj` is not modified). `undefined` removes the field.
 * Missing steps are created: an array when the next segment is an index, else an object.
 * Throws a RangeError for a path that could reach a prototype (`__proto__`, `constructor`).
 */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const segments = pathSegments(path);
  if (segments.length === 0) return value as T;
  return assign(obj, segments, 0, value) as T;
}

function assign(node: unknown, segments: string[], k: number, value: unknown): unknown {
  const seg = segments[k];
  const last = k === segments.length - 1;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(node)
    ? node.slice()
    : node !== null && typeof node === "object"
      ? { ...(node as Record<string, unknown>) }
      : /^\d+$/.test(seg)
        ? []
        : {};
  const target = copy as Record<string, unknown>;
  if (last) {
    if (value === undefined && !Array.isArray(copy)) delete target[seg];
    else target[seg] = value;
  } else {
    const child = Object.hasOwn(target, seg) ? target[seg] : undefined;
    target[seg] = assign(child, segments, k + 1, value);
  }
  return copy;
}
