import { describe, expect, it } from 'vitest';
import { computeStockHeldFromStart, describeStockHeldFromStart } from '../../src/report/describeStockHeldFromStart.ts';
import type { MaterialOverview, ScenarioOverview } from '../../src/report/readScenarioOverview.ts';

const ndpr: MaterialOverview = {
  id: 'ndpr', name: 'NdPr oxide', priceUnit: 'USD/kg', basePriceUsdPerTonne: { mining: 22_000, processing: 55_000, manufacturing: 150_000 },
  demandByRegion: { US: 8_000, CN: 46_000 }, capacityByStage: {},
};
const pile = (id: string, fields: Record<string, unknown>): ScenarioOverview['events'][number] => ({
  id, kind: 'stockpile', start: 0, end: NaN, announced: NaN, fields: { kind: 'stockpile', material: 'ndpr', region: 'US', stage: 'processing', ...fields },
});
const overview = (events: ScenarioOverview['events']): ScenarioOverview => ({
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN', regions: [], materials: [ndpr], events, threat: [], document: {},
});
const name = (id: string): string => (id === 'ndpr' ? 'NdPr oxide' : id);

describe('stock held from the start (initialDays)', () => {
  it('is initialDays of the region\'s yearly demand, valued at the base price of the form held', () => {
    const held = computeStockHeldFromStart(overview([pile('a', { initialDays: 60 }), pile('b', { initialDays: 30, stage: 'manufacturing' }), pile('c', { initialDays: 0 })]));
    expect(held).toHaveLength(2);
    expect(held[0]).toMatchObject({ material: 'ndpr', stage: 'processing' });
    expect(held[0].tonnes).toBeCloseTo((60 * 8_000) / 365, 9);
    expect(held[0].valueUsd).toBeCloseTo(((60 * 8_000) / 365) * 55_000, 3);
    expect(held[1].valueUsd).toBeCloseTo(((30 * 8_000) / 365) * 150_000, 3);
  });

  it('is named for a strategy holding more than the reference, by the excess, and not otherwise', () => {
    const reference = overview([]);
    expect(describeStockHeldFromStart(overview([pile('a', { initialDays: 60 })]), reference, name)).toBe(
      'Its stockpiles hold from the start, without buying it (initialDays), 1,320 t of NdPr oxide as refined material, worth USD 72.3 million at base prices: neither its cost nor its spending per kg includes that stock.');
    // The reference holds 30 days: only the other 30 are unpaid beyond it.
    expect(describeStockHeldFromStart(overview([pile('a', { initialDays: 60 })]), overview([pile('r', { initialDays: 30 })]), name)).toContain('658 t more than the reference of NdPr oxide as refined material, worth USD 36.2 million');
    expect(describeStockHeldFromStart(overview([pile('a', { initialDays: 30 })]), overview([pile('r', { initialDays: 30 })]), name)).toBe('');
    expect(describeStockHeldFromStart(overview([pile('a', { initialDays: 0 })]), reference, name)).toBe('');
  });
});
