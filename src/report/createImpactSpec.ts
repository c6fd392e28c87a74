import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';
import { formatNumber } from './formatNumber.ts';
import type { MeasuredImpact } from './readStressJson.ts';

const STAGE_NAMES: Record<string, string> = { endUse: 'end use' };

/**
 * Measured impact per stage from `stress.json`: a bar per measured stage with its value written
 * at the end and, where given, the 95% CI as a line.
 *
 * @param stages - Stages in display order.
 * @param impacts - Measured impact per stage.
 * @param unit - Axis title.
 * @param title - Chart title and subtitle (default: the stress test's).
 * @returns A vega-lite spec with inline data.
 * @example
 * createImpactSpec(['mining', 'processing'], impacts, 'weeks short');
 */
export function createImpactSpec(
  stages: readonly string[],
  impacts: ReadonlyMap<string, MeasuredImpact>,
  unit: string,
  title = { text: 'Measured impact per stage (stress test)', subtitle: 'bar: mean impact · line: 95% CI where given' },
): TopLevelSpec {
  const values = stages.filter((s) => impacts.has(s)).map((stage) => {
    const impact = impacts.get(stage) as MeasuredImpact;
    return { stage: STAGE_NAMES[stage] ?? stage, value: impact.value, ciLow: Number.isFinite(impact.ciLow) ? impact.ciLow : null, ciHigh: Number.isFinite(impact.ciHigh) ? impact.ciHigh : null, label: formatNumber(impact.value) };
  });
  const y = { field: 'stage', type: 'nominal', sort: stages.map((s) => STAGE_NAMES[s] ?? s), title: null };
  const x = { type: 'quantitative', title: unit || 'measured impact' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 260, height: { step: 26 },
    data: { values },
    layer: [
      { mark: { type: 'bar', color: INK, opacity: 0.55, height: 14 }, encoding: { y, x: { ...x, field: 'value' } } },
      { transform: [{ filter: 'datum.ciLow !== null && datum.ciHigh !== null' }], mark: { type: 'rule', color: '#111', strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: 'ciLow' }, x2: { field: 'ciHigh' } } },
      { mark: { type: 'text', align: 'left', dx: 4, dy: -9, fontSize: 9.5, color: '#222' }, encoding: { y, x: { ...x, field: 'value' }, text: { field: 'label' } } },
    ],
  } as unknown as TopLevelSpec;
}
