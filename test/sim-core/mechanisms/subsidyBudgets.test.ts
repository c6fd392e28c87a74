import { describe, expect, it } from 'vitest';
import type { SubsidyEvent } from '../../../sim-core/index.ts';
import { oneMaterial, simulate, withEvents } from './mechanismHelpers.ts';

/**
 * Two subsidies on one stage cell each pay from their own budget: a capex subsidy beside a price
 * floor spends the capex event's budget, never the floor's (before session 12 whichever of the two
 * was applied last paid for both: in mitigation-price-floor.yaml the capex share came out of the
 * floor's 1.5 bn USD). The floor here sits far below the market, so it never pays: its budget must
 * end where it started, in either event order.
 */
const capex: SubsidyEvent = { kind: 'subsidy', region: 'US', material: 'ndpr', stage: 'processing', mode: 'capex', capexShare: 0.5, budgetUsd: 1e11, start: 0 };
const idleFloor: SubsidyEvent = { kind: 'subsidy', region: 'US', material: 'ndpr', stage: 'processing', mode: 'priceFloor', priceFloorUsdPerTonne: 1, budgetUsd: 1e9, start: 0 };

/** NdPr for three years with a US refinery project that starts construction after a quarter (its capex is subsidised). */
const spec = oneMaterial('ndpr', 3, (s) => {
  s.materials[0].pipeline.push({ region: 'US', stage: 'processing', capacityTonnesPerYear: 2000, phase: 'financing', remainingYears: 0.25 });
});

describe('subsidy budgets on one cell', () => {
  for (const [label, events] of [['capex first', [capex, idleFloor]], ['floor first', [idleFloor, capex]]] as const) {
    it(`a capex subsidy pays from its own budget, not a price floor's on the same cell (${label})`, () => {
      const world = simulate(withEvents(spec, ...events));
      const capexLeft = world.eventState.budgetLeftUsd[events.indexOf(capex)];
      const floorLeft = world.eventState.budgetLeftUsd[events.indexOf(idleFloor)];
      expect(capexLeft).toBeLessThan(capex.budgetUsd ?? 0); // the capex subsidy did pay
      expect(floorLeft).toBe(idleFloor.budgetUsd);
    });
  }
});
