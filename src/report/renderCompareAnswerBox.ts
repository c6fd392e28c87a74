import { differenceSign, isRoundingNoise, massUnits, isNegligible } from './comparisonFigures.ts';
import { countRuns } from './countRuns.ts';
import { computeExtraStockHeldFromStart, describeStockHeldFromStart } from './describeStockHeldFromStart.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { Comparison, ComparisonEntry, Interval, MaterialCostEffectiveness } from './readComparisonJson.ts';
import { type ComparedStrategies } from './renderComparisonSection.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { type ComparedRelease, describeComparedRelease, describeReleaseRunsLine, type ReleaseRunsOf } from './describeComparedRelease.ts';
import { type GainSplit } from './splitGainByWindow.ts';
import { describeCrisisFirstGain } from './describeCrisisFirstGain.ts';
import { describeWholeNet } from './describeWholeNet.ts';
import { findUnpricedPolicies, isThreatOnly, matchesG33 } from './classifyAlternative.ts';
import { describeSurprisingGain, describeThreatEffect } from './describeDisruptionEffect.ts';
import type { ConcentrationOf } from './readConcentrations.ts';
import { describeBestLine, describeClearlyWorse, describeLateGain, describeLead, describeNet, describeNetLeader, describePerKg, describeReceived, describeDefenceShortageChange, describeRentChange, describeShortage, describeShortageCuts, describeSpending, describeUnpriced, materialsOf, quoted } from './compareAnswerLines.ts';

/**
 * The answer box at the top of a compare report: per alternative, first how short the home region's
 * end users are of each material it targets (weeks short and unmet demand, reference → alternative,
 * with the paired difference, and its defence buyers' shortage: said once, at the start of the closing
 * note, when it reads the same for every strategy), then every headline metric it makes clearly worse (audit 24, H2: the
 * box said nothing of an oxide stockpile that left end users short for longer); then what it costs the home government
 * more than the reference and, where it differs, its whole net of the stock still held and its sales (`describeWholeNet`,
 * audit 11); then one line per material (audit 10: one 180-word sentence before), in short sentences: what the home region's end users receive more or less of each material it
 * targets (its own events' materials; the reference's for a strategy that names none, such as
 * friend-shoring), and the cost per kg gained where the gain is clear (and net of a stockpile's stock
 * still held and its sales, where that differs); then, per material, which
 * alternative buys a kg cheapest. An alternative that adds only disruptions (`isThreatOnly`) gets
 * "What the added disruption does" (a loss, never a policy's gain) and, when it leaves home end
 * users clearly better off, a check note (docs/model.md G33 where its mechanism applies); a policy
 * without a price (`findUnpricedPolicies`) is named unpriced, not free; "no strategy buys a clear
 * gain" is never said beside a clear gain (in what end users receive, or a clear cut in their shortage, which the last line then names), and a negligible gain is not priced per kg. The stockpile
 * line is run by run (stockpile-releases.csv) where the folder has it. Every figure is one the
 * section below shows (comparison.json, over-time.csv, stockpile-releases.csv); nothing new is estimated. Empty for a file stated the other way round (A − B) or without the
 * reference's scenario.
 *
 * @param comparison - comparison.json as read.
 * @param strategies - The arms' scenarios.
 * @param materialName - Maps material ids to names.
 * @param gainTiming - Per alternative and material, its gain in end users' consumption split around
 *   the reference's events (`splitGainByWindow` on over-time.csv); when most of a clear gain comes
 *   after a year past the events' end, the box says so (a figure the "Over time" section shows); when
 *   up to then they received less and the whole gain comes later, the line leads with that
 *   (`describeCrisisFirstGain`, audit 7).
 * @param releases - Per alternative, what its stockpiles released during the reference's events
 *   (`computeComparedRelease` on over-time.csv); none for a strategy without a stockpile. Used only
 *   without `releaseRuns` (an older folder).
 * @param releaseRuns - Per alternative, its stockpiles run by run (stockpile-releases.csv): how many
 *   runs released, when first, how much, and its release rule.
 * @param concentrationOf - Whether a few runs carry an entry's difference (`readConcentrations`):
 *   such a worse headline metric is not called clearly worse.
 * @returns HTML, or '': the box (strategies side by side when there are two or more), then, when a
 *   strategy has a stockpile or changes a quota rent, a block right under it with those lines
 *   ("Stockpiles and quota rent, by strategy"), which the box's note points to.
 * @example
 * renderCompareAnswerBox(comparison, strategies, name);
 * // '<div class="answer" …><li><strong>mit-recycling</strong> costs USD 314 million more …'
 */
export function renderCompareAnswerBox(comparison: Comparison, strategies: ComparedStrategies, materialName: (id: string) => string, gainTiming: (alternative: string, material: string) => GainSplit | undefined = () => undefined, releases: (alternative: string) => readonly ComparedRelease[] = () => [], releaseRuns: (alternative: string) => readonly ReleaseRunsOf[] = () => [], concentrationOf: ConcentrationOf = () => undefined): string {
  const reference = strategies.reference.overview;
  if (reference === undefined || differenceSign(comparison.entries) !== 1 || comparison.alternatives.length === 0) return '';
  const home = reference.homeRegion;
  const homeName = reference.regions.find((r) => r.id === home)?.name ?? home;
  const entryOf = (alternative: string, metric: string): ComparisonEntry | undefined => comparison.entries.find((e) => e.alternative === alternative && e.metric === metric);
  const units = massUnits(comparison.entries);
  const threatMaterials = materialsOf(reference.events);
  const referenceIds = new Set(reference.events.map((e) => e.id));
  const cheapest = new Map<string, { alternative: string; perKg: Interval; priced: MaterialCostEffectiveness }[]>();
  const holdsFreeStock = new Set<string>(); // alternative NUL material: it holds more of the material from the start than the reference
  const unpricedOf = new Map<string, string[]>(); // alternative → its unpriced policies' ids
  let policies = 0; // alternatives that add a policy (not a threat only)
  let unpricedGains = 0; // clear, not negligible gains of a policy with no extra spending to divide
  const details: string[] = []; // per alternative, its stockpiles run by run and the quota rent (the block under the box)
  const shortageCuts: Array<{ text: string; metrics: string[] }> = []; // policies that clearly cut home end users' shortage of a material they target
  const columns = comparison.alternatives.map((alternative) => {
    const ownEvents = (strategies.alternatives.find((a) => a.label === alternative)?.overview?.events ?? []).filter((e) => !referenceIds.has(e.id));
    const own = materialsOf(ownEvents);
    const threatOnly = isThreatOnly(ownEvents);
    const unpriced = threatOnly ? [] : findUnpricedPolicies(ownEvents);
    if (unpriced.length > 0) unpricedOf.set(alternative, unpriced);
    if (!threatOnly) policies++;
    // In the scenario's material order, as the tables below list them.
    const order = (m: string): number => { const i = reference.materials.findIndex((x) => x.id === m); return i < 0 ? Infinity : i; };
    const materials = [...(own.length > 0 ? own : threatMaterials)].sort((a, b) => order(a) - order(b));
    // One labelled line per material (audit 10: the whole "Cost and what it buys" ran to 180 words), each in short sentences.
    const parts: Array<[string, string]> = threatOnly ? [] : materials.flatMap((material): Array<[string, string]> => {
      const e = entryOf(alternative, `cumulativeConsumption.${material}.endUse.${home}`);
      if (e === undefined) return [];
      const priced = comparison.costEffectiveness.get(alternative)?.get(material);
      const perKg = priced?.usdPerTonneConsumptionGained;
      // A negligible gain ("about the same") is not priced: "about the same … USD 3,000 per kg gained" read as two answers.
      const gained = e.ciLow > 0 && !isRoundingNoise(e) && !isNegligible(e.meanDifference, e.ciLow, e.ciHigh, e.meanA);
      // A gain that comes only after the crisis leads with the crisis (audit 7), else the gain and, when most of it is late, when.
      const crisis = gained ? describeCrisisFirstGain(gainTiming(alternative, material), e, units.get(e.metric), entryOf(alternative, `shortfallWeeks.${material}.endUse.${home}`)) : undefined;
      const late = gained && crisis === undefined ? describeLateGain(gainTiming(alternative, material), e, units.get(e.metric)) : '';
      const received = crisis ?? asSentence(`${describeReceived(e, units.get(e.metric))}${late}`);
      if (gained && (priced === undefined || perKg === undefined || !Number.isFinite(perKg.value))) unpricedGains++;
      if (!gained || priced === undefined || perKg === undefined || !Number.isFinite(perKg.value)) return [[materialName(material), `${received}.`]];
      cheapest.set(material, [...(cheapest.get(material) ?? []), { alternative, perKg, priced }]);
      const refined = reference.materials.find((m) => m.id === material)?.basePriceUsdPerTonne.processing;
      const net = describeNet(priced);
      const perKgText = describePerKg(perKg, refined, priced.extraCostUsd.value, crisis === undefined ? 'gained' : 'of that late gain');
      return [[materialName(material), `${received}. ${asSentence(perKgText)}.${net === '' ? '' : ` ${asSentence(net)}.`}`]];
    });
    const cost = entryOf(alternative, `policyCost.${home}`);
    const free = cost === undefined || (cost.meanDifference === 0 && cost.ciLow === 0 && cost.ciHigh === 0);
    const spends = describeUnpriced(free ? 'It costs the government nothing more' : `It ${describeSpending(cost)}`, unpriced, free);
    // The whole strategy's net right after its gross cost (audit 11).
    const wholeNet = describeWholeNet(entryOf(alternative, `netPolicyCost.${home}`), cost);
    const overview = strategies.alternatives.find((a) => a.label === alternative)?.overview;
    const freeStock = overview === undefined ? '' : describeStockHeldFromStart(overview, reference, materialName);
    if (overview !== undefined) for (const e of computeExtraStockHeldFromStart(overview, reference)) holdsFreeStock.add(`${alternative}\u0000${e.material}`);
    const cut = threatOnly ? undefined : describeShortageCuts(alternative, materials, (metric) => entryOf(alternative, metric), home, units, materialName);
    if (cut !== undefined) shortageCuts.push(cut);
    const endUsersShort = describeShortage(materials, (metric) => entryOf(alternative, metric), home, homeName, units, materialName);
    // Said for `strategies` strategies at once when the clause is the same for each (below).
    const defenceFor = (strategies: number): string => describeDefenceShortageChange(materials, (metric) => entryOf(alternative, metric), home, homeName, units, materialName, strategies);
    // A threat's consumption loss is its own line's figure: not repeated among the clearly worse.
    const worse = describeClearlyWorse(materials, (metric) => entryOf(alternative, metric), home, units, materialName, threatOnly, concentrationOf);
    // Run by run where the folder has stockpile-releases.csv; else the median path (an older folder).
    const byRun = describeReleaseRunsLine(releaseRuns(alternative), materialName, homeName);
    const released = byRun !== '' ? byRun : describeComparedRelease(releases(alternative), materialName);
    const rent = describeRentChange(comparison.entries.filter((e) => e.alternative === alternative));
    // A threat-only alternative: what the disruption takes, not what a policy buys.
    const effect = threatOnly ? describeThreatEffect(materials, (metric) => entryOf(alternative, metric), home, units, materialName, free ? '' : `Government spending: it ${describeSpending(cost)}.`) : undefined;
    const surprise = threatOnly ? describeSurprisingGain(effect?.better.map(({ material, how }) => `${materialName(material)} (${how.join(', ')})`) ?? [],
      (effect?.better ?? []).some(({ material }) => matchesG33(ownEvents, reference.events, material, home)), regionWithArticle(homeName)) : '';
    // Short labelled lines, as the run report's box (audit 24, M9): a paragraph of ten figures per strategy read as a wall.
    const labelled: Array<[string, string]> = [
      // Only changes a few runs carry: worse, not "clearly" (describeClearlyWorse).
      [worse.startsWith('from a few runs') ? 'Worse' : 'Clearly worse', worse === '' ? '' : `${worse}.`],
      ...(effect !== undefined ? [['What the added disruption does', effect.text], ['Check', surprise]] as Array<[string, string]>
        : [['Cost', `${spends}.${wholeNet === '' ? '' : ` ${wholeNet}.`}`], ...parts] as Array<[string, string]>),
      ['Stock held from the start', freeStock],
    ];
    // How each stockpile released, run by run, and the quota rent: the why behind the lines above, in a
    // block right under the box (the reference compare's box ran to 1,300 px with them inside).
    const detail: Array<[string, string]> = [['Stockpile', released], ['Quota rent', rent]];
    if (detail.some(([, text]) => text !== '')) details.push(labelledItem(alternative, detail));
    return { alternative, endUsersShort, defenceShort: defenceFor(1), defenceFor, labelled };
  });
  // The defence buyers' clause, when it is the same for every strategy side by side ("short in no run
  // … NdPr oxide, Dysprosium oxide" in each column), is said once, opening the box's closing note:
  // repeated, it pushed README's stockpile compare's box below the first screen (936 px at 1280×900).
  const sharedDefence = columns.length > 1 && columns[0].defenceShort !== '' && columns.every((c) => c.defenceShort === columns[0].defenceShort)
    ? columns[0].defenceFor(columns.length).trim() : '';
  const lines = columns.map(({ alternative, endUsersShort, defenceShort, labelled }) => {
    const defence = sharedDefence === '' ? defenceShort : '';
    const short = endUsersShort === '' ? defence.trim() : `${endUsersShort}${defence}`;
    return labelledItem(alternative, [['How short', short], ...labelled]);
  });
  const best = [...cheapest].map(([material, priced]) => {
    const [first, second] = [...priced].sort((a, b) => a.perKg.value - b.perKg.value);
    const unpricedIds = unpricedOf.get(first.alternative) ?? [];
    const free = (holdsFreeStock.has(`${first.alternative}\u0000${material}`) ? ` (not counting the stock ${quoted(first.alternative)} holds from the start)` : '')
      + (unpricedIds.length === 0 ? '' : ` (not counting its unpriced ${unpricedIds.join(', ')})`);
    if (second === undefined) return `${materialName(material)}: only ${quoted(first.alternative)} buys a clear gain${free}`;
    return `${materialName(material)}: ${quoted(first.alternative)} has the lowest spending per kg${free}${describeLead(first, second)}` +
      describeNetLeader(priced, first.alternative);
  });
  const runs = Math.max(0, ...comparison.entries.map((e) => (Number.isFinite(e.n) ? e.n : 0)));
  // The shared defence clause opens the note and names the home region: the basis then need not repeat it.
  const endUsers = sharedDefence === '' ? `end users in ${regionWithArticle(homeName)}` : 'end users';
  const basis = `Against ${comparison.reference === '' ? 'the reference' : quoted(comparison.reference)}, ${countRuns(runs, 'pair')} of runs with the same random draws; what ${endUsers} receive over the run, ` +
    'reference → alternative, then the paired difference (95% CI). The cost per kg charges each material only the spending on it (and any tied to no material), ' +
    'not the strategy’s whole cost (its Cost line). A model under its stated assumptions, not forecasts. Per-material tables, net costs and how to read the intervals: ';
  // Two or more strategies side by side on a wide screen, as the run report's materials (reportStyles.ts).
  const side = lines.length > 1 ? ' side-by-side' : '';
  const bestLine = describeBestLine(best, policies, unpricedGains, shortageCuts);
  return `<div class="answer${side}" id="answer" role="note" aria-label="Answer"><p class="answer-h"><strong>Answer</strong></p>` +
    `<ul class="answer-materials">${lines.join('')}</ul>${bestLine === '' ? '' : `<ul>${bestLine}</ul>`}` +
    `<p class="note">${escapeHtml(sharedDefence === '' ? basis : `${sharedDefence} ${basis}`)}<a href="#comparison">Strategies compared</a>.${details.length > 0 ? ' Stockpiles and quota rent: just below.' : ''}</p></div>\n` +
    (details.length === 0 ? '' : `<div class="answer answer-detail${side}" id="answer-detail"><p class="answer-h"><strong>Stockpiles and quota rent, by strategy</strong></p>` +
      `<ul class="answer-materials">${details.join('')}</ul></div>\n`);
}

/** A strategy's labelled lines as the box lists them; lines without text are left out. */
function labelledItem(alternative: string, labelled: ReadonlyArray<[string, string]>): string {
  return `<li><strong>${escapeHtml(alternative)}</strong><ul class="answer-lines">` +
    labelled.filter(([, text]) => text !== '').map(([label, text]) => `<li><em>${label}:</em> ${escapeHtml(text)}</li>`).join('') + '</ul></li>';
}

/** A clause as a sentence of its own: `, and a net gain of …` → `A net gain of …`, `end users receive …` → `End users receive …`. */
function asSentence(clause: string): string {
  const text = clause.replace(/^,\s*(and\s+)?/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
