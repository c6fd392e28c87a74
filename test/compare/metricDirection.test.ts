import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim-core/index.ts';
import { metricDirection, METRIC_DIRECTIONS } from '../../src/compare/metricDirection.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { shipped, SMALL } from './smallScenario.ts';

describe('metricDirection', () => {
  it('says lower is better for shortfall, price and cost, higher for secure supply', () => {
    expect(metricDirection('cumulativeShortfall')).toBe('lower');
    expect(metricDirection('peakPriceMultiple')).toBe('lower');
    expect(metricDirection('policyCost')).toBe('lower');
    expect(metricDirection('finalSecureSupplyShare')).toBe('higher');
    expect(metricDirection('meanSecureSupplyShare')).toBe('higher');
    expect(metricDirection('timeToPeakWeeks')).toBe('none');
    expect(metricDirection('somethingNew')).toBe('none');
    expect(metricDirection('toString')).toBe('none');
  });

  it('covers every summary metric the engine produces', () => {
    const { layout } = compileScenario(loadScenario(shipped('baseline'), { set: SMALL }).spec);
    const metrics = new Set(layout.summaries.map((key) => key.metric));
    expect([...metrics].filter((metric) => !Object.hasOwn(METRIC_DIRECTIONS, metric))).toEqual([]);
  });
});
