import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/loadScenario.ts';
import { simulate } from './mechanismHelpers.ts';

/**
 * Public (defence) buyers may buy only local, allied-origin or stockpile components, so a region's
 * makers must not export what they need: in every tick and component segment where a region exports,
 * its public buyers are fully served. The shipped export quota on NdPr and Dy oxide and magnets is
 * where they went short while US makers exported (before the public reserve on exports).
 */
describe('public reserve on exports', () => {
  const load = (publicShare?: number) => loadScenario('scenarios/threat-export-quota.yaml', {
    set: ['resolution.firmsPerCapacityCell=3', 'years=4', ...(publicShare === undefined ? [] : [`materials.ndpr.demand.publicShare=${publicShare}`, `materials.dy.demand.publicShare=${publicShare}`])],
  }).spec;

  // As shipped, and with public buyers at 30% of demand, where later importers' orders used to move
  // onto an origin whose limit the reserve had cut, and ship past it.
  it.each([['as shipped', undefined], ['public share 30%', 0.3]] as const)('never exports components while the region\'s own public buyers go short (3 replicates of the NdPr and Dy quota, %s)', (_, publicShare) => {
    const spec = load(publicShare);
    let exportingTicks = 0;
    const violations: string[] = [];
    for (const replicate of [0, 1, 2]) {
      simulate(spec, 1, replicate, (w) => {
        const R = w.regions;
        for (let m = 0; m < w.materials; m++) {
          for (let r = 0; r < R; r++) {
            const s = (m * 3 + 2) * R + r;
            if (w.markets.publicBidTonnes[s] <= 0 || w.markets.exportedTonnes[s] <= 0) continue;
            exportingTicks++;
            if (w.markets.publicFillRatio[s] < 1 - 1e-12) violations.push(`replicate ${replicate} tick ${w.tick} ${w.spec.materials[m].id} ${w.spec.regions[r].id}: exported ${w.markets.exportedTonnes[s]} t, public fill ${w.markets.publicFillRatio[s]}`);
          }
        }
      });
    }
    // Only meaningful if regions with public buyers do export (without the reserve, replicate 0 broke it from tick 87).
    expect(exportingTicks).toBeGreaterThan(100);
    expect(violations.slice(0, 5)).toEqual([]);
  });
});
