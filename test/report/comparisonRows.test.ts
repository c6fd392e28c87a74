import { describe, expect, it } from 'vitest';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import type { ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { describePeakPriceWords, renderComparisonSection } from '../../src/report/renderComparisonSection.ts';

const charts: ChartCollector = { add: async () => '', finish: async () => [] };
type Event = ScenarioOverview['events'][number];
const event = (id: string, kind: string, stage: string): Event => ({ id, kind, start: 1, end: 3, announced: NaN, fields: { kind, region: 'US', material: 'ndpr', stage } });
const overview = (events: Event[]): ScenarioOverview => ({
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }], materials: [{ id: 'ndpr', name: 'NdPr oxide' }] as ScenarioOverview['materials'],
  events: [event('quota', 'exportControl', 'manufacturing'), event('quotaOxide', 'exportControl', 'processing'), ...events], threat: [], document: {},
});
const entry = (alternative: string, metric: string, difference: number): ComparisonEntry => ({
  alternative, metric, meanA: 2, meanB: 2 + difference, meanDifference: difference, ciLow: difference - 0.01, ciHigh: difference + 0.01, pBetter: NaN, pWorse: NaN, n: 30, unit: 'x base', direction: 'lower',
});

describe('the compare tables (audit 24, M8)', () => {
  it('give every alternative the rows its chart draws, the stage prices named as the refined and the magnet price', async () => {
    const metrics = ['peakPriceMultiple.ndpr.processing.US', 'peakPriceMultiple.ndpr.manufacturing.US'];
    const entries = ['oxide', 'magnets'].flatMap((a) => metrics.map((m) => entry(a, m, -0.3)));
    const html = await renderComparisonSection({ reference: 'threat', alternatives: ['oxide', 'magnets'], entries, costEffectiveness: new Map() }, {
      reference: { label: 'threat', overview: overview([]) },
      alternatives: [{ label: 'oxide', overview: overview([event('pile', 'stockpile', 'processing')]) }, { label: 'magnets', overview: overview([event('pile', 'stockpile', 'manufacturing')]) }],
    }, () => 'NdPr oxide', charts);
    const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]).slice(0, 2);
    const rowNames = (table: string) => [...table.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(rowNames(tables[0])).toEqual(['NdPr oxide: peak refined price (× start)', 'NdPr oxide: peak magnet price (× start)']);
    expect(rowNames(tables[1])).toEqual(rowNames(tables[0]));
  });

  it('names the manufacturing stage by its product', () => {
    expect(describePeakPriceWords('dy', 'manufacturing')).toBe('peak magnet price');
    expect(describePeakPriceWords('gallium', 'manufacturing')).toBe('peak price of wafers and devices');
    expect(describePeakPriceWords('gallium', 'processing')).toBe('peak refined price');
  });
});
