import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { compileScenario, createReplicateRunner } from '../../sim-core/index.ts';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();

describe('every shipped scenario', () => {
  it('is there (the library is not empty)', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });
  it.each(files)('%s validates and runs a short replicate with finite, positive prices', (file) => {
    const { spec } = loadScenario(`scenarios/${file}`, { set: ['years=2', 'resolution.firmsPerCapacityCell=2'] });
    const compiled = compileScenario(spec);
    const result = createReplicateRunner(compiled)(1, 0);
    const priceSeries = compiled.layout.series.flatMap((key, i) => (key.metric === 'price' ? [i] : []));
    for (const i of priceSeries) {
      for (let t = 0; t < compiled.layout.ticks; t++) {
        const value = result.series[i * compiled.layout.ticks + t];
        expect(Number.isFinite(value) && value > 0).toBe(true);
      }
    }
  });
});
