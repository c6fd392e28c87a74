import type { World } from '../world/world.ts';

/**
 * Phase 9 (first half): end-of-life flow. Material sold to end users returns after the product
 * lifetime; a share (`collectionShare`, raised by mandates) is collected as scrap for recyclers.
 * Writes the scrap available per cell (m × R + r) into `out`, t.
 */
export function collectEndOfLife(world: World, out: Float64Array): void {
  const { chain, effective, regions: R } = world;
  const slot = world.tick % chain.eolSlots;
  for (let c = 0; c < world.materials * R; c++) {
    const index = c * chain.eolSlots + slot;
    out[c] = chain.eolTonnes[index] * effective.collectionShare[c];
    chain.eolTonnes[index] = 0;
  }
}
