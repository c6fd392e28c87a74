import { describe, expect, it } from 'vitest';
import { CENTRE_WEIGHT, computeTargetLoss, INVALID_TARGET_LOSS, isInBand, isNearBandEdge } from '../../src/calibrate/computeTargetLoss.ts';

const log = { band: [10, 30] as [number, number], scale: 'log' as const, weight: 1 };
const linear = { band: [9, 14] as [number, number], scale: 'linear' as const, weight: 1 };

describe('computeTargetLoss', () => {
  it('is smallest at the centre of the band and only the centre pull inside it', () => {
    const centre = Math.sqrt(10 * 30);
    expect(computeTargetLoss(log, centre)).toBeCloseTo(0, 12);
    expect(computeTargetLoss(log, 30)).toBeCloseTo(CENTRE_WEIGHT * 0.25, 12);
    expect(computeTargetLoss(linear, 9)).toBeCloseTo(CENTRE_WEIGHT * 0.25, 12);
  });
  it('costs 2 (plus the centre pull) one band width outside the band, and grows from the edge at once', () => {
    expect(computeTargetLoss(linear, 19)).toBeCloseTo(2 + CENTRE_WEIGHT * 2.25, 12);
    expect(computeTargetLoss(log, 90)).toBeCloseTo(2 + CENTRE_WEIGHT * 2.25, 12);
    expect(computeTargetLoss(linear, 14.5) - computeTargetLoss(linear, 14)).toBeGreaterThan(0.1);
  });
  it('uses the tolerance on open bands and has no centre term there', () => {
    const open = { band: [null, 0.4] as [null, number], scale: 'linear' as const, weight: 2, tolerance: 0.2 };
    expect(computeTargetLoss(open, 0.1)).toBe(0);
    expect(computeTargetLoss(open, 0.6)).toBeCloseTo(4, 12);
  });
  it('penalises non-finite values and non-positive values on a log scale', () => {
    expect(computeTargetLoss(log, NaN)).toBe(INVALID_TARGET_LOSS);
    expect(computeTargetLoss(log, 0)).toBe(INVALID_TARGET_LOSS);
    expect(computeTargetLoss({ ...linear, weight: 0.5 }, Infinity)).toBe(0.5 * INVALID_TARGET_LOSS);
  });
});

describe('isInBand', () => {
  it('includes the bounds and handles open sides', () => {
    expect(isInBand(log, 10)).toBe(true);
    expect(isInBand(log, 30.01)).toBe(false);
    expect(isInBand({ band: [1, null] }, 1e9)).toBe(true);
    expect(isInBand({ band: [null, 1.1] }, 1.2)).toBe(false);
    expect(isInBand(log, NaN)).toBe(false);
  });
});

describe('isNearBandEdge', () => {
  it('is true when a bound of the band lies within 2 Monte Carlo standard errors of the mean, on either side', () => {
    expect(isNearBandEdge({ band: [9, 14] }, 9.3, 0.2)).toBe(true); // in, 1.5 MCSE above the lower bound
    expect(isNearBandEdge({ band: [9, 14] }, 8.7, 0.2)).toBe(true); // out, 1.5 MCSE below it
    expect(isNearBandEdge({ band: [9, 14] }, 14.39, 0.2)).toBe(true);
    expect(isNearBandEdge({ band: [9, 14] }, 9.5, 0.2)).toBe(false); // 2.5 MCSE: in with some confidence
    expect(isNearBandEdge({ band: [9, 14] }, 8.5, 0.2)).toBe(false);
    expect(isNearBandEdge({ band: [null, 1.1] }, 1.115, 0.01)).toBe(true);
    expect(isNearBandEdge({ band: [1, null] }, 5, 0.01)).toBe(false);
  });

  it('is false without a finite error or mean (one replicate, aggregate: max, no value)', () => {
    expect(isNearBandEdge({ band: [9, 14] }, 9, NaN)).toBe(false);
    expect(isNearBandEdge({ band: [8, 12] }, 12, 0)).toBe(false); // on the bound with no spread: in the band
    expect(isNearBandEdge({ band: [9, 14] }, NaN, 0.2)).toBe(false);
  });
});
