import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { ImpactFile, ImpactStatistic } from './measureDisruptionImpact.ts';
import type { DisruptionWindow } from './windowPeaks.ts';

/** Header of `impact.csv`. */
export const IMPACT_CSV_HEADER =
  'scope,stage,control,material,measure,unit,n,meanWith,meanWithout,meanDifference,ciLow,ciHigh,priceStage,windowFromYear,windowToYear,removedEvents';

/** Header of `impact-monthly.csv`. */
export const IMPACT_MONTHLY_CSV_HEADER =
  'material,period,weeks,unit,meanWith,meanWithout,meanDifference,ciLow,ciHigh,differenceToEnd,differenceToEndCiLow,differenceToEndCiHigh';

/** One row's key: what was removed, what was measured, where. */
interface RowKey {
  scope: 'stage' | 'disruptions' | 'exportControl';
  stage: string;
  control: string;
  material: string;
  measure: string;
  priceStage: string;
  window?: DisruptionWindow;
  removed: readonly string[];
}

function formatRow(key: RowKey, statistic: ImpactStatistic): string {
  return [
    key.scope, key.stage, formatCsvField(key.control), formatCsvField(key.material), key.measure, formatCsvField(statistic.unit),
    ...[statistic.n, statistic.meanWith, statistic.meanWithout, statistic.mean, statistic.ciLow, statistic.ciHigh].map(formatCsvNumber),
    key.priceStage, formatCsvNumber(key.window?.fromYear ?? NaN), formatCsvNumber(key.window?.toYear ?? NaN), formatCsvField(key.removed.join(' ')),
  ].join(',');
}

/** The stages a peak's materials are priced at, one when they agree (a traded stage's own product). */
function joinPriceStages(priceStages: Record<string, string>): string {
  return [...new Set(Object.values(priceStages))].join(' ');
}

/**
 * Formats `impact.csv`: impact.json's paired estimates as tidy rows (with − without, the mean
 * difference and its 95% t interval), for pandas, R or DuckDB. `scope` says what was removed:
 * `stage` (the disruptive events striking `stage`; measures `homeShortfall` and `homeConsumption` per
 * material, t; `peakPriceMultiple` and `disruptionPeakPrice`, the largest over the materials the events
 * name, at `priceStage`; `policyCost`, USD), `disruptions` (every disruptive event at once, per
 * material: `weeksShort`, `homeShortfall`, `homeConsumption`, `peakPriceMultiple`,
 * `disruptionPeakPrice`, `endUserCost`) or `exportControl` (the export control `control`: `exports`, t
 * over its own weeks, with the disruptive events at its stage removed). `windowFromYear`/`windowToYear`
 * give the disruption window of `disruptionPeakPrice` rows and the control's own weeks of `exports`
 * rows; `removedEvents` the event ids the counterfactual removed, space-separated. The stage records'
 * shortfall summed over materials, the cost's parts, quota details and drawn windows stay in impact.json.
 * NaN is the empty field.
 *
 * @param impact - impact.json's contents (`measureDisruptionImpact`).
 * @returns The file's text, LF line ends.
 * @example
 * formatImpactCsv(impact).split('\n')[0] === IMPACT_CSV_HEADER; // true
 */
export function formatImpactCsv(impact: ImpactFile): string {
  const lines = [IMPACT_CSV_HEADER];
  for (const record of impact.stages) {
    if (record.events.length === 0) continue;
    const base = { scope: 'stage' as const, stage: record.stage, control: '', priceStage: '', removed: record.events };
    for (const s of record.homeShortfallByMaterial ?? []) lines.push(formatRow({ ...base, material: s.material, measure: 'homeShortfall' }, s));
    for (const s of record.homeConsumption ?? []) lines.push(formatRow({ ...base, material: s.material, measure: 'homeConsumption' }, s));
    if (record.peakPriceMultiple !== undefined) {
      lines.push(formatRow({ ...base, material: '', measure: 'peakPriceMultiple', priceStage: joinPriceStages(record.peakPriceMultiple.priceStages) }, record.peakPriceMultiple));
    }
    const windowPeak = record.disruptionPeakPrice;
    if (windowPeak !== undefined) {
      lines.push(formatRow({ ...base, material: '', measure: 'disruptionPeakPrice', priceStage: joinPriceStages(windowPeak.priceStages), window: windowPeak.window }, windowPeak));
    }
    if (record.policyCost !== undefined) lines.push(formatRow({ ...base, material: '', measure: 'policyCost' }, record.policyCost));
  }
  const disruptions = impact.disruptions;
  for (const m of disruptions?.materials ?? []) {
    const base = { scope: 'disruptions' as const, stage: '', control: '', material: m.material, priceStage: '', removed: disruptions?.events ?? [] };
    lines.push(
      formatRow({ ...base, measure: 'weeksShort' }, m.weeksShort),
      formatRow({ ...base, measure: 'homeShortfall' }, m.homeShortfall),
      formatRow({ ...base, measure: 'homeConsumption' }, m.homeConsumption),
      formatRow({ ...base, measure: 'peakPriceMultiple', priceStage: m.priceStage }, m.peakPriceMultiple),
      formatRow({ ...base, measure: 'disruptionPeakPrice', priceStage: m.priceStage, window: m.disruptionPeakPrice.window }, m.disruptionPeakPrice),
      formatRow({ ...base, measure: 'endUserCost' }, m.endUserCost),
    );
  }
  for (const c of impact.exportControls ?? []) {
    lines.push(formatRow({ scope: 'exportControl', stage: c.stage, control: c.event, material: c.material, measure: 'exports', priceStage: '', window: c.window, removed: c.without }, c.exports));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Formats `impact-monthly.csv`: what home end users receive each calendar month with every disruptive
 * event and without them (impact.json's `disruptions.materials[].monthlyConsumption`), one tidy row
 * per material and month: the month's mean in t/week (`unit`), the paired difference with its 95% t
 * interval, and `differenceToEnd` (t, with − without summed run by run from the month to the run's
 * end) with its interval. `weeks` × the t/week figures, summed over months, give the run's totals.
 * A header alone when the scenario has no disruptive event. NaN is the empty field.
 *
 * @param impact - impact.json's contents (`measureDisruptionImpact`).
 * @returns The file's text, LF line ends.
 * @example
 * formatImpactMonthlyCsv(impact).split('\n')[0] === IMPACT_MONTHLY_CSV_HEADER; // true
 */
export function formatImpactMonthlyCsv(impact: ImpactFile): string {
  const lines = [IMPACT_MONTHLY_CSV_HEADER];
  for (const m of impact.disruptions?.materials ?? []) {
    const monthly = m.monthlyConsumption;
    monthly.period.forEach((period, i) => {
      const numbers = [monthly.meanWith[i], monthly.meanWithout[i], monthly.mean[i], monthly.ciLow[i], monthly.ciHigh[i],
        monthly.differenceToEnd[i], monthly.differenceToEndCiLow[i], monthly.differenceToEndCiHigh[i]].map(formatCsvNumber);
      lines.push([formatCsvField(m.material), period, String(monthly.weeks[i]), formatCsvField(monthly.unit), ...numbers].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}
