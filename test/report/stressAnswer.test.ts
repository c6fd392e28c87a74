import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { createImpactSpec } from '../../src/report/createImpactSpec.ts';
import { describeStressDisruption } from '../../src/report/describeStressDisruption.ts';
import { createStressFigureFormat } from '../../src/report/formatStressFigure.ts';
import { type MeasuredImpact, readStressJson, readStressRun, type StageStress } from '../../src/report/readStressJson.ts';
import { renderStressAnswerBox } from '../../src/report/renderStressAnswerBox.ts';
import { renderStressRanking } from '../../src/report/renderStressRanking.ts';

type Data = { data: { values: Array<Record<string, unknown>> }; layer: Array<{ mark: Record<string, unknown>; encoding: Record<string, unknown> }> };
function collector(): ChartCollector & { specs: Map<string, Data> } {
  const specs = new Map<string, Data>();
  return { specs, add: async (name: string, spec: TopLevelSpec) => { specs.set(name, spec as unknown as Data); return `<figure id="fig-${name}"></figure>`; }, finish: async () => [] };
}

/** A measure with its rank and, for weights below 1, its impact if struck (expected ÷ weight). */
const m = (value: number, low: number, high: number, rank: number, weight = 1, extra: Partial<MeasuredImpact> = {}): MeasuredImpact =>
  ({ value, ciLow: low, ciHigh: high, unit: '', label: '', rank, conditional: { value: value / weight, ciLow: low / weight, ciHigh: high / weight }, ...extra });

// As the audit's threat-export-quota stress test (12 runs, seed 1): end use first by share unmet and last by cost.
const quota = (): Map<string, StageStress> => new Map<string, StageStress>([
  ['endUse', { weight: 1, shortfallShare: m(0.00533, 0.00445, 0.0062, 1, 1, { firstVsSecond: { second: 'processing', meanDifference: 0.00495, ciLow: 0.00412, ciHigh: 0.00578, n: 12, clearlyFirst: true } }),
    economicCost: m(-1.59e8, -8.83e8, 5.65e8, 6), costParts: { extraSpending: m(-5.57e8, -9.56e8, -1.57e8, 0), unmetValueAtPrice: m(3.07e8, 2.47e8, 3.68e8, 0) } }],
  ['processing', { weight: 1, shortfallShare: m(0.000377, 0.000204, 0.000549, 2),
    economicCost: m(2.57e9, 3.8e8, 4.75e9, 1, 1, { firstVsSecond: { second: 'manufacturing', meanDifference: 1.07e9, ciLow: 1.9e8, ciHigh: 1.94e9, n: 12, clearlyFirst: true } }) }],
  ['manufacturing', { weight: 1, shortfallShare: m(0.0000584, 0.0000218, 0.000095, 3), economicCost: m(1.502e9, -8.8e7, 3.091e9, 2) }],
  // mining: weight 2/9; unweighted it would pass manufacturing by share unmet
  ['mining', { weight: 2 / 9, shortfallShare: m(0.0000402, 0.0000192, 0.0000612, 4, 2 / 9), economicCost: m(6.65e7, -7.4e7, 2.07e8, 3, 2 / 9) }],
  ['recycling', { weight: 2 / 9, shortfallShare: m(0.000011, -0.000004, 0.000025, 5, 2 / 9), economicCost: m(-1.4e7, -5.1e7, 2.4e7, 5, 2 / 9) }],
  ['discovery', { weight: 4 / 9, shortfallShare: m(3.31e-10, -3.98e-10, 1.06e-9, 6, 4 / 9), economicCost: m(-6e6, -4.1e7, 3e7, 4, 4 / 9) }],
]);

describe('the stress report answers which stage hurts most first (audit 25, M1, M5, L9)', () => {
  it('names the first stage of each ranking, whether it is clearly ahead, and that the rankings disagree', () => {
    const html = renderStressAnswerBox(quota(), { strippedEvents: [] });
    expect(html).toContain('Answer: which stage hurts most');
    expect(html).toContain('By share of home demand left unmet: end use (+0.533 percentage points), clearly ahead of processing (by +0.495 percentage points, 95% CI +0.412 to +0.578 percentage points, paired over 12 runs).');
    expect(html).toContain('By economic cost to home end users: processing (+USD 2.57 billion), clearly ahead of manufacturing');
    // One sentence per leader: the single sentence with both leaders' intervals ran past 50 words.
    expect(html).toContain('The two rankings disagree. End use is last of 6 by economic cost (−USD 159 million, 95% CI');
    expect(html).toContain('not distinguishable from 0). Processing is #2 of 6 by share of demand unmet');
    const text = (h: string): string => h.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const disagreement = text(html).split(/(?<=\.) (?=[A-Z])/).filter((sentence) => /disagree|is (last|#\d) of/.test(sentence));
    expect(disagreement.length).toBe(3);
    for (const sentence of disagreement) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(45);
    expect(html).toContain('href="#stress"');
    expect(html).not.toContain('--strip-events');
  });

  it('says when both rankings agree, and gives no box for a stress.json without the ranked measures', () => {
    const agree = quota();
    agree.set('endUse', { ...agree.get('endUse')!, economicCost: m(9e9, 8e9, 1e10, 1) });
    agree.set('processing', { ...agree.get('processing')!, economicCost: m(2.57e9, 3.8e8, 4.75e9, 2) });
    expect(renderStressAnswerBox(agree, undefined)).toContain('Both rankings put end use first.');
    expect(renderStressAnswerBox(new Map([['processing', { impact: m(1, 0, 2, 1) }]]), undefined)).toBe('');
  });

  it('calls the weight an assumption, not a probability, and says how the unweighted ranking differs', () => {
    const html = renderStressAnswerBox(quota(), undefined);
    expect(html).toContain('an assumption, not a measured probability');
    // The box says what the weights are before it speaks of them, without "ordinal".
    expect(html).toContain('Each stage’s expected impact is weighted by the study’s threat score (capability × intent, each rated 1–3) ÷ 9.');
    expect(html).not.toContain('ordinal');
    expect(html).toContain('Without the weights (impact if struck): by share of demand unmet, manufacturing moves from #3 to #4 and mining from #4 to #3;');
    // The same weights with impacts that order alike: said to be the same order.
    const same = new Map([...quota()].filter(([stage]) => ['endUse', 'processing'].includes(stage)));
    expect(renderStressAnswerBox(same, undefined)).toContain('Without the weights (impact if struck), both rankings keep their order.');
  });

  it('explains a negative economic cost beside a clear rise in unmet demand from its parts (L9), and only then', async () => {
    const box = renderStressAnswerBox(quota(), undefined);
    expect(box).toContain('End use leaves clearly more demand unmet yet its economic cost is negative (−USD 159 million): the average price home end users paid over the run was lower with it (−USD 557 million on what they still received, against +USD 307 million for their unmet demand)');
    const section = await renderStressRanking(quota(), () => undefined, collector());
    expect(section).toContain('home buyers pay their trading pool’s price');
    expect(section).toContain('an undiscounted total over the whole run');
    // Another stage's quota hits every destination: the pooled-price cause is not claimed for it (review 25, M4).
    const processing = quota();
    processing.set('processing', { ...processing.get('endUse')!, weight: 1 });
    const processingSection = await renderStressRanking(processing, () => undefined, collector());
    expect(processingSection).toContain('Processing leaves clearly more demand unmet yet its economic cost is negative');
    expect(processingSection).toContain('whose cause this report does not tell apart');
    expect(processingSection.split('home buyers pay their trading pool’s price').length - 1).toBe(1);
    const paying = quota();
    paying.set('endUse', { ...paying.get('endUse')!, costParts: { extraSpending: m(5e8, 1e8, 9e8, 0) } });
    expect(renderStressAnswerBox(paying, undefined)).not.toContain('economic cost is negative');
  });

  it('discloses --strip-events first (M3)', () => {
    const html = renderStressAnswerBox(quota(), { strippedEvents: ['cnQuotaDy', 'cnQuotaNdpr'] });
    expect(html).toContain('With the scenario’s own threat events removed</strong> (<code>--strip-events</code>: cnQuotaDy, cnQuotaNdpr)');
    expect(html.indexOf('--strip-events')).toBeLessThan(html.indexOf('By share of home demand'));
  });
});

describe('the stress table and charts (audit 25, M4, L4, L5)', () => {
  it('rounds a column by one rule and prints near-zero values as ≈ 0, not long decimals', async () => {
    const f = createStressFigureFormat(0.533);
    expect([f.format(0.0000000331), f.format(1502 / 1000), f.format(0.1), f.format(-0.00584)]).toEqual(['≈ 0', '+1.50', '+0.100', '−0.00584']);
    const charts = collector();
    const html = await renderStressRanking(quota(), () => undefined, charts);
    // discovery: +0.0000000331 pp (95% CI −0.0000000398 to +0.000000106)
    expect(html).toContain('#6 · ≈ 0<br><span class="note">95% CI also ≈ 0</span>');
    expect(html).not.toMatch(/0\.0000000/);
    expect(html).toContain('#2 · +1,500<br><span class="note">95% CI −88.0 to +3,090</span>');
    expect(html).toContain('“≈ 0”: smaller than 0.0001 percentage points');
    expect(charts.specs.get('measured-impact')?.data.values.map((v) => v.label)).toEqual(['0.533', '0.0377', '0.00584', '0.00402', '0.00110', '≈ 0']);
    expect(charts.specs.get('measured-cost')?.data.values.find((v) => v.stage === 'manufacturing')?.label).toBe('1,500');
  });

  it('fades the bars whose 95% CI includes 0, as the tornado does', async () => {
    const charts = collector();
    await renderStressRanking(quota(), () => undefined, charts);
    const cost = charts.specs.get('measured-cost') as Data;
    const uncertain = Object.fromEntries(cost.data.values.map((v) => [v.stage, v.uncertain]));
    expect(uncertain).toMatchObject({ processing: false, manufacturing: true, 'end use': true });
    expect(JSON.stringify(cost.layer[0].encoding.fillOpacity)).toContain('datum.uncertain');
    expect(JSON.stringify(cost)).toContain('faded bar: 95% CI includes 0');
    // Without the option (the run report's impact chart) nothing is faded.
    const plain = createImpactSpec(['a'], new Map([['a', m(1, -1, 2, 1)]]), 'x') as unknown as Data;
    expect(plain.data.values[0].uncertain).toBe(false);
  });

  it('shows the impact if struck and its rank where the weight is below 1', async () => {
    const html = await renderStressRanking(quota(), () => ({ capability: 2, intent: 1 }), collector());
    expect(html).toContain('2 × 1 = 2 → weight 0.22');
    expect(html).toContain('if struck: #3 · +0.0181');
  });

  it('describes each stage\'s standard disruption and says when the horizon cut it short', () => {
    const context = { regionName: (id: string) => ({ CN: 'China', US: 'United States' })[id] ?? id, startYear: 2025, horizonYears: 1 };
    const ban = [{ kind: 'exportControl', start: 0.25, end: 1.75, fields: { kind: 'exportControl', material: 'ndpr', stage: 'manufacturing', exporter: 'CN', mode: 'ban', destinations: ['US'] } },
      { kind: 'exportControl', start: 0.25, end: 1.75, fields: { kind: 'exportControl', material: 'dy', stage: 'manufacturing', exporter: 'CN', mode: 'ban', destinations: ['US'] } }];
    expect(describeStressDisruption(ban, context)).toBe('ban on China’s exports of components such as magnets to the United States (every material), Apr 2025 – Sep 2026 (1.5 years), cut short by the horizon: in force only 0.75 years of the 1 year run');
    const quotaEvent = [{ kind: 'exportControl', start: 1, end: 2.5, fields: { stage: 'mining', exporter: 'CN', mode: 'quota', quotaShare: 8 / 9 } }];
    expect(describeStressDisruption(quotaEvent, { ...context, horizonYears: 10 })).toBe('export quota on China’s exports of concentrate: 89% of previous exports, Jan 2026 – Jun 2027 (1.5 years)');
    const cyber = [{ kind: 'cyberattack', start: 1, end: NaN, fields: { stage: 'recycling', region: 'US', facilityShare: 1 / 9, downtimeYears: 0.5 } }];
    expect(describeStressDisruption(cyber, { ...context, horizonYears: 10 })).toBe('cyberattack on recyclers in the United States: 11% of them down, Jan 2026 – Jun 2026 (0.5 years)');
    expect(describeStressDisruption([{ kind: 'disinformation', start: 2, end: 7, fields: { region: 'US', durationMultiplier: 1.44 } }], { ...context, horizonYears: 1 }))
      .toContain('starts after the 1 year run ends, so it does nothing');
  });
});

describe('reading stress.json for the answer (M3, M4, M5)', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'crm-stress-answer-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('reads the weight, the events, the cost parts, the impact if struck, the stripped events and the horizon', async () => {
    const measure = (unit: string, mean: number) => ({ unit, expected: { mean: mean / 2, low: mean / 4, high: mean }, conditional: { mean, low: mean / 2, high: mean * 2 } });
    await writeFile(join(dir, 'stress.json'), JSON.stringify({
      scenario: 's.yaml', masterSeed: 1, replicates: 4, strippedEvents: ['cnQuotaDy'], rankingByShortfallShare: [{ stage: 'mining', rank: 1 }],
      stages: [{ stage: 'mining', probability: 0.5, events: [{ start: 1, end: 2.5, id: 'stress-mining-ndpr', kind: 'exportControl', mode: 'quota', quotaShare: 0.75 }],
        shortfallShare: measure('share', 0.002), economicCost: measure('USD', 4e6), extraSpending: measure('USD', -2e6) }],
      horizonYears: 3, shortfallShareOf: 'undisturbedDemand',
    }));
    const mining = (await readStressJson(dir))?.get('mining');
    expect(mining?.weight).toBe(0.5);
    expect(mining?.events?.[0]).toMatchObject({ kind: 'exportControl', start: 1, end: 2.5, fields: { quotaShare: 0.75 } });
    expect(mining?.shortfallShare?.conditional).toEqual({ value: 0.002, ciLow: 0.001, ciHigh: 0.004 });
    expect(mining?.costParts?.extraSpending?.value).toBe(-1e6);
    expect(await readStressRun(dir)).toEqual({ strippedEvents: ['cnQuotaDy'], horizonYears: 3, replicates: 4, shareOfOwnDemand: false });
  });

  it('reads a stress.json from before the horizon and the share\'s denominator were recorded', async () => {
    await writeFile(join(dir, 'stress.json'), JSON.stringify({ stages: [{ stage: 'mining', shortfallShare: { unit: 'share', expected: { mean: 0.1 } } }] }));
    expect(await readStressRun(dir)).toEqual({ strippedEvents: [], shareOfOwnDemand: true });
    expect((await readStressJson(dir))?.get('mining')?.shortfallShare?.conditional).toBeUndefined();
  });
});
