import { describe, expect, it } from 'vitest';
import { planFanPanels } from '../../src/report/planFanPanels.ts';
import type { EventOverview, MaterialOverview, ScenarioOverview } from '../../src/report/readScenarioOverview.ts';

const material = (id: string, name: string): MaterialOverview => ({ id, name, priceUnit: 'USD/kg', basePriceUsdPerTonne: {}, demandByRegion: {}, capacityByStage: {} });
const event = (id: string, kind: string, materialId: string, stage: string): EventOverview => ({ id, kind, start: 1, end: 2.5, announced: NaN, fields: { material: materialId, stage, mode: 'quota' } });
const overview = (events: EventOverview[]): ScenarioOverview => ({
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }, { id: 'CN', name: 'China', alignment: 'foreign' }],
  materials: [material('ndpr', 'NdPr oxide'), material('li', 'Lithium')], events, threat: [], document: {},
});
/** The price rows of a material's panel: their titles and the stage of their charts. */
const priceRows = (o: ScenarioOverview, id: string) => planFanPanels(o).find((p) => p.materialId === id)!.rows
  .filter((row) => row.charts.some((c) => c.series.metric === 'price'))
  .map((row) => ({ title: row.title, stages: [...new Set(row.charts.map((c) => c.series.stage))] }));

describe('planFanPanels: price rows', () => {
  it('draws the quoted (refined) price, then the price of every other traded stage the material\'s disruptive events strike', () => {
    const rows = priceRows(overview([event('q', 'exportControl', 'ndpr', 'processing'), event('qm', 'exportControl', 'ndpr', 'manufacturing')]), 'ndpr');
    expect(rows).toEqual([
      { title: 'Refined price by market segment', stages: ['processing'] },
      { title: 'Component price by market segment: magnets containing NdPr oxide (manufacturing)', stages: ['manufacturing'] },
    ]);
  });

  it('adds no row for a mitigation\'s stage (a magnet stockpile), nor for a material without events', () => {
    const o = overview([event('q', 'exportControl', 'ndpr', 'processing'), event('pile', 'stockpile', 'ndpr', 'manufacturing')]);
    expect(priceRows(o, 'ndpr').map((r) => r.stages)).toEqual([['processing']]);
    expect(priceRows(o, 'li').map((r) => r.stages)).toEqual([['processing']]);
  });

  it('puts a struck upstream stage after the quoted one, every row with a chart per region', () => {
    const o = overview([event('m', 'outage', 'ndpr', 'mining'), event('q', 'exportControl', 'ndpr', 'processing')]);
    expect(priceRows(o, 'ndpr').map((r) => r.stages[0])).toEqual(['processing', 'mining']);
    const panel = planFanPanels(o).find((p) => p.materialId === 'ndpr')!;
    expect(panel.rows[1].charts.map((c) => c.series.region)).toEqual(['US', 'CN']);
  });
});
