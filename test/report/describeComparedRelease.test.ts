import { describe, expect, it } from 'vitest';
import { computeComparedRelease, describeComparedRelease } from '../../src/report/describeComparedRelease.ts';
import type { OverTimeSeriesData } from '../../src/report/readOverTimeCsv.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';

const months = Array.from({ length: 36 }, (_, i) => 2025 + (i + 0.5) / 12);
const stock = (median: number[]): OverTimeSeriesData => ({
  strategy: 's', material: 'ndpr', measure: 'stockpile', stage: 'processing+manufacturing', region: 'US', unit: 't', period: months.map(String), year: months, weeks: months.map(() => 4.3),
  runs: months.map(() => 30), median, p5: median, p95: median, meanDifference: [], ciLow: [], ciHigh: [], simultaneousCiLow: [], simultaneousCiHigh: [],
});
const overview = (stage: string) => ({ events: [{ id: 'pile', kind: 'stockpile', start: 0, end: Infinity, announced: NaN, fields: { kind: 'stockpile', material: 'ndpr', stage } }] }) as unknown as ScenarioOverview;

describe('computeComparedRelease (audit 24, M7)', () => {
  it('measures the fall of the median stock below its level the month before the events, while they are in force', () => {
    // Held 1,000 t before 2026; falls to 400 t in the window 2026–2027, back to 1,000 t after it (a refill does not count).
    const median = months.map((y) => (y < 2026 ? 1000 : y < 2026.5 ? 1000 - (y - 2026) * 1200 : y < 2027 ? 400 : 1000));
    const release = computeComparedRelease(stock(median), [{ start: 2026, end: 2027 }], overview('manufacturing'));
    expect(release?.held).toBe(1000);
    expect(release?.released).toBeCloseTo(600, 6);
    expect(release?.refinedOnly).toBe(false);
    expect(computeComparedRelease(stock(median), [], overview('manufacturing'))).toBeUndefined();
    expect(computeComparedRelease(stock(months.map(() => 0)), [{ start: 2026, end: 2027 }], overview('processing'))).toBeUndefined();
  });

  it('gives the G10 reason only for a refined stockpile that released under a fifth of its stock', () => {
    const flat = computeComparedRelease(stock(months.map((y) => (y < 2026.3 ? 1315 : 1290))), [{ start: 2026, end: 2027.5 }], overview('processing'));
    expect(flat?.refinedOnly).toBe(true);
    const text = describeComparedRelease(flat === undefined ? [] : [flat], () => 'NdPr oxide');
    expect(text).toContain('NdPr oxide 25 t of 1,320 t held (2%)');
    expect(text).toContain('gap G10');
    expect(describeComparedRelease([{ material: 'ndpr', held: 1315, released: 600, refinedOnly: true }], () => 'NdPr oxide')).not.toContain('G10');
  });
});
