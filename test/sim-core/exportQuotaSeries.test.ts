/**
 * Export quotas as data: per quota event, `exportQuotaInForce` (1 while it acts) and
 * `exportQuotaBinding` (1 while it held shipments below what the exporter's offers allowed), and the
 * per-replicate weeks of each, held to the engine's own state tick by tick: in a binding week the
 * exporter ships exactly its quota, in a week that does not bind it ships no more than it.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createRecorder, createWorld, step, type EventSpec } from '../../sim-core/index.ts';
import { exportQuotas } from '../../sim-core/record/resultLayout.ts';
import { readRecordedRun } from './engineHelpers.ts';
import { oneMaterial, regionOf, withEvents } from './mechanisms/mechanismHelpers.ts';

/** A 50% (or `share`) quota on China's NdPr exports at `stage`, in force from year 1 to 2.5 of a 4-year run. */
function quota(stage: 'processing' | 'manufacturing', share: number, id = 'cnQuota'): EventSpec {
  return { id, kind: 'exportControl', material: 'ndpr', stage, exporter: 'CN', mode: 'quota', quotaShare: share, start: 1, end: 2.5 };
}

/** Steps a run tick by tick: its quota series and summaries, and per tick what the quota'd segment shipped against its quota. */
function observe(...events: EventSpec[]) {
  const spec = withEvents(oneMaterial('ndpr', 4), ...events);
  const compiled = compileScenario(spec);
  const world = createWorld(spec, 1, 0);
  const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
  const stage = (events[0] as { stage: string }).stage === 'processing' ? 1 : 2;
  const segment = stage * world.regions + regionOf(world, 'CN');
  const shipped: Array<{ exported: number; quota: number; inForce: number }> = [];
  for (let t = 0; t < world.ticks; t++) {
    step(world, recorder);
    shipped.push({ exported: world.markets.exportedTonnes[segment], quota: world.effective.exportQuotaTonnesPerTick[segment], inForce: world.eventState.inForce[0] });
  }
  const { series, summary } = readRecordedRun(compiled, recorder, world);
  return { compiled, world, series, summary, shipped };
}

describe('export quota series', () => {
  it('a 50% quota on magnets is in force over its 78 weeks and binds in them: China ships exactly its quota, week by week', () => {
    const run = observe(quota('manufacturing', 0.5));
    const tpy = run.world.ticksPerYear;
    const inForce = run.series('exportQuotaInForce', 'cnQuota');
    expect(inForce).toEqual(run.shipped.map((s) => s.inForce));
    expect(inForce.indexOf(1)).toBe(tpy);
    expect(inForce.lastIndexOf(1)).toBe(2.5 * tpy - 1);
    const binding = run.series('exportQuotaBinding', 'cnQuota');
    const bound = binding.flatMap((b, t) => (b === 1 ? [t] : []));
    // China makes ~92% of the world's magnets: half of last year's exports cannot meet its buyers' orders.
    expect(bound.length).toBeGreaterThan(0.9 * 1.5 * tpy);
    for (const t of bound) {
      expect(inForce[t]).toBe(1);
      expect(run.shipped[t].exported).toBeCloseTo(run.shipped[t].quota, 6);
    }
    expect(run.summary('exportQuotaWeeksInForce', 'cnQuota')).toBe(78);
    expect(run.summary('exportQuotaWeeksBinding', 'cnQuota')).toBe(bound.length * (52 / tpy));
    // The ceiling, t/week, while in force: the quota the engine applied (the only one on the segment); 0 outside.
    const ceiling = run.series('exportQuotaCeiling', 'cnQuota');
    const ticksPerWeek = tpy / 52;
    ceiling.forEach((c, t) => expect(c, `week ${t}`).toBeCloseTo(inForce[t] === 1 ? run.shipped[t].quota * ticksPerWeek : 0, 9));
    expect(run.summary('exportQuotaAllowedTonnes', 'cnQuota')).toBeCloseTo(ceiling.reduce((a, b) => a + b, 0) * (52 / tpy), 6);
  });

  it('in a week it does not bind, the exporter ships no more than its quota; outside its weeks the series are 0', () => {
    for (const share of [0.5, 3]) {
      for (const stage of ['processing', 'manufacturing'] as const) {
        const run = observe(quota(stage, share));
        const binding = run.series('exportQuotaBinding', 'cnQuota');
        run.shipped.forEach((s, t) => {
          if (s.inForce === 0) expect(binding[t], `${stage} ${share} week ${t}`).toBe(0);
          else if (binding[t] === 0) expect(s.exported, `${stage} ${share} week ${t}`).toBeLessThanOrEqual(s.quota * (1 + 1e-9));
        });
      }
    }
  });

  it('a quota at three times last year\'s magnet exports never binds', () => {
    const run = observe(quota('manufacturing', 3));
    expect(run.summary('exportQuotaWeeksInForce', 'cnQuota')).toBe(78);
    expect(run.summary('exportQuotaWeeksBinding', 'cnQuota')).toBe(0);
  });

  it('an oxide-only quota binds in far fewer weeks than the same cut on magnets (China is a net buyer of oxide)', () => {
    const oxide = observe(quota('processing', 0.5)).summary('exportQuotaWeeksBinding', 'cnQuota');
    const magnets = observe(quota('manufacturing', 0.5)).summary('exportQuotaWeeksBinding', 'cnQuota');
    expect(oxide).toBeLessThan(magnets / 4);
  });

  it('lists only quota-mode export controls, with the event\'s material and stage and its id as region', () => {
    const licensing: EventSpec = { id: 'cnLicence', kind: 'exportControl', material: 'ndpr', stage: 'processing', exporter: 'CN', mode: 'licensing', approvalRate: 0.5, start: 1 };
    const spec = withEvents(oneMaterial('ndpr', 2), licensing, quota('manufacturing', 0.5), { ...quota('processing', 0.5), id: undefined } as EventSpec);
    expect(exportQuotas(spec).map((q) => [q.event, q.key.material, q.key.stage, q.key.region])).toEqual([[1, 'ndpr', 'manufacturing', 'cnQuota'], [2, 'ndpr', 'processing', 'event3']]);
    const layout = compileScenario(spec).layout;
    expect(layout.series.filter((k) => k.metric === 'exportQuotaBinding').map((k) => k.region)).toEqual(['cnQuota', 'event3']);
    expect(layout.summaries.filter((k) => k.metric === 'exportQuotaWeeksBinding').map((k) => k.region)).toEqual(['cnQuota', 'event3']);
  });
});
