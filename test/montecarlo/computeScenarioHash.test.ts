import { describe, expect, it } from 'vitest';
import { computeScenarioHash } from '../../src/montecarlo/computeScenarioHash.ts';

describe('computeScenarioHash', () => {
  const compiled = { ticks: 10, names: ['a', 'b'], capacity: Float64Array.of(1, 2), map: new Map([['x', 1]]) };
  it('is stable for equal data and a 64-digit hex string', () => {
    const copy = structuredClone(compiled);
    expect(computeScenarioHash(copy)).toBe(computeScenarioHash(compiled));
    expect(computeScenarioHash(compiled)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('changes with any value, type or structure', () => {
    const base = computeScenarioHash(compiled);
    expect(computeScenarioHash({ ...compiled, ticks: 11 })).not.toBe(base);
    expect(computeScenarioHash({ ...compiled, capacity: Float64Array.of(1, 3) })).not.toBe(base);
    expect(computeScenarioHash({ ...compiled, capacity: Float32Array.of(1, 2) })).not.toBe(base);
    expect(computeScenarioHash({ ...compiled, names: ['ab'] })).not.toBe(base);
    expect(computeScenarioHash(['1'])).not.toBe(computeScenarioHash([1]));
  });
  it('rejects values that cannot cross a worker boundary', () => {
    expect(() => computeScenarioHash({ f: () => 1 })).toThrow(TypeError);
    expect(() => computeScenarioHash(new (class Thing {})())).toThrow(TypeError);
  });
});
