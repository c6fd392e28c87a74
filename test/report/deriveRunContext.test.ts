import { describe, expect, it } from 'vitest';
import { deriveRunContext } from '../../src/report/deriveRunContext.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import type { SummaryMetrics } from '../../src/report/readSummaryJson.ts';

const event = (id: string, kind: string, stage: string) => ({ id, kind, start: 0, end: 1, announced: NaN, fields: { kind, material: 'ndpr', stage } });
const overview = (events: ReturnType<typeof event>[]) => ({
  name: 'x', description: '', startYear: 2026, years: 2, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }, { id: 'CN', name: 'China', alignment: 'adversary' }],
  materials: [{ id: 'ndpr', name: 'NdPr oxide', priceUnit: 'USD/kg', demandByRegion: { US: 10_000 } }],
  events, threat: [], document: {},
}) as unknown as ScenarioOverview;

describe('deriveRunContext', () => {
  it('counts as struck only the stages a disruption strikes, not where a mitigation acts (review 24)', () => {
    const quotaAndStockpile = deriveRunContext(overview([event('quota', 'exportControl', 'processing'), event('reserve', 'stockpile', 'manufacturing')]), new Map() as SummaryMetrics);
    expect(quotaAndStockpile.materials[0].struckStages).toEqual(['processing']);
    const twoQuotas = deriveRunContext(overview([event('quota', 'exportControl', 'processing'), event('magnets', 'exportControl', 'manufacturing')]), new Map() as SummaryMetrics);
    expect(twoQuotas.materials[0].struckStages).toEqual(['processing', 'manufacturing']);
  });
});
