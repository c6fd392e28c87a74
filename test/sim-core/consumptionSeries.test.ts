/**
 * The `consumption` series records what buyers received: with `demand` (their bids) and `shortfall`
 * (max(0, bids − deliveries)) it closes, consumption + shortfall = demand whenever something is unmet,
 * at every buyer stage, material, region and tick.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner } from '../../sim-core/index.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

describe('consumption series', () => {
  it('closes with demand and shortfall, and is not zero', () => {
    const spec = loadScenario('scenarios/threat-export-quota.yaml', { set: ['years=2', 'resolution.firmsPerCapacityCell=2'] }).spec;
    const compiled = compileScenario(spec);
    const { series } = createReplicateRunner(compiled)(5, 0);
    const T = compiled.layout.ticks;
    const keys = compiled.layout.series;
    const index = (metric: string, material: string, stage: string, region: string) =>
      keys.findIndex((k) => k.metric === metric && k.material === material && k.stage === stage && k.region === region);
    let worstGap = 0;
    let consumed = 0;
    let shortTicks = 0;
    for (const key of keys.filter((k) => k.metric === 'consumption')) {
      const c = index('consumption', key.material, key.stage, key.region);
      const d = index('demand', key.material, key.stage, key.region);
      const s = index('shortfall', key.material, key.stage, key.region);
      expect(d).toBeGreaterThanOrEqual(0);
      for (let t = 0; t < T; t++) {
        const consumption = series[c * T + t];
        const demand = series[d * T + t];
        const shortfall = series[s * T + t];
        expect(consumption).toBeGreaterThanOrEqual(0);
        consumed += consumption;
        if (shortfall > 0) {
          shortTicks++;
          worstGap = Math.max(worstGap, Math.abs(consumption + shortfall - demand) / demand);
        }
      }
    }
    expect(shortTicks).toBeGreaterThan(0); // the quota makes someone short, so the identity is exercised
    expect(consumed).toBeGreaterThan(0);
    expect(worstGap).toBeLessThan(1e-9);
  });
});
