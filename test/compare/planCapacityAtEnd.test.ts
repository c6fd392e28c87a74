import { describe, expect, it } from 'vitest';
import type { CompiledScenario, SeriesKey } from '../../sim-core/index.ts';
import { extractCapacityAtEnd, planCapacityAtEnd } from '../../src/compare/planCapacityAtEnd.ts';

// A layout of three regions (home, ally, adversary): capacity per stage and region, then end-use demand per region.
const regions = [{ id: 'US', alignment: 'home' }, { id: 'JP', alignment: 'ally' }, { id: 'CN', alignment: 'adversary' }];
const stages = ['mining', 'processing', 'manufacturing', 'recycling'];
const series: SeriesKey[] = [
  ...stages.flatMap((stage) => regions.map((r) => ({ metric: 'capacity', material: 'ndpr', stage, region: r.id, unit: 't/yr' }))),
  ...regions.map((r) => ({ metric: 'demand', material: 'ndpr', stage: 'endUse', region: r.id, unit: 't/week' })),
];
const compiled = { layout: { ticks: 3, ticksPerYear: 52, startYear: 2025, series, summaries: [] }, spec: { government: { region: 'US' }, regions } } as unknown as Pick<CompiledScenario, 'layout' | 'spec'>;

describe('planCapacityAtEnd / extractCapacityAtEnd (audit 24, H3)', () => {
  it('keeps home and allied capacity per stage and home end-use demand per year, at the last tick only', () => {
    const plan = planCapacityAtEnd(compiled, ['ndpr', 'lithium']);
    expect(plan.map((v) => `${v.key.metric}.${v.key.material}.${v.key.stage}.${v.key.region}`)).toEqual([
      'finalSecureCapacity.ndpr.mining.', 'finalSecureCapacity.ndpr.processing.', 'finalSecureCapacity.ndpr.manufacturing.', 'finalSecureCapacity.ndpr.recycling.', 'finalHomeDemand.ndpr.endUse.US',
      'finalSecureCapacity.lithium.mining.', 'finalSecureCapacity.lithium.processing.', 'finalSecureCapacity.lithium.manufacturing.', 'finalSecureCapacity.lithium.recycling.', 'finalHomeDemand.lithium.endUse.US',
    ]);
    // Row r holds r*100 + tick: the last tick (2) is read; the adversary's rows are left out.
    const values = new Float64Array(series.length * 3);
    series.forEach((_, row) => { for (let t = 0; t < 3; t++) values[row * 3 + t] = row * 100 + t; });
    const kept = extractCapacityAtEnd(plan, values, 3);
    expect(kept[1]).toBe(302 + 402); // processing: US (row 3) + JP (row 4), not CN (row 5)
    expect(kept[4]).toBe(1202 * 52); // US end-use demand (row 12), t/week → t/yr
    expect(Number.isNaN(kept[5])).toBe(true); // a material the arm lacks
  });
});
