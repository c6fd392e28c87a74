import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';
import { formatNumber } from './formatNumber.ts';
import type { MeasuredImpact } from './readStressJson.ts';

const STAGE_NAMES: Record<string, string> = { endUse: 'end use' };

/**
 * Measured impact per stage: a bar per measured stage with, where given, the 95% CI as a line,
 * and its value written in the stage's own row just right of the bar, its CI and 0 (never between
 * rows, where it would read as the next stage's).
 *
 * @param stages - Stages in display order.
 * @param impacts - Measured impact per stage.
 * @param unit - Axis title.
 * @param title - Chart title and subtitle (default: the stress test's).
 * @param options - `formatLabel`: the bar labels' text (default three significant figures);
 *   `fadeUncertain`: bars whose 95% CI includes 0 faded with a dashed outline, as the tornado draws them
 *   (the subtitle should say so).
 * @returns A vega-lite spec with inline data.
 * @example
 * createImpactSpec(['mining', 'processing'], impacts, 'weeks short');
 */
export function createImpactSpec(
  stages: readonly string[],
  impacts: ReadonlyMap<string, MeasuredImpact>,
  unit: string,
  title = { text: 'Measured impact per stage (stress test)', subtitle: 'bar: mean impact · line: 95% CI where given' },
  options: { formatLabel?: (value: number) => string; fadeUncertain?: boolean } = {},
): TopLevelSpec {
  const formatLabel = options.formatLabel ?? ((value: number) => formatNumber(value).replace('-', '−'));
  const values = stages.filter((s) => impacts.has(s)).map((stage) => {
    const impact = impacts.get(stage) as MeasuredImpact;
    const ci = Number.isFinite(impact.ciLow) && Number.isFinite(impact.ciHigh);
    return {
      stage: STAGE_NAMES[stage] ?? stage, value: impact.value, ciLow: ci ? impact.ciLow : null, ciHigh: ci ? impact.ciHigh : null,
      uncertain: options.fadeUncertain === true && ci && impact.ciLow <= 0 && impact.ciHigh >= 0,
      label: formatLabel(impact.value), labelAt: Math.max(0, impact.value, ci ? impact.ciHigh : impact.value),
    };
  });
  const y = { field: 'stage', type: 'nominal', sort: stages.map((s) => STAGE_NAMES[s] ?? s), title: null };
  // About four ticks with room between labels: '−0.2' and '0.0' ran into each other at the default count.
  const x = { type: 'quantitative', title: unit || 'measured impact', axis: { tickCount: 4, labelSeparation: 4 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 260, height: { step: 26 },
    data: { values },
    layer: [
      { mark: { type: 'bar', color: INK, height: 14, stroke: INK, strokeWidth: 1 }, encoding: { y, x: { ...x, field: 'value' },
        // A bar whose 95% CI includes 0 (with `fadeUncertain`): faded, with a dashed outline, as the tornado's.
        fillOpacity: { condition: { test: 'datum.uncertain', value: 0.2 }, value: 0.55 },
        strokeDash: { condition: { test: 'datum.uncertain', value: [3, 2] }, value: [] },
        strokeOpacity: { condition: { test: 'datum.uncertain', value: 1 }, value: 0 } } },
      { transform: [{ filter: 'datum.ciLow !== null && datum.ciHigh !== null' }], mark: { type: 'rule', color: '#111', strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: 'ciLow' }, x2: { field: 'ciHigh' } } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, fontSize: 9.5, color: '#222' }, encoding: { y, x: { ...x, field: 'labelAt' }, text: { field: 'label' } } },
    ],
  } as unknown as TopLevelSpec;
}
