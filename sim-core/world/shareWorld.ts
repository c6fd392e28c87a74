import type { World } from './world.ts';
import { allocateAllFirmSlots } from './growFirmCell.ts';

type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/**
 * Moves every typed array of a world into shared memory (SharedArrayBuffer), in place, keeping
 * contents and any aliasing, so that the world can be posted to helper threads that then read and
 * write the same columns (one replicate stepped across threads, see `step`'s `cells` argument).
 * Call it right after createWorld, before anything keeps a reference to a column.
 */
export function shareWorld(world: World): World {
  // Helper threads keep the columns they are given, so a shared world never grows: lay every cell out in full first.
  allocateAllFirmSlots(world);
  const copies = new Map<ArrayBufferLike, SharedArrayBuffer>();
  const seen = new Set<object>();
  const visit = (node: Record<string, unknown>): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) node[key] = sharedCopy(value as TypedArray, copies);
      else if (typeof value === 'object' && value !== null && key !== 'spec') visit(value as Record<string, unknown>);
    }
  };
  visit(world as unknown as Record<string, unknown>);
  return world;
}

function sharedCopy(array: TypedArray, copies: Map<ArrayBufferLike, SharedArrayBuffer>): TypedArray {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  let shared = copies.get(array.buffer);
  if (shared === undefined) {
    // Views that share a buffer keep sharing it: the whole buffer is copied once.
    shared = new SharedArrayBuffer(array.buffer.byteLength);
    new Uint8Array(shared).set(new Uint8Array(array.buffer));
    copies.set(array.buffer, shared);
  }
  const Kind = array.constructor as new (buffer: SharedArrayBuffer, byteOffset: number, length: number) => TypedArray;
  return new Kind(shared, array.byteOffset, array.length);
}
