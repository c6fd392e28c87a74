import { chooseMassUnit, type MassUnit } from './chooseMassUnit.ts';
import { formatSignedTonnesAlongside, formatTonnesEstimate } from './formatAmountEstimate.ts';
import { formatMoneyEstimateThreeFigures } from './formatMoneyEstimateThreeFigures.ts';
import { formatEstimateInUnit } from './formatEstimateInUnit.ts';
import { formatDifferenceWithCi, isRoundingNoise, NEGLIGIBLE_SHARE, isNegligible } from './comparisonFigures.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatMoney } from './formatMoney.ts';
import { formatMultiple } from './formatMultiple.ts';
import type { ComparisonEntry, Interval, MaterialCostEffectiveness } from './readComparisonJson.ts';
import { describePeakPriceWords } from './renderComparisonSection.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import { formatLevelsAlike } from './formatLevelsAlike.ts';
import { type GainSplit, monthStart } from './splitGainByWindow.ts';
import { formatMoneyThreeFigures } from './renderExportControlsCompared.ts';
import { describeConcentration } from './describeConcentration.ts';
import type { ConcentrationOf } from './readConcentrations.ts';

/**
 * The lines of the compare report's answer box (renderCompareAnswerBox): how short, what is clearly worse,
 * spending, the cost per kg and its leader, net of stock still held, later gains and quota rent.
 */

/**
 * The box's last line: which strategy buys a kg cheapest; else that none buys a clear gain, said only
 * when no policy's line names one (a clear gain with nothing spent on it is not priced, and "no
 * strategy buys a clear gain" beside "end users receive 99 t more" read as a contradiction), nor
 * clearly cuts home end users' shortage (user audit, session 32: the line said no strategy buys a
 * clear gain beside a stockpile that cut unmet demand from 1,050 to 242 t; `shortageCuts` from
 * {@link describeShortageCuts} then says where the gain shows); nothing when every alternative adds
 * a threat, not a policy.
 */
export function describeBestLine(best: readonly string[], policies: number, unpricedGains: number, shortageCuts: ReadonlyArray<{ text: string; metrics: readonly string[] }> = []): string {
  if (best.length > 0) return `<li>Per kg gained: ${escapeHtml(best.join('; '))}.</li>`;
  if (policies === 0) return '';
  if (unpricedGains > 0) return '<li>Per kg gained: none to give: the clear gains above came with no extra spending to divide by (nothing spent, or from an unpriced policy).</li>';
  if (shortageCuts.length > 0) {
    const metrics = new Set(shortageCuts.flatMap((c) => c.metrics));
    const how = metrics.size === 2 ? 'less unmet demand or fewer weeks short' : metrics.has('weeks short') ? 'fewer weeks short' : 'less unmet demand';
    return `<li>No strategy clearly raises what end users receive of the materials it targets (so none is priced per kg gained); the gain shows as ${how} rather than more received: ${escapeHtml(shortageCuts.map((c) => c.text).join('; '))}.</li>`;
  }
  return '<li>No strategy buys a clear gain in what end users receive of the materials it targets.</li>';
}

/**
 * Where a policy clearly cuts the home region's end users' shortage of a material it targets
 * (weeks short or unmet demand: the paired CI below 0, neither rounding nor negligible):
 * `“stockpile”: NdPr oxide unmet demand −809 t (95% CI −1,015 to −603 t)`, the figures the box's "How
 * short" line gives; undefined without one.
 */
export function describeShortageCuts(alternative: string, materials: readonly string[], entryOf: (metric: string) => ComparisonEntry | undefined, home: string, units: Map<string, MassUnit>, materialName: (id: string) => string): { text: string; metrics: string[] } | undefined {
  const metrics: string[] = [];
  const perMaterial = materials.flatMap((material) => {
    const cuts = [...SHORTAGE_METRICS].reverse().flatMap(([metric, words]) => {
      const e = entryOf(`${metric}.${material}.endUse.${home}`);
      if (e === undefined || !(e.ciHigh < 0) || isRoundingNoise(e) || isNegligible(e.meanDifference, e.ciLow, e.ciHigh, e.meanA)) return [];
      metrics.push(words);
      return [`${words} ${differenceInline(e, units.get(e.metric)).replace(/, 95% CI (.*)$/, ' (95% CI $1)')}`];
    });
    return cuts.length === 0 ? [] : [`${materialName(material)} ${cuts.join(', ')}`];
  });
  return perMaterial.length === 0 ? undefined : { text: `${quoted(alternative)}: ${perMaterial.join('; ')}`, metrics };
}

/**
 * `It costs the government nothing more in the model: permits has no price in the scenario (no
 * costUsdPerYear), unpriced rather than free`, or a cost `… , not counting the unpriced permits`; the
 * spending words unchanged without an unpriced policy.
 */
export function describeUnpriced(spends: string, unpriced: readonly string[], free: boolean): string {
  if (unpriced.length === 0) return spends;
  const ids = unpriced.join(', ');
  return free
    ? `${spends} in the model: ${ids} ${unpriced.length === 1 ? 'has' : 'have'} no price in the scenario (no costUsdPerYear), unpriced rather than free`
    : `${spends}, not counting the unpriced ${ids} (no costUsdPerYear in the scenario)`;
}

/**
 * Whether the cheapest per kg is clearly below the second: from the paired difference of their
 * costs per tonne (comparison.json's `usdPerTonneConsumptionGainedAgainst`, run by run), else, in a
 * file without it, from whether the two intervals are apart (conservative: overlapping intervals
 * can hide a clear paired difference).
 */
export function describeLead(first: { alternative: string; priced: MaterialCostEffectiveness; perKg: Interval }, second: { alternative: string; perKg: Interval }): string {
  const paired = first.priced.usdPerTonneConsumptionGainedAgainst.get(second.alternative);
  if (paired !== undefined && Number.isFinite(paired.ciLow) && Number.isFinite(paired.ciHigh)) {
    // Savings per kg (second − first); an interval reaching past 0 says "more" at that end.
    const [save, low, high] = [-paired.value, -paired.ciHigh, -paired.ciLow].map((v) => v / 1000);
    const shown = formatMoneyEstimateThreeFigures(save, low, high);
    const range = low < 0 ? `from ${shown.low.replace(/^−/, '')} more to ${shown.high} less` : `${shown.low} to ${shown.high}`;
    const by = `${shown.mean} per kg less (95% CI ${range}, paired run by run)`;
    return paired.ciHigh < 0 ? `, clearly below ${quoted(second.alternative)}: ${by}` : `, not clearly below ${quoted(second.alternative)}: ${by}`;
  }
  return first.perKg.ciHigh < second.perKg.ciLow ? '' : `, not clearly below ${quoted(second.alternative)} (their 95% CIs overlap)`;
}

/** Materials named by events, in their order, once each. */
export function materialsOf(events: ReadonlyArray<{ fields: Record<string, unknown> }>): string[] {
  return [...new Set(events.flatMap((e) => (typeof e.fields.material === 'string' ? [e.fields.material] : [])))];
}

/** What end users receive, more or less, with its CI: "the same" for no change or rounding, "about the same" under 0.1% of the level. */
export function describeReceived(e: ComparisonEntry, unit: MassUnit | undefined): string {
  if ((e.meanDifference === 0 && e.ciLow === 0 && e.ciHigh === 0) || isRoundingNoise(e)) return 'end users receive the same';
  const more = e.meanDifference >= 0;
  // The interval of the gain (or of the loss), low end first; in any unit, the three rounded alike.
  const [low, high] = more ? [e.ciLow, e.ciHigh] : [-e.ciHigh, -e.ciLow];
  const shown = formatEstimateInUnit(Math.abs(e.meanDifference), low, high, e.unit, unit);
  const change = `${shown.mean} ${more ? 'more' : 'less'} (95% CI ${shown.low} to ${shown.high})`;
  if (!(e.ciLow > 0 || e.ciHigh < 0)) return `no clear change in what end users receive (${formatDifferenceWithCi(e, unit)})`;
  if (isNegligible(e.meanDifference, e.ciLow, e.ciHigh, e.meanA)) return `end users receive about the same: ${change}, under ${NEGLIGIBLE_SHARE * 100}% of what they receive`;
  return `end users receive ${change}`;
}

/**
 * Where the net cost differs from the spending (a stockpile's stock still held counts as an asset at
 * base prices, its sales as revenue): the net figure per kg, or the net gain; '' otherwise.
 */
export function describeNet(priced: MaterialCostEffectiveness): string {
  const { extraCostUsd: gross, extraNetCostUsd: net, netUsdPerTonneConsumptionGained: netPerKg } = priced;
  if (!Number.isFinite(net.value) || Math.abs(net.value - gross.value) <= 0.01 * Math.abs(gross.value)) return '';
  if (net.value < 0) {
    // With its interval (user audit, session 20: "a net gain of USD 4.64 million" was stated although its CI crossed 0).
    if (!Number.isFinite(net.ciLow) || !Number.isFinite(net.ciHigh)) return `, and a net gain of ${formatMoney(-net.value)} once the stock still held and its sales are counted`;
    const shown = formatMoneyEstimateThreeFigures(-net.value, -net.ciHigh, -net.ciLow);
    const clear = net.ciHigh < 0;
    return clear
      ? `, and a net gain of ${shown.mean} (95% CI ${shown.low} to ${shown.high}) once the stock still held and its sales are counted`
      : `, and a net cost not clearly different from 0 once the stock still held and its sales are counted (${shown.mean} saved on average, 95% CI ${shown.low} to ${shown.high}; below 0 a cost)`;
  }
  if (!Number.isFinite(netPerKg.value)) return '';
  const shown = formatMoneyEstimateThreeFigures(netPerKg.value / 1000, netPerKg.ciLow / 1000, netPerKg.ciHigh / 1000);
  const ci = Number.isFinite(netPerKg.ciLow) && Number.isFinite(netPerKg.ciHigh) ? ` (95% CI ${shown.low} to ${shown.high})` : '';
  // Net as comparison.json's extraNetCostUsd: the stock still held at base prices and the stockpile's sales revenue (docs/model.md, netPolicyCost).
  return `, ${shown.mean} per kg net of the stock still held and its sales${ci}`;
}

/**
 * When counting the stock still held (net cost) puts another alternative first, who and by what:
 * a stockpile that sells into a spike can end with a net gain while ranking last on spending, and
 * the gross ranking alone would recommend the weaker option. A net gain beats any net cost; among
 * net gains the larger wins, among net costs the lower per kg. '' when the leaders agree or no net
 * figure differs from the spending.
 */
export function describeNetLeader(priced: ReadonlyArray<{ alternative: string; priced: MaterialCostEffectiveness }>, grossLeader: string): string {
  const net = priced.filter((p) => Number.isFinite(p.priced.extraNetCostUsd.value));
  if (net.length < 2 || net.every((p) => Math.abs(p.priced.extraNetCostUsd.value - p.priced.extraCostUsd.value) <= 0.01 * Math.abs(p.priced.extraCostUsd.value))) return '';
  const gain = (p: MaterialCostEffectiveness): boolean => p.extraNetCostUsd.value < 0;
  // Net gains first, the largest first; then net costs, the lowest per kg first.
  const order = (a: MaterialCostEffectiveness, b: MaterialCostEffectiveness): number => (gain(a) !== gain(b) ? (gain(a) ? -1 : 1)
    : gain(a) ? a.extraNetCostUsd.value - b.extraNetCostUsd.value : a.netUsdPerTonneConsumptionGained.value - b.netUsdPerTonneConsumptionGained.value);
  const [leader] = net.filter((p) => gain(p.priced) || Number.isFinite(p.priced.netUsdPerTonneConsumptionGained.value)).sort((a, b) => order(a.priced, b.priced));
  if (leader === undefined || leader.alternative === grossLeader) return '';
  const figure = leader.priced.extraNetCostUsd.value < 0 ? `a net gain of ${formatMoney(-leader.priced.extraNetCostUsd.value)}`
    : `${formatMoney(leader.priced.netUsdPerTonneConsumptionGained.value / 1000)} per kg net`;
  return `; counting the stock still held and its sales, ${quoted(leader.alternative)} comes first (${figure})`;
}

/**
 * `USD 299 per kg gained (95% CI USD 197 to USD 643; 5.44× the starting refined price, USD 55 per kg)`:
 * the market price is the yardstick a reader needs to tell a cheap gain from a dear one. `gainWords`
 * names the gain otherwise (`of that late gain`, for a gain that comes only after the crisis).
 */
export function describePerKg(perKg: Interval, refinedUsdPerTonne: number | undefined, chargedUsd = NaN, gainWords = 'gained'): string {
  const shown = formatMoneyEstimateThreeFigures(perKg.value / 1000, perKg.ciLow / 1000, perKg.ciHigh / 1000);
  // The spending divided, so that a reader who divides the strategy's whole cost by the gain sees why the figure differs (audit 24, M1).
  const charged = Number.isFinite(chargedUsd) ? ` on the ${formatMoney(chargedUsd)} spent on it` : '';
  const ci = Number.isFinite(perKg.ciLow) && Number.isFinite(perKg.ciHigh) ? `95% CI ${shown.low} to ${shown.high}` : 'no bounded 95% CI';
  const yardstick = refinedUsdPerTonne !== undefined && refinedUsdPerTonne > 0
    ? `; ${formatMultiple(perKg.value / refinedUsdPerTonne)} the starting refined price, ${formatMoney(refinedUsdPerTonne / 1000)} per kg` : '';
  return `${shown.mean} per kg ${gainWords}${charged} (${ci}${yardstick})`;
}

/**
 * ": 876 t of it after Jun 2028 (95% CI 590 t to 1,160 t), long after the events" when more than
 * half of a gain comes after a year past the events' end, and that later part is clearly above 0
 * (its interval, summed run by run, when over-time.csv has it); '' otherwise ("Over time, by
 * strategy" gives the whole split). It follows the gain and its interval (describeReceived), so it
 * opens with a colon, not a second bracket ("2.49 t more (95% CI …) (a net +2.49 t: …" repeated the
 * gain in brackets after brackets), in its words: unsigned masses, "more" and "less". Without its
 * own interval (an older folder) the later part takes the decimals of the gain it is part of:
 * ": 3.00 t of it after …", not ": 3 t of it after …".
 */
export function describeLateGain(split: GainSplit | undefined, gain: ComparisonEntry, unit: MassUnit | undefined): string {
  if (split === undefined || !split.hasAfter || !(split.total > 0) || !(split.after > split.total / 2)) return '';
  if (split.afterCi !== undefined && !(split.afterCi.low > 0)) return '';
  const afterMonth = split.lastDuring === undefined ? formatScenarioDate(0, split.to - 1 / 12) : formatScenarioDate(0, monthStart(split.lastDuring));
  const unsigned = (text: string): string => text.replace(/^[+−]/, '');
  if (split.afterCi === undefined) {
    // As describeReceived writes the gain: its mean and interval, in its unit.
    const mass = unit ?? chooseMassUnit([gain.meanDifference, gain.ciLow, gain.ciHigh]);
    const [after] = formatSignedTonnesAlongside([split.after], gain.meanDifference, gain.ciLow, gain.ciHigh, mass);
    return `: ${unsigned(after)} of it after ${afterMonth} (no interval in this older folder), long after the events`;
  }
  const shown = formatTonnesEstimate(split.after, split.afterCi.low, split.afterCi.high, unit);
  // A later part larger than the whole (less received up to then) is describeCrisisFirstGain's case, which the box asks first.
  return `: ${shown.mean} of it after ${afterMonth} (95% CI ${shown.low} to ${shown.high}), long after the events`;
}

/**
 * `costs USD 94.7 million more (95% CI USD 90.0 million to USD 99.3 million)`, or a saving in
 * savings, `costs USD 5.0 million less (95% CI USD 2.0 million to USD 8.0 million)`; an interval
 * reaching past 0 says which way each end goes (`from USD 1.0 million more to USD 4.0 million less`).
 */
export function describeSpending(cost: ComparisonEntry): string {
  const less = cost.meanDifference < 0;
  const [low, high] = less ? [-cost.ciHigh, -cost.ciLow] : [cost.ciLow, cost.ciHigh];
  const shown = formatMoneyEstimateThreeFigures(Math.abs(cost.meanDifference), low, high);
  const [way, other] = less ? ['less', 'more'] : ['more', 'less'];
  const range = low < 0 && shown.low.startsWith('−') ? `from ${shown.low.slice(1)} ${other} to ${shown.high} ${way}` : `${shown.low} to ${shown.high}`;
  return `costs ${shown.mean} ${way} (95% CI ${range})`;
}

/** A strategy's name set off in a sentence: a title may hold commas and colons ("“60-day US oxide stockpile, released into price spikes” buys…"). */
export function quoted(name: string): string {
  return `“${name}”`;
}

/** At most this many quotas' rent changes in a strategy's line: the largest. */
const RENT_CHANGES_SHOWN = 2;

/**
 * ` The quota rent buyers abroad pay the exporter's government: cnQuotaNdprMagnets USD 6.40 billion → USD 5.04
 * billion (−USD 1.36 billion, 95% CI …).`: the clear, not negligible changes of the scenario's export
 * quotas' rent (summary `exportQuotaRentUsd`), the largest first; a stockpile bought ahead can spare
 * importers more rent than it costs (audit 24, M3). '' when none changes clearly.
 */
export function describeRentChange(entries: readonly ComparisonEntry[]): string {
  const clear = entries.filter((e) => e.metric.startsWith('exportQuotaRentUsd.') && (e.ciLow > 0 || e.ciHigh < 0) && !isNegligible(e.meanDifference, e.ciLow, e.ciHigh, e.meanA))
    .sort((a, b) => Math.abs(b.meanDifference) - Math.abs(a.meanDifference)).slice(0, RENT_CHANGES_SHOWN);
  if (clear.length === 0) return '';
  const parts = clear.map((e) => `${e.metric.split('.').at(-1)} ${formatMoneyThreeFigures(e.meanA)} → ${formatMoneyThreeFigures(e.meanB)} (${differenceInline(e, undefined)})`);
  return `Paid by importers in every importing region, home among them, to the exporter’s government (not counted in home end users’ cost): ${parts.join('; ')}.`;
}

/** The headline metrics of a material in the answer box: how short (the policy user's first question), then what end users receive and the prices. */
const SHORTAGE_METRICS = [['shortfallWeeks', 'weeks short'], ['cumulativeShortfall', 'unmet demand']] as const;

/** What the levels of the shortage lines are: each arm's mean over its runs (comparison.json `meanA`, `meanB`). */
const MEANS = 'means over the runs';

/** `+26.2 t, 95% CI +5.2 to +47.3 t` from `+26.2 t (+5.2 to +47.3 t)`: a difference inside a bracket of its own. */
function differenceInline(e: ComparisonEntry, unit: MassUnit | undefined): string {
  const text = formatDifferenceWithCi(e, unit);
  const match = /^(.*) \((.*)\)$/.exec(text);
  return match === null ? text : `${match[1]}, 95% CI ${match[2]}`;
}

/**
 * `End users in the United States, means over the runs: NdPr oxide: weeks short 33.6 → 34.1 weeks
 * (+0.50 weeks, 95% CI −0.40 to +1.40 weeks), unmet demand 1,040 → 1,070 t (+26.2 t, 95% CI +5.2 to
 * +47.3 t); Dysprosium oxide: …`: the reference's level, the alternative's and the paired
 * difference, per material. The levels are means over the runs, said once (a user audit: unlabelled,
 * they read as the medians the run report's box gives).
 */
export function describeShortage(materials: readonly string[], entryOf: (metric: string) => ComparisonEntry | undefined, home: string, homeName: string, units: Map<string, MassUnit>, materialName: (id: string) => string): string {
  const perMaterial = describeLevelsPerMaterial(SHORTAGE_METRICS, materials, entryOf, home, units, materialName);
  return perMaterial.length === 0 ? '' : `End users in ${regionWithArticle(homeName)}, ${MEANS}: ${perMaterial.join('; ')}.`;
}

/** The home region's public (defence) end users' shortage metrics, as {@link SHORTAGE_METRICS}. */
const DEFENCE_SHORTAGE_METRICS = [['publicShortfallWeeks', 'weeks short'], ['cumulativePublicShortfall', 'unmet demand']] as const;

/**
 * ` Defence buyers (public end users) in the United States, means over the runs: Gallium: weeks short 3.90 → 0.40 weeks (−3.5 weeks, 95% CI …),
 * unmet demand 116 → 20 kg (…); short in no run, in neither the reference nor the alternative: NdPr oxide.`:
 * {@link describeShortage}'s figures for the home region's defence buyers (summary `publicShortfallWeeks`,
 * `cumulativePublicShortfall`), with the materials they are short of in no run of either strategy (both
 * means 0) named together; '' for arms written before these summaries.
 *
 * @param strategies - How many strategies the clause speaks for: 1 (the default) for one strategy's
 *   line; more when the box says it once for every strategy, its clause being the same for each
 *   (` Defence buyers (public end users) in the United States: short in no run of the reference or
 *   either strategy: NdPr oxide.`), so it is not repeated in every column.
 */
export function describeDefenceShortageChange(materials: readonly string[], entryOf: (metric: string) => ComparisonEntry | undefined, home: string, homeName: string, units: Map<string, MassUnit>, materialName: (id: string) => string, strategies = 1): string {
  const never = (material: string): boolean => DEFENCE_SHORTAGE_METRICS.every(([metric]) => {
    const e = entryOf(`${metric}.${material}.endUse.${home}`);
    return e !== undefined && e.meanA === 0 && e.meanB === 0;
  });
  const short = materials.filter((m) => !never(m));
  const untouched = materials.filter(never);
  const parts = describeLevelsPerMaterial(DEFENCE_SHORTAGE_METRICS, short, entryOf, home, units, materialName);
  const shared = strategies > 1;
  const every = strategies === 2 ? 'both strategies' : `all ${strategies} strategies`;
  // Labelled as means only where it gives levels; said once for every strategy, it says so.
  const label = parts.length > 0 ? `, ${MEANS}${shared ? `, the same under ${every}` : ''}` : '';
  // Plain words (audit 16: "arm" is trial jargon the report never defines).
  const where = shared ? ` of the reference or ${strategies === 2 ? 'either strategy' : 'any strategy'}` : ', in neither the reference nor the alternative';
  if (untouched.length > 0) parts.push(`short in no run${where}: ${untouched.map(materialName).join(', ')}`);
  return parts.length === 0 ? '' : ` Defence buyers (public end users) in ${regionWithArticle(homeName)}${label}: ${parts.join('; ')}.`;
}

/** `NdPr oxide: weeks short 33.6 → 34.1 weeks (…), unmet demand …` per material that has the metrics' entries. */
function describeLevelsPerMaterial(metrics: ReadonlyArray<readonly [string, string]>, materials: readonly string[], entryOf: (metric: string) => ComparisonEntry | undefined, home: string, units: Map<string, MassUnit>, materialName: (id: string) => string): string[] {
  return materials.flatMap((material) => {
    const figures = metrics.flatMap(([metric, words]) => {
      const e = entryOf(`${metric}.${material}.endUse.${home}`);
      if (e === undefined) return [];
      const unit = units.get(e.metric);
      // Both levels with the same decimals (`28.0 → 31.7 t`, not `28 → 31.7 t`).
      const [from, to] = formatLevelsAlike(e.meanA, e.meanB, e.unit, unit);
      // `33.6 → 34.1 weeks`: the unit once, when both levels end in it.
      const suffix = / [^\d\s]+$/.exec(to)?.[0] ?? '';
      const fromShort = suffix !== '' && from.endsWith(suffix) ? from.slice(0, -suffix.length) : from;
      return [`${words} ${fromShort} → ${to} (${differenceInline(e, unit)})`];
    });
    return figures.length === 0 ? [] : [`${materialName(material)}: ${figures.join(', ')}`];
  });
}

/**
 * The headline metrics of the targeted materials whose paired difference's CI excludes 0 in the
 * wrong direction (weeks short, unmet demand, consumption, the refined and magnet price peaks): `NdPr
 * oxide unmet demand; Dysprosium oxide peak magnet price +0.20× base (95% CI +0.1 to +0.3× base)`,
 * the shortage metrics by name (the sentence before gives their figures), the others with theirs; ''
 * without any. A change within rounding or negligible (under 0.1% of the level) is not "worse". One
 * that a few runs carry (`concentrationOf`, docs/statistics.md "Carried by a few runs") is not
 * "clearly" worse either: it follows the clear ones, `from a few runs only, not clearly: NdPr oxide
 * unmet demand (half or more of the difference from 3 of 30 runs)`.
 */
export function describeClearlyWorse(materials: readonly string[], entryOf: (metric: string) => ComparisonEntry | undefined, home: string, units: Map<string, MassUnit>, materialName: (id: string) => string, withoutConsumption = false,
  concentrationOf: ConcentrationOf = () => undefined): string {
  const fewRuns: string[] = [];
  const metrics: Array<[string, string]> = materials.flatMap((m) => [
    [`shortfallWeeks.${m}.endUse.${home}`, 'weeks short'], [`cumulativeShortfall.${m}.endUse.${home}`, 'unmet demand'], [`cumulativeConsumption.${m}.endUse.${home}`, 'consumption'],
    [`peakPriceMultiple.${m}.processing.${home}`, 'peak refined price'], [`peakPriceMultiple.${m}.manufacturing.${home}`, 'peak magnet price'],
  ] as Array<[string, string]>);
  const worse = metrics.flatMap(([metric, words]) => {
    if (withoutConsumption && metric.startsWith('cumulativeConsumption.')) return [];
    const e = entryOf(metric);
    if (e === undefined || isRoundingNoise(e) || isNegligible(e.meanDifference, e.ciLow, e.ciHigh, e.meanA)) return [];
    const lowerIsBetter = !metric.startsWith('cumulativeConsumption.');
    const wrongWay = lowerIsBetter ? e.ciLow > 0 : e.ciHigh < 0;
    if (!wrongWay) return [];
    const priceWords = metric.includes('.manufacturing.') ? describePeakPriceWords(metric.split('.')[1], 'manufacturing') : words;
    // Weeks short and unmet demand were given just before with their intervals: named only. The others with their difference and interval.
    const inLead = SHORTAGE_METRICS.some(([id]) => metric.startsWith(`${id}.`));
    const item = `${materialName(metric.split('.')[1])} ${priceWords}${inLead ? '' : ` ${differenceInline(e, units.get(metric)).replace(/, 95% CI (.*)$/, ' (95% CI $1)')}`}`;
    const concentration = concentrationOf(e);
    if (concentration?.concentrated === true) {
      fewRuns.push(`${item} (${describeConcentration(concentration, 'the difference')})`);
      return [];
    }
    return [item];
  });
  const few = fewRuns.length === 0 ? '' : `from a few runs only, not clearly: ${fewRuns.join('; ')}`;
  return [...worse, ...(few === '' ? [] : [few])].join('; ');
}
