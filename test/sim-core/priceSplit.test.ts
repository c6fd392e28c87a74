import { describe, expect, it } from 'vitest';
import { createWorld, step, type EventSpec, type ScenarioSpec } from '../../sim-core/index.ts';
import { materialIndex, regionIndexOf } from '../../sim-core/world/indexOf.ts';
import { smallBaseline } from './engineHelpers.ts';

const REPLICATES = 3;
/** The binding window: from a month after the quota starts (traders' pipelines have emptied) to nine months in. */
const WINDOW_WEEKS = [4, 40] as const;

const base: ScenarioSpec = { ...smallBaseline(2, 3), uncertainties: [] };
const exporter = base.foreignActor.region;
/** A 70% cut of the exporter's refined graphite exports from `startWeek`, announced `noticeWeeks` before. */
const quota = (startWeek: number, noticeWeeks: number): EventSpec => ({
  kind: 'exportControl', material: 'graphite', stage: 'processing', exporter, mode: 'quota', quotaShare: 0.3,
  start: startWeek / 52, announced: (startWeek - noticeWeeks) / 52,
});

/**
 * Per replicate (seed 5, the same replicate with and without the quota: common random numbers), the
 * window's mean of price(with quota) ÷ price(without) for refined graphite, inside the exporter and
 * averaged over the other regions; and the exporter's exports ÷ its quota over the window.
 */
function pairedRatios(event: EventSpec, replicate: number): { inside: number; outside: number; quotaUse: number } {
  const controlled = createWorld({ ...base, events: [event] }, 5, replicate);
  const control = createWorld({ ...base, events: [] }, 5, replicate);
  const m = materialIndex(controlled, 'graphite');
  const R = controlled.regions;
  const x = regionIndexOf(controlled, exporter);
  const ratio = (r: number) => controlled.markets.priceUsdPerTonne[(m * 3 + 1) * R + r] / control.markets.priceUsdPerTonne[(m * 3 + 1) * R + r];
  let inside = 0;
  let outside = 0;
  let quotaUse = 0;
  const from = Math.round(event.start * 52) + WINDOW_WEEKS[0];
  const to = Math.round(event.start * 52) + WINDOW_WEEKS[1];
  for (let t = 0; t < to; t++) {
    step(controlled, null);
    step(control, null);
    if (t < from) continue;
    inside += ratio(x);
    for (let r = 0; r < R; r++) if (r !== x) outside += ratio(r) / (R - 1);
    const s = (m * 3 + 1) * R + x;
    quotaUse += controlled.markets.exportedTonnes[s] / controlled.effective.exportQuotaTonnesPerTick[s];
  }
  const n = to - from;
  return { inside: inside / n, outside: outside / n, quotaUse: quotaUse / n };
}

describe.each([
  ['without notice', quota(13, 0)],
  // Importers front-run the announcement, which drains the exporter's stock before its pool splits.
  ['announced a quarter ahead', quota(26, 13)],
])('two-tier price under a binding export quota (paired runs, %s)', (_, event) => {
  const runs = Array.from({ length: REPLICATES }, (_, i) => pairedRatios(event, i));
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
