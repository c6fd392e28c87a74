import { describe, expect, it } from 'vitest';
import { canonicalParameterValue } from '../../src/sweep/canonicalParameterValue.ts';

describe('canonicalParameterValue', () => {
  it('converts swept values to the canonical unit of their key, as the loader does', () => {
    expect(canonicalParameterValue('materials.ndpr.demand.growthPerYear', '30%', 2025)).toEqual({ value: 0.3, unit: 'share' });
    expect(canonicalParameterValue('materials.ndpr.mining.capacityByRegion.US', '30 kt/yr', 2025)).toEqual({ value: 30000, unit: 't/yr' });
    expect(canonicalParameterValue('materials.ndpr.basePriceUsdPerTonne.mining', '20 USD/kg', 2025)).toEqual({ value: 20000, unit: 'USD/t' });
    expect(canonicalParameterValue('events.quotaCut.start', '2026-07', 2025)).toEqual({ value: 1.5, unit: 'yr since start' });
    expect(canonicalParameterValue('resolution.firmsPerCapacityCell', '4', 2025)).toEqual({ value: 4, unit: '' });
    expect(canonicalParameterValue('events.quotaCut.mode', 'ban', 2025).value).toBeUndefined();
  });

  it('writes a converted value without float artefacts (audit 25 L10: 6.93871% was 0.06938710000000001 in sweep-points.csv)', () => {
    expect(canonicalParameterValue('materials.ndpr.demand.growthPerYear', '6.93871%', 2025).value).toBe(0.0693871);
    expect(String(canonicalParameterValue('materials.ndpr.demand.growthPerYear', '6.93871%', 2025).value)).toBe('0.0693871');
    expect(canonicalParameterValue('materials.ndpr.demand.byRegion.US', '8.43557 kt/yr', 2025).value).toBe(8435.57);
  });
});
