import { formatMetricId } from '../outputs/formatMetricId.ts';
import { chooseMassUnit, PER_TONNE } from '../report/chooseMassUnit.ts';
import type { MetricComparison } from './computeComparison.ts';
import { isMaterialGain, MATERIAL_GAIN_SHARE } from '../report/isMaterialGain.ts';
import type { CostPerTonne, MaterialCostEffectiveness } from './computeCostEffectiveness.ts';
import type { MetricReversalSplit } from './computeReversalSplit.ts';
import type { ComparisonReport } from './formatComparisonJson.ts';
import { formatReadableNumber } from './formatReadableNumber.ts';
import { formatTextTable } from './formatTextTable.ts';
import { nounOf } from '../text/countOf.ts';

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

/** Whether the metric's confidence interval excludes zero (a per-metric interval: not adjusted for the many metrics compared). */
function isClear(m: MetricComparison): boolean {
  return m.ciLow > 0 || m.ciHigh < 0;
}

/** Shares of runs in which B is better and worse ("55% / 5%"; the rest are ties), or "–" for a metric with no direction. */
function formatBetterWorse(m: MetricComparison): string {
  if (!Number.isFinite(m.pBetter) || !Number.isFinite(m.pWorse)) return '–';
  const percent = (share: number): string => `${formatReadableNumber(share * 100)}%`;
  return `${percent(m.pBetter)} / ${percent(m.pWorse)}`;
}

/** Home end-use metrics with a direction (what the home government cares about most) rank first. */
function isHomeEndUse(m: MetricComparison, home: string | undefined): boolean {
  return m.key.stage === 'endUse' && m.key.region === home && m.direction !== 'none';
}

/**
 * The readable summary of a comparison printed on stdout: per alternative, the `top` metrics,
 * ranked: the home region's end-use metrics with a direction first (shortfalls and their
 * durations: the home region is that of `policyCost`), within each group the materials the
 * alternative's own events name first (comparison.json's `strategyMaterials`), then those whose confidence interval
 * excludes zero, each group by the difference relative to the metric's size (|mean difference| /
 * max(|mean A|, |mean B|), so tonnes, shares and dollars rank on one scale). Columns: metric id,
 * unit (a tonnage row in t, kg or g, one unit for the whole row), the pairs compared (`n`: fewer than the
 * replicates where a metric is undefined in some), mean of the first scenario, mean of the alternative, mean paired
 * difference with its interval, and the shares of runs in which B is better and worse (ties in neither).
 * Each block opens with B and A on lines of their own, named by their scenarios' titles with the
 * file label (comparison.csv's key) in brackets, then counts the metrics that differ in at least one
 * run and those whose interval excludes zero; under the table, the home government's policy cost
 * B − A (always: also when nothing is gained), the cost per kg and any election split; the output ends saying that these intervals are per
 * metric: with hundreds compared, some exclude zero by chance.
 *
 * @param report - The comparison.
 * @param top - Rows per alternative; default 10 (Infinity: every metric that differs).
 * @param names - Display name by label (`chooseDisplayNames` of the arms' titles); a label without one is printed alone.
 * @param threatOnly - Labels of alternatives that add only disruptions (`addsOnlyDisruptions`): their unchanged
 *   policy cost gets no note on unpriced policies, which they have none of.
 * @returns Text ending in LF.
 * @example
 * process.stdout.write(formatComparisonTable(report));
 */
export function formatComparisonTable(report: ComparisonReport, top = 10, names: ReadonlyMap<string, string> = new Map(), threatOnly: ReadonlySet<string> = new Set()): string {
  const first = report.arms[0].label;
  const named = (label: string): string => describeArm(label, names);
  const level = `${Math.round(report.level * 100)}% CI`;
  const blocks = report.alternatives.map((alternative) => {
    const home = alternative.metrics.find((m) => m.key.metric === 'policyCost')?.key.region;
    // The materials the alternative's own events name: their rows before other materials' (a cyberattack on every material, a friend-shoring spill-over).
    const targeted = new Set(report.costEffectiveness?.find((c) => c.label === alternative.label)?.strategyMaterials ?? []);
    const onTarget = (m: MetricComparison): boolean => targeted.has(m.key.material);
    const ranked = alternative.metrics.filter(isShown).sort((a, b) => {
      const homeFirst = Number(isHomeEndUse(b, home)) - Number(isHomeEndUse(a, home));
      if (homeFirst !== 0) return homeFirst;
      const targetFirst = Number(onTarget(b)) - Number(onTarget(a));
      if (targetFirst !== 0) return targetFirst;
      const clear = Number(isClear(b)) - Number(isClear(a));
      return clear !== 0 ? clear : relativeDifference(b) - relativeDifference(a);
    });
    const rows = ranked.slice(0, top).map((m) => {
      const [unit, scale] = rowUnit(m);
      const [meanA, meanB, difference, low, high] = [m.meanA, m.meanB, m.meanDifference, m.ciLow, m.ciHigh].map((x) => formatReadableNumber(x * scale));
      return [formatMetricId(m.key), unit, String(m.n), meanA, meanB, difference, `[${low}, ${high}]`, formatBetterWorse(m)];
    });
    const clearCount = ranked.filter(isClear).length;
    const counts = wrapClauses([`${report.replicates} paired replicates, seed ${report.masterSeed}`,
      `${ranked.length} of ${alternative.metrics.length} metrics differ in at least one run, ${clearCount} with a ${level} that excludes 0`,
      ...(rows.length < ranked.length ? [`top ${rows.length}`] : [])]);
    const title = `B = ${named(alternative.label)}\nA = ${named(first)}\n${counts}`;
    const costs = describePolicyCost(alternative.metrics, threatOnly.has(alternative.label)) + describeCosts(report, alternative.label) + describeReversal(report, alternative.label, ranked.slice(0, top));
    if (rows.length === 0) return `${title}\n${costs}`;
    return `${title}\n${formatTextTable(['metric', 'unit', 'n', 'mean A', 'mean B', 'B − A', level, 'runs B better / worse'], rows, 2)}${costs}`;
  });
  const caveat = `Intervals are per metric, not adjusted for comparing many: about 1 in 20 metrics that B leaves unchanged in the mean would still exclude 0 at 95% by chance.\n`;
  return `${blocks.join('\n')}${caveat}`;
}

/**
 * `Home government's policy cost, B − A (USD): 91.9M [90M, 93.8M]`: printed for every alternative,
 * whether or not it buys a clear gain (a strategy that costs money and buys nothing is an answer too);
 * when the cost is the same in every run, says so and, unless the alternative adds only disruptions,
 * that a policy without `costUsdPerYear` is unpriced, not free. '' without a policyCost metric.
 */
function describePolicyCost(metrics: readonly MetricComparison[], addsOnlyDisruptions: boolean): string {
  const cost = metrics.find((m) => m.key.metric === 'policyCost');
  if (cost === undefined) return '';
  if (cost.meanDifference === 0 && cost.ciLow === 0 && cost.ciHigh === 0) {
    return addsOnlyDisruptions
      ? "Home government's policy cost: unchanged in every run (the alternative adds only disruptions)\n"
      : "Home government's policy cost: unchanged in every run (a tariff, friend-shoring, permitting reform or mandate the alternative adds without costUsdPerYear is unpriced, not free)\n";
  }
  const [difference, low, high] = [cost.meanDifference, cost.ciLow, cost.ciHigh].map((x) => formatReadableNumber(x));
  return `Home government's policy cost, B − A (USD): ${difference} [${low}, ${high}]\n`;
}

/** Widest header line before the clauses wrap, for a terminal of 100 columns. */
const HEADER_WIDTH = 100;

/** A strategy as the header names it: `60-day US oxide stockpile [mitigation-stockpile-60d]`, or its label alone without a title. */
function describeArm(label: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(label);
  return name === undefined || name === label ? label : `${name} [${label}]`;
}

/** Clauses joined by `; `, a new line started before one that would pass `HEADER_WIDTH`. */
function wrapClauses(clauses: readonly string[]): string {
  const lines: string[] = [];
  for (const clause of clauses) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 2 + clause.length <= HEADER_WIDTH) lines[last] += `; ${clause}`;
    else lines.push(clause);
  }
  return lines.map((line, i) => (i < lines.length - 1 ? `${line};` : line)).join('\n');
}

/**
 * One line on an alternative with reversible policies (comparison.json's `reversalSplit`): in how
 * many runs an election reversed at least one of them and, for the highest-ranked shown metric the
 * split has, B − A over the kept and the reversed runs and the gap (kept − reversed, Welch), in the
 * row's unit; '' for an alternative without reversible policies. The split is descriptive (the two
 * groups of runs differ in more than the reversal), which the line says.
 */
function describeReversal(report: ComparisonReport, label: string, shown: readonly MetricComparison[]): string {
  const split = report.reversalSplit?.find((s) => s.label === label);
  if (split === undefined) return '';
  const ids = split.policies.join(', ');
  const head = `Election reversal (${ids}): `;
  if (split.runsReversed === 0 || split.runsReversed === split.runs) {
    return `${head}${split.runsReversed === 0 ? 'no election reversed them in' : 'an election reversed at least one in every one of'} ${split.runs === 1 ? 'the one run' : `the ${split.runs} runs`}, so there is no split\n`;
  }
  const counted = `an election reversed ${split.policies.length === 1 ? 'it' : 'at least one'} in ${split.runsReversed} of ${split.runs} ${nounOf(split.runs, 'run')}`;
  const row = shown.find((m) => split.metrics.some((s) => formatMetricId(s.key) === formatMetricId(m.key)));
  if (row === undefined) return `${head}${counted}\n`;
  const entry = split.metrics.find((s) => formatMetricId(s.key) === formatMetricId(row.key)) as MetricReversalSplit;
  const [unit, scale] = rowUnit(row);
  const interval = (mean: number, low: number, high: number): string => {
    const [m, l, h] = [mean, low, high].map((x) => formatReadableNumber(x * scale));
    return `${m} [${l}, ${h}]`;
  };
  const group = (n: number, kind: string): string => `the ${n} ${kind} ${n === 1 ? 'run' : 'runs'}`;
  return `${head}${counted}; ${formatMetricId(row.key)} B − A (${unit}) in ${group(entry.kept.n, 'kept')} ${interval(entry.kept.mean, entry.kept.ciLow, entry.kept.ciHigh)}, ` +
    `in ${group(entry.reversed.n, 'reversed')} ${interval(entry.reversed.mean, entry.reversed.ciLow, entry.reversed.ciHigh)}, ` +
    `gap ${interval(entry.difference.mean, entry.difference.ciLow, entry.difference.ciHigh)} (descriptive, not causal: the runs differ in more than the reversal)\n`;
}

/**
 * One line on what the alternative costs per kg its home end users gain (consumption), gross and
 * net of the stock it holds (per kg, as the report and README quote it; comparison.json keeps USD/t),
 * where that is priced (status `costPerTonne`; see comparison.json's `costEffectiveness` for every
 * figure and status): for the materials its own events name, or, when they name none (friend-shoring,
 * workforce), for the materials whose gain is material (`isMaterialGain`: CI above 0 and at least 0.1%
 * of the reference's consumption), so a rounding-level spill-over is not priced at millions of USD per
 * kg; then a note says what was left out. A material whose spending is the same in every run reads
 * "no spending (unpriced?)", not "no extra cost": a policy without costUsdPerYear is unpriced, not
 * free. '' when nothing is priced or left out.
 */
function describeCosts(report: ComparisonReport, label: string): string {
  const entry = report.costEffectiveness?.find((c) => c.label === label);
  if (entry === undefined) return '';
  const isPriced = (m: MaterialCostEffectiveness): boolean => m.usdPerTonneConsumptionGained.status === 'costPerTonne' || m.netUsdPerTonneConsumptionGained.status !== 'noClearGain';
  const named = entry.strategyMaterials;
  // The materials the alternative's own events name: a spill-over gain elsewhere is not what it pays for.
  const candidates = entry.materials.filter((m) => isPriced(m) && (named.length === 0 || named.includes(m.material)));
  const priced = candidates.filter((m) => named.length > 0 || isMaterialGain({ mean: m.consumptionGainedTonnes.meanDifference, ciLow: m.consumptionGainedTonnes.ciLow }, m.consumptionGainedTonnes.meanA));
  const spills = candidates.filter((m) => !priced.includes(m));
  const perKg = (usdPerTonne: number): string => formatReadableNumber(usdPerTonne / 1000);
  // noExtraCost (spending unchanged in every run) reads as an unpriced policy (no costUsdPerYear), not a free one.
  const ratio = (r: CostPerTonne): string => (r.status === 'costPerTonne'
    ? `${perKg(r.ratio)} [${perKg(r.low)}, ${perKg(r.high)}]`
    : r.status === 'savesMoney' ? 'costs less' : r.status === 'noExtraCost' ? 'no spending (unpriced?)' : 'n/a');
  const head = "USD per kg of home end users' consumption gained";
  const line = priced.length === 0 ? '' : `${head}, gross | net of stock held and sales (${Math.round(report.level * 100)}% CI): ` +
    `${priced.map((m) => `${m.material} ${ratio(m.usdPerTonneConsumptionGained)} | ${ratio(m.netUsdPerTonneConsumptionGained)}`).join('; ')}\n`;
  const share = `${formatReadableNumber(MATERIAL_GAIN_SHARE * 100)}%`;
  const gain = (m: MaterialCostEffectiveness): string => {
    const { meanDifference, meanA } = m.consumptionGainedTonnes;
    const unit = chooseMassUnit([meanDifference]);
    return `${m.material} +${formatReadableNumber(meanDifference * PER_TONNE[unit])} ${unit}, ${formatReadableNumber((100 * meanDifference) / Math.abs(meanA))}% of its consumption`;
  };
  const note = spills.length === 0 ? '' : `${priced.length === 0 ? `${head}: not priced` : 'Not priced'}: its own events name no material, and ` +
    `the gain${spills.length === 1 ? '' : 's'} (${spills.map(gain).join('; ')}) ${spills.length === 1 ? 'is' : 'are'} below ${share} of consumption: a spill-over, not what it pays for\n`;
  return line + note;
}
