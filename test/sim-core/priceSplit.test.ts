import { describe, expect, it } from 'vitest';
import { createWorld, step, type EventSpec, type ScenarioSpec } from '../../sim-core/index.ts';
import { materialIndex, regionIndexOf } from '../../sim-core/world/indexOf.ts';
import { smallBaseline } from './engineHelpers.ts';

const REPLICATES = 3;
const START_WEEK = 13;
/** The binding window: from a month after the quota starts (traders' pipelines have emptied) to nine months in. */
const WINDOW = [START_WEEK + 4, START_WEEK + 40] as const;

const base: ScenarioSpec = { ...smallBaseline(2, 3), uncertainties: [] };
const exporter = base.foreignActor.region;
const quota: EventSpec = { kind: 'exportControl', material: 'graphite', stage: 'processing', exporter, mode: 'quota', quotaShare: 0.3, start: START_WEEK / 52 };

/**
 * Per replicate (seed 5, the same replicate with and without the quota: common random numbers), the
 * window's mean of price(with quota) ÷ price(without) for refined graphite, inside the exporter and
 * averaged over the other regions; and the exporter's exports ÷ its quota over the window.
 */
function pairedRatios(replicate: number): { inside: number; outside: number; quotaUse: number } {
  const controlled = createWorld({ ...base, events: [quota] }, 5, replicate);
  const control = createWorld({ ...base, events: [] }, 5, replicate);
  const m = materialIndex(controlled, 'graphite');
  const R = controlled.regions;
  const x = regionIndexOf(controlled, exporter);
  const ratio = (r: number) => controlled.markets.priceUsdPerTonne[(m * 3 + 1) * R + r] / control.markets.priceUsdPerTonne[(m * 3 + 1) * R + r];
  let inside = 0;
  let outside = 0;
  let quotaUse = 0;
  for (let t = 0; t < WINDOW[1]; t++) {
    step(controlled, null);
    step(control, null);
    if (t < WINDOW[0]) continue;
    inside += ratio(x);
    for (let r = 0; r < R; r++) if (r !== x) outside += ratio(r) / (R - 1);
    const s = (m * 3 + 1) * R + x;
    quotaUse += controlled.markets.exportedTonnes[s] / controlled.effective.exportQuotaTonnesPerTick[s];
  }
  const n = WINDOW[1] - WINDOW[0];
  return { inside: inside / n, outside: outside / n, quotaUse: quotaUse / n };
}

describe('two-tier price under a binding export quota (paired runs)', () => {
  const runs = Array.from({ length: REPLICATES }, (_, i) => pairedRatios(i));
  const mean = (key: 'inside' | 'outside' | 'quotaUse') => runs.reduce((a, run) => a + run[key], 0) / runs.length;

  it('the quota binds in the window (control: exports run at the quota)', () => {
    expect(mean('quotaUse')).toBeGreaterThan(0.9);
  });
  it('raises the price outside the exporter', () => {
    expect(mean('outside')).toBeGreaterThan(1);
  });
  it('lowers the price inside the exporter', () => {
    expect(mean('inside')).toBeLessThan(1);
  });
});
