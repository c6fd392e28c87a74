/**
 * The foreign actor's rule-driven price war reacts to its own market share: it starts one when
 * rivals' capacity outgrows its own by more than `priceWarTrigger`, and stays at peace when
 * everybody grows alike (the old rule, rivals' growth alone, fought in both cases).
 */
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../sim-core/index.ts';
import { advanceForeignActor } from '../../sim-core/phases/advanceForeignActor.ts';
import { ADVERSARY, PROCESSING } from '../../sim-core/world/world.ts';
import { smallBaseline } from './engineHelpers.ts';

/** Baseline world whose actor fights with certainty (intent 3) when the trigger is met. */
function worldWithCertainIntent(): World {
  const spec = smallBaseline(1, 3);
  spec.foreignActor.threat.processing = { capability: 3, intent: 3 };
  spec.foreignActor.rules.priceWarTrigger = 0.25;
  return createWorld(spec, 1, 0);
}

/** Multiplies the processing capacity of material 0's live firms, in the adversary's regions or the others'. */
function growCapacity(world: World, factor: number, adversary: boolean): void {
  const store = world.stores[PROCESSING];
  for (let r = 0; r < world.regions; r++) {
    if ((world.regionState.alignment[r] === ADVERSARY) !== adversary) continue;
    for (let f = store.cellStart[r], end = f + store.cellUsedSlots[r]; f < end; f++) store.capacityTonnesPerTick[f] *= factor;
  }
}

/** Whether a price war on (material 0, processing) is running after the actor's phase at tick 0 (a review tick). */
function priceWarStarts(world: World): boolean {
  advanceForeignActor(world);
  return world.foreignActor.priceWarUntilTick[0 * 3 + PROCESSING] > world.tick;
}

describe('foreign actor price war', () => {
  it('starts when rivals outgrow the actor (it loses share)', () => {
    const world = worldWithCertainIntent();
    growCapacity(world, 1.5, false);
    expect(priceWarStarts(world)).toBe(true);
  });

  it('does not start when the actor grows as fast as its rivals (shares kept)', () => {
    const world = worldWithCertainIntent();
    growCapacity(world, 1.5, false);
    growCapacity(world, 1.5, true);
    expect(priceWarStarts(world)).toBe(false);
  });

  it('does not start below the trigger (rivals 20% ahead against a 25% trigger)', () => {
    const world = worldWithCertainIntent();
    growCapacity(world, 1.2, false);
    expect(priceWarStarts(world)).toBe(false);
  });
});
