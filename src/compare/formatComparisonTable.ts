import { formatMetricId } from '../outputs/formatMetricId.ts';
import { chooseMassUnit, PER_TONNE } from '../report/chooseMassUnit.ts';
import type { MetricComparison } from './computeComparison.ts';
import type { CostPerTonne } from './computeCostEffectiveness.ts';
import type { ComparisonReport } from './formatComparisonJson.ts';
import { formatReadableNumber } from './formatReadableNumber.ts';
import { formatTextTable } from './formatTextTable.ts';

/** Size of a difference relative to the larger of the two means (0 to 2; unit-free, so metrics rank together). */
function relativeDifference(m: MetricComparison): number {
  const scale = Math.max(Math.abs(m.meanA), Math.abs(m.meanB));
  return scale === 0 ? 0 : Math.abs(m.meanDifference) / scale;
}

/**
 * The unit a row is printed in and the factor from the metric's unit to it: tonnages in one mass
 * unit chosen from the row's figures (kg or g when all are below 1 t, so `43.5 | -0.949` kg, not
 * `0.0435 | -0.000949` t); other metrics in their own unit.
 */
function rowUnit(m: MetricComparison): [string, number] {
  if (m.key.unit !== 't') return [m.key.unit, 1];
  const unit = chooseMassUnit([m.meanA, m.meanB, m.meanDifference, m.ciLow, m.ciHigh]);
  return [unit, PER_TONNE[unit]];
}

/** Metrics worth showing: defined, and different in at least one replicate. */
function isShown(m: MetricComparison): boolean {
  return m.n >= 2 && Number.isFinite(m.meanDifference) && !(m.meanDifference === 0 && m.ciLow === 0 && m.ciHigh === 0);
}

/** Home end-use metrics with a direction (what the home government cares about most) rank first. */
function isHomeEndUse(m: MetricComparison, home: string | undefined): boolean {
  return m.key.stage === 'endUse' && m.key.region === home && m.direction !== 'none';
}

/**
 * The readable summary of a comparison printed on stdout: per alternative, the `top` metrics,
 * ranked: the home region's end-use metrics with a direction first (shortfalls and their
 * durations: the home region is that of `policyCost`), then those whose confidence interval
 * excludes zero, each group by the difference relative to the metric's size (|mean difference| /
 * max(|mean A|, |mean B|), so tonnes, shares and dollars rank on one scale). Columns: metric id,
 * unit (a tonnage row in t, kg or g, one unit for the whole row), mean of the first scenario, mean of the alternative, mean paired difference with its
 * interval, and P(better).
 *
 * @param report - The comparison.
 * @param top - Rows per alternative; default 10 (Infinity: every metric that differs).
 * @returns Text ending in LF.
 * @example
 * process.stdout.write(formatComparisonTable(report));
 */
export function formatComparisonTable(report: ComparisonReport, top = 10): string {
  const first = report.arms[0].label;
  const level = `${Math.round(report.level * 100)}% CI`;
  const blocks = report.alternatives.map((alternative) => {
    const home = alternative.metrics.find((m) => m.key.metric === 'policyCost')?.key.region;
    const ranked = alternative.metrics.filter(isShown).sort((a, b) => {
      const homeFirst = Number(isHomeEndUse(b, home)) - Number(isHomeEndUse(a, home));
      if (homeFirst !== 0) return homeFirst;
      const clear = Number(b.ciLow > 0 || b.ciHigh < 0) - Number(a.ciLow > 0 || a.ciHigh < 0);
      return clear !== 0 ? clear : relativeDifference(b) - relativeDifference(a);
    });
    const rows = ranked.slice(0, top).map((m) => {
      const [unit, scale] = rowUnit(m);
      const [meanA, meanB, difference, low, high] = [m.meanA, m.meanB, m.meanDifference, m.ciLow, m.ciHigh].map((x) => formatReadableNumber(x * scale));
      return [formatMetricId(m.key), unit, meanA, meanB, difference, `[${low}, ${high}]`, formatReadableNumber(m.pBetter)];
    });
    const title = `B = ${alternative.label} vs A = ${first}: ${report.replicates} paired replicates, seed ${report.masterSeed}; ` +
      `${ranked.length} of ${alternative.metrics.length} metrics differ${rows.length < ranked.length ? `, top ${rows.length}` : ''}`;
    const costs = describeCosts(report, alternative.label);
    if (rows.length === 0) return `${title}\n${costs}`;
    return `${title}\n${formatTextTable(['metric', 'unit', 'mean A', 'mean B', 'B − A', level, 'P(B better)'], rows, 2)}${costs}`;
  });
  return blocks.join('\n');
}

/**
 * One line on what the alternative costs per kg its home end users gain (consumption), gross and
 * net of the stock it holds (per kg, as the report and README quote it; comparison.json keeps USD/t), for the materials its own events name where that is priced (status `costPerTonne`; see
 * comparison.json's `costEffectiveness` for every figure and status); '' when none is.
 */
function describeCosts(report: ComparisonReport, label: string): string {
  const entry = report.costEffectiveness?.find((c) => c.label === label);
  // The materials the alternative's own events name: a spill-over gain elsewhere is not what it pays for.
  const materials = (entry?.materials ?? []).filter((m) => entry === undefined || entry.strategyMaterials.length === 0 || entry.strategyMaterials.includes(m.material));
  const perKg = (usdPerTonne: number): string => formatReadableNumber(usdPerTonne / 1000);
  const ratio = (r: CostPerTonne): string => (r.status === 'costPerTonne'
    ? `${perKg(r.ratio)} [${perKg(r.low)}, ${perKg(r.high)}]`
    : r.status === 'savesMoney' ? 'no extra cost' : 'n/a');
  const priced = materials.filter((m) => m.usdPerTonneConsumptionGained.status === 'costPerTonne' || m.netUsdPerTonneConsumptionGained.status !== 'noClearGain');
  if (priced.length === 0) return '';
  return `USD per kg of home end users' consumption gained, gross | net of stock held (${Math.round(report.level * 100)}% CI): ` +
    `${priced.map((m) => `${m.material} ${ratio(m.usdPerTonneConsumptionGained)} | ${ratio(m.netUsdPerTonneConsumptionGained)}`).join('; ')}\n`;
}
