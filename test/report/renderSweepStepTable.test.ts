import { describe, expect, it } from 'vitest';
import { stockpileShapePoints } from './sweepReportFixtures.ts';
import type { ShapePoint } from '../../src/report/describeSweepShape.ts';
import { renderSweepStepTable } from '../../src/report/renderSweepStepTable.ts';

const metric = 'cumulativeConsumption.ndpr.endUse.US';
const text = (html: string): string => html.replace(/<[^>]+>/g, ' | ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const points = (diffs: readonly [number, number, number][]): ShapePoint[] => stockpileShapePoints(metric, diffs);

describe('renderSweepStepTable', () => {
  it('gives the first step the paired CI and a later one the conservative bound, each said clear of 0 or not', () => {
    // 30 → 60: +80 ± (20 + 20) = +40 to +120 (clear); 60 → 90: +20 ± (20 + 25) = −25 to +65 (not).
    const table = text(renderSweepStepTable(points([[100, 80, 120], [180, 160, 200], [200, 175, 225]]), '0', true, 't'));
    expect(table).toMatch(/0 days \| \| 30 days \| \| \+100 t \(\+80 to \+120 t\) \| \| paired run by run \| \| yes/);
    expect(table).toMatch(/30 days \| \| 60 days \| \| \+80\.0 t \(\+40\.0 to \+120\.0 t\) \| \| conservative bound \| \| yes/);
    expect(table).toMatch(/60 days \| \| 90 days \| \| \+20 t \(−25 to \+65 t\) \| \| conservative bound \| \| no/);
  });

  it('says a later step is not known when not every run defines the metric, and is empty for two points', () => {
    const table = text(renderSweepStepTable(points([[100, 80, 120], [180, 160, 200]]), '0', false, 't'));
    expect(table).toMatch(/30 days \| \| 60 days \| \| n\/a \| \| not known from these outputs/);
    expect(renderSweepStepTable(points([[100, 80, 120]]), '0', true, 't')).toBe('');
  });
});
