/**
 * The one spelling of a username: trimmed, Unicode NFC, lower case. Lookup, rate limiting, creation
 * and import all go through it, so " Admin " and "admin" are the same account and the same counter.
 */
export function normalizeUsername(raw: string): string {
  return raw.trim().normalize('NFC').toLowerCase();
}
