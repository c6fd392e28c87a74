import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { applyParameters, readParameter } from '../../src/calibrate/applyParameters.ts';
import { fromUnit, round, toUnit } from '../../src/calibrate/runCalibration.ts';

const spec = loadScenario('scenarios/baseline.yaml').spec;

describe('applyParameters', () => {
  it('sets behaviour keys (nested too) and demand keys on every material, without touching the input', () => {
    const before = structuredClone(spec);
    const out = applyParameters(spec, [{ path: 'behaviour.priceCoverageExponent' }, { path: 'behaviour.greenfield.permittingYears' }, { path: 'demand.elasticityShortRun' }], [2.5, 3, -0.25]);
    expect(out.behaviour.priceCoverageExponent).toBe(2.5);
    expect(out.behaviour.greenfield.permittingYears).toBe(3);
    for (const material of out.materials) expect(material.demand.elasticityShortRun).toBe(-0.25);
    expect(spec).toEqual(before);
  });
  it('drops the uncertainties of the paths it sets, and only those', () => {
    const uncertain = spec.uncertainties.filter((u) => u.path.endsWith('demand.elasticityShortRun'));
    expect(uncertain.length).toBeGreaterThan(0);
    const out = applyParameters(spec, [{ path: 'demand.elasticityShortRun' }], [-0.2]);
    expect(out.uncertainties.some((u) => u.path.endsWith('demand.elasticityShortRun'))).toBe(false);
    expect(out.uncertainties.length).toBe(spec.uncertainties.length - uncertain.length);
  });
  it('refuses paths that do not name a number', () => {
    expect(() => applyParameters(spec, [{ path: 'behaviour.noSuchKey' }], [1])).toThrow(RangeError);
    expect(() => applyParameters(spec, [{ path: 'behaviour.greenfield' }], [1])).toThrow(RangeError);
  });
  it('reads back what it set', () => {
    const out = applyParameters(spec, [{ path: 'behaviour.expectationYears' }], [0.3]);
    expect(readParameter(out, 'behaviour.expectationYears')).toBe(0.3);
    expect(readParameter(out, 'demand.maxThrift')).toBe(out.materials[0].demand.maxThrift);
  });
});

describe('unit-cube mapping of parameter bounds', () => {
  const linear = { min: -2, max: -0.2, scale: 'linear' as const };
  const log = { min: 0.02, max: 0.6, scale: 'log' as const };
  it('round-trips inside the bounds and clamps outside', () => {
    for (const p of [linear, log]) {
      for (const u of [0, 0.25, 0.5, 1]) expect(toUnit(p, fromUnit(p, u))).toBeCloseTo(u, 12);
      expect(fromUnit(p, -1)).toBeCloseTo(p.min, 12);
      expect(fromUnit(p, 2)).toBeCloseTo(p.max, 12);
    }
    expect(fromUnit(log, 0.5)).toBeCloseTo(Math.sqrt(0.02 * 0.6), 12);
  });
  it('rounds fitted values to four significant digits', () => {
    expect(round(0.123456)).toBe(0.1235);
    expect(round(-1234.5)).toBe(-1235);
  });
});
