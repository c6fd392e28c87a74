import { createHash, type Hash } from 'node:crypto';

/**
 * SHA-256 (hex) of a compiled scenario's structure and values, used to key runner caches in
 * workers. Walks plain objects (keys in insertion order), arrays, typed arrays and ArrayBuffers
 * (raw bytes), Maps, Sets, strings, numbers (exact bits), booleans, null, undefined and bigints;
 * anything else (functions, symbols, class instances with hidden state) is rejected because it
 * could not cross the worker boundary anyway.
 *
 * @param value - Structured-cloneable data.
 * @returns 64 hex digits.
 * @throws TypeError on values that are not plain data.
 * @example
 * computeScenarioHash({ ticks: 520 }) === computeScenarioHash({ ticks: 520 }); // true
 */
export function computeScenarioHash(value: unknown): string {
  const hash = createHash('sha256');
  updateHash(hash, value);
  return hash.digest('hex');
}

const numberBytes = new Float64Array(1);

/** Feeds one value, tagged by its kind, into the hash. */
function updateHash(hash: Hash, value: unknown): void {
  if (value === null) return void hash.update('N');
  switch (typeof value) {
    case 'undefined':
      return void hash.update('U');
    case 'boolean':
      return void hash.update(value ? 'T' : 'F');
    case 'number':
      numberBytes[0] = value;
      hash.update('n');
      return void hash.update(new Uint8Array(numberBytes.buffer));
    case 'bigint':
      return void hash.update(`b${value};`);
    case 'string':
      return void hash.update(`s${value.length}:${value}`);
    case 'object':
      return updateHashWithObject(hash, value);
    default:
      throw new TypeError(`computeScenarioHash: cannot hash a ${typeof value}`);
  }
}

/** Feeds an object-like value (views, buffers, arrays, maps, sets, plain objects) into the hash. */
function updateHashWithObject(hash: Hash, value: object): void {
  if (ArrayBuffer.isView(value)) {
    hash.update(`v${value.constructor.name}${value.byteLength}:`);
    return void hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
  if (value instanceof ArrayBuffer) {
    hash.update(`B${value.byteLength}:`);
    return void hash.update(new Uint8Array(value));
  }
  if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const item of value) updateHash(hash, item);
    return void hash.update(']');
  }
  if (value instanceof Map) {
    hash.update(`m${value.size}{`);
    for (const [key, item] of value) {
      updateHash(hash, key);
      updateHash(hash, item);
    }
    return void hash.update('}');
  }
  if (value instanceof Set) {
    hash.update(`S${value.size}{`);
    for (const item of value) updateHash(hash, item);
    return void hash.update('}');
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`computeScenarioHash: cannot hash a ${value.constructor?.name ?? 'class'} instance`);
  }
  const keys = Object.keys(value);
  hash.update(`o${keys.length}{`);
  for (const key of keys) {
    hash.update(`s${key.length}:${key}`);
    updateHash(hash, (value as Record<string, unknown>)[key]);
  }
  hash.update('}');
}
