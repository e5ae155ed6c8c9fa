/** The depth measure of request bodies, apart from the middleware so that worker threads load it without NestJS. */
/** Deeper than any form we ship (a few levels); deep enough for any honest payload. */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth without recursion, so a hostile body cannot overflow the stack while being measured. */
export function jsonDepthExceeds(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}
