/**
 * True for a plain JSON object (not null, not an array): the guard every tolerant reader of
 * another command's JSON output starts with.
 *
 * @param value - Any parsed JSON value.
 * @returns Whether it is an object with string keys.
 * @example
 * isRecord({ a: 1 }); // true
 * isRecord([1]); // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
