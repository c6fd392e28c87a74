import { describe, expect, it } from 'vitest';
import { describeEventSubject, eventSubjectOf } from '../../src/report/describeEventSubject.ts';
import { describeParameter } from '../../src/report/describeParameter.ts';
import type { EventOverview, ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import type { SweepRow, SweepTable } from '../../src/report/readSweepCsv.ts';
import { renderSweepAnswerBox } from '../../src/report/renderSweepAnswerBox.ts';

const event = (id: string, kind: string, fields: Record<string, unknown>): EventOverview => ({ id, kind, start: 1, end: 2.5, announced: NaN, fields: { kind, ...fields } });
const quota = event('cnQuotaNdpr', 'exportControl', { material: 'ndpr', stage: 'processing', exporter: 'CN', mode: 'quota', quotaShare: 0.5 });
const stockpile = event('usStockpileNdpr', 'stockpile', { material: 'ndpr', stage: 'manufacturing', region: 'US', targetDays: 60 });
const name = (id: string): string => (id === 'ndpr' ? 'NdPr oxide' : id);
const overview = {
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN', regions: [],
  materials: [{ id: 'ndpr', name: 'NdPr oxide' }], threat: [], document: {}, events: [quota, stockpile],
} as unknown as ScenarioOverview;

describe('describeEventSubject', () => {
  it('says what an event acts on, without the settings a sweep varies', () => {
    expect(describeEventSubject(quota, name)).toBe('CN export quota on refined NdPr oxide');
    expect(describeEventSubject(stockpile, name)).toBe('US stockpile of NdPr oxide in components');
    expect(describeEventSubject(event('x', 'tariff', { material: 'ndpr', stage: 'manufacturing', importer: 'US' }), name)).toBe('US tariff on magnets containing NdPr oxide');
  });

  it('names an event parameter by its subject and id, and by its id alone where the scenario does not have it', () => {
    expect(describeParameter('events.cnQuotaNdpr.quotaShare', name, eventSubjectOf(overview))).toBe('CN export quota on refined NdPr oxide (cnQuotaNdpr): quota share');
    expect(describeParameter('events.other.quotaShare', name, eventSubjectOf(overview))).toBe('other: quota share');
    expect(describeParameter('events.cnQuotaNdpr.quotaShare', name)).toBe('cnQuotaNdpr: quota share');
  });

  it('is how the sweep answer box names a swept event parameter', () => {
    const metric = 'cumulativeConsumption.ndpr.endUse.US';
    const row = (point: string, share: number, mean: number, diff?: [number, number, number]): SweepRow => ({
      point, parameters: { 'events.cnQuotaNdpr.quotaShare': share }, metric, mean, ciLow: mean - 1, ciHigh: mean + 1,
      ...(diff === undefined ? {} : { vsFirstPoint: { meanDifference: diff[0], ciLow: diff[1], ciHigh: diff[2] } }),
    });
    const sweep: SweepTable = { parameters: ['events.cnQuotaNdpr.quotaShare'], units: { [metric]: 't' }, rows: [row('0', 0.2, 96_575), row('1', 1, 96_818, [243, 183, 302])] };
    const box = renderSweepAnswerBox(sweep, undefined, overview, name).replace(/<[^>]+>/g, ' ');
    expect(box).toContain('From the lowest value of CN export quota on refined NdPr oxide (cnQuotaNdpr): quota share (20%) to the highest (100%)');
  });
});
