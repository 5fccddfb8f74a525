import { FORBIDDEN_KEYS } from "../form/pathSegments.js";

/** Deepest nesting of objects and arrays accepted from a link (a scenario needs 5). */
export const MAX_JSON_DEPTH = 16;

/**
 * Why parsed JSON from outside must not be used, or undefined if it may: a key that could
 * reach a prototype (`__proto__`, `constructor`, `prototype`) anywhere, or nesting deeper
 * than {@link MAX_JSON_DEPTH}. Iterative, so hostile nesting cannot overflow the stack.
 */
export function checkJsonSafety(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return `expected data nested at most ${MAX_JSON_DEPTH} levels deep, found deeper`;
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return `expected no "${key}" key, found one (the link may be an attack)`;
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}
