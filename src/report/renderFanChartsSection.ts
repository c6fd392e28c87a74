import { describeStageProduct } from './describeStageProduct.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { describePriceBackBelowStart } from './describePriceBackBelowStart.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import { chartFileName } from './chartFileName.ts';
import type { ChartCollector } from './createChartCollector.ts';
import { createFanPanelSpec, type FanRowInput } from './createFanPanelSpec.ts';
import { escapeHtml } from './escapeHtml.ts';
import { isZeroFan, isZeroInBands } from './isZeroFan.ts';
import type { FanPanelPlan, FanRowPlan } from './planFanPanels.ts';
import { type SeriesFan, seriesKey } from './readSeriesCsv.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import { wrapText } from './wrapText.ts';
import { thinFan } from './thinFan.ts';
import { capStockCover, type CappedStockCover, STOCK_COVER_CAP_DAYS } from './capStockCover.ts';
import { describePriceWarUnderQuota } from './describePriceWarUnderQuota.ts';
import { formatNumber } from './formatNumber.ts';
import { listScriptedArrivals, type ScriptedArrival } from './listScriptedArrivals.ts';
import { describeScriptedArrivals } from './describeScriptedArrivals.ts';
import { checkArrivalInFan } from './checkArrivalInFan.ts';

/** Points drawn per fan (a small chart is about 120 pixels wide). */
const MAX_POINTS = 200;
/** Largest number of material panels; more would bury the reader. */
const MAX_PANELS = 8;
/** Widest subtitle line of a panel, pixels (narrower than the panel, so it never widens the chart). */
const SUBTITLE_WIDTH = 600;

/**
 * "Over time": one small-multiples panel of fan charts per material (materials with events
 * first), leaving out series that are zero in every run (bands and mean) and those whose bands
 * are zero though a few runs are not (their mean is not), and saying which of the two.
 *
 * @param overview - The scenario (regions, events, calendar).
 * @param plans - From `planFanPanels`.
 * @param fans - Series read from `series.csv` by `seriesKey`.
 * @param charts - Collects one chart per material.
 * @returns The section's HTML.
 * @example
 * html += await renderFanChartsSection(overview, plans, fans, charts);
 */
export async function renderFanChartsSection(
  overview: ScenarioOverview,
  plans: readonly FanPanelPlan[],
  fans: ReadonlyMap<string, SeriesFan>,
  charts: ChartCollector,
): Promise<string> {
  const names = overview.regions.map((r) => `${r.id} = ${r.name}`).join('; ');
  let html = '<p>Each small chart shows how one quantity moves over the years across all runs: the line is the median across runs ' +
    '(week by week, so it need not be any single run), the dark band holds the middle half of the runs and the light band 90% of them. ' +
    'Grey shading marks the time a scripted event on that material is in force; a dashed line marks the start of an event that lasts to the end of the run; ' +
    'orange shading, the weeks in which the foreign actor’s standing rules licensed its refined exports of the material (retaliation for a home tariff) in at least a quarter of the runs; ' +
    'purple shading behind the prices, the weeks in which its standing rules waged a price war on that market (a cut in its export price, paid from its budget, to win back market share) in at least a quarter of the runs; ' +
    'a green ▼ on a capacity chart, the week a project the scenario scripts (its pipeline, not a response to the events) comes on stream, named in the note under the chart. ' +
    `Region codes: ${escapeHtml(names)}.</p>\n<p class="note"><strong>Scales.</strong> Prices and end users’ shortfall share one scale across each row, so regions compare by height; ` +
    'capacity and the home region’s stocks have a scale per chart (read the axis, not the height).</p>\n';
  for (const plan of plans.slice(0, MAX_PANELS)) {
    const flat = new Map<string, string[]>();
    const rare = new Map<string, string[]>();
    // Each price row is shaded with the war on its own market (refined, components), if any.
    const warsOf = (row: FanRowPlan): Array<{ start: number; end: number }> => {
      const stage = priceStageOf(row);
      return stage === undefined ? [] : priceWarWindows(plan.materialId, stage, fans, overview.foreignRegion);
    };
    const stockNotes: string[] = [];
    const arrivals = scriptedArrivalsOf(overview, plan, fans);
    const rows: FanRowInput[] = plan.rows.map((row) => ({
      title: titleOfDrawn(row, fans), unit: row.unit, sharedY: row.sharedY,
      ...(warsOf(row).length > 0 ? { priceWarWindows: warsOf(row) } : {}),
      charts: row.charts.flatMap((chart) => {
        const fan = fans.get(seriesKey(chart.series));
        // Zero in every run; or zero in the drawn bands (at least 95% of runs each week) while a few runs are not: the mean says so.
        const omit = fan === undefined || isZeroFan(fan) ? flat : isZeroInBands(fan) ? rare : undefined;
        if (omit !== undefined || fan === undefined) {
          (omit ?? flat).set(row.title, [...((omit ?? flat).get(row.title) ?? []), chart.title]);
          return [];
        }
        if (chart.series.metric === 'inventoryDays') {
          const capped = capStockCover(fan);
          if (capped.clipped) stockNotes.push(describeCappedStockCover(chart.title, capped, Math.floor(fan.year[0])));
          return [{ title: chart.title, fan: thinFan(capped.fan, MAX_POINTS), divisor: chart.divisor, ...(capped.clipped ? { yMax: STOCK_COVER_CAP_DAYS } : {}) }];
        }
        // Not those the runs show missing in their due week: a ▼ there would mark a step that is not drawn.
        const projectYears = chart.series.metric === 'capacity' ? arrivals.filter((a) => a.region === chart.series.region && a.stage === chart.series.stage && a.seen !== 'few').map((a) => a.year) : [];
        return [{ title: chart.title, fan: thinFan(fan, MAX_POINTS), divisor: chart.divisor, ...(projectYears.length > 0 ? { projectYears } : {}) }];
      }),
    })).filter((row) => row.charts.length > 0);
    if (rows.length === 0) continue;
    const retaliation = fans.get(seriesKey({ metric: 'actorRetaliation', material: plan.materialId, stage: 'processing', region: overview.foreignRegion }));
    const ruleWindows = retaliation === undefined ? [] : windowsOfShare(retaliation, RULE_SHARE);
    const foreignName = overview.regions.find((r) => r.id === overview.foreignRegion)?.name ?? overview.foreignRegion;
    const ruleLine = ruleWindows.length === 0 ? [] : wrapText(`Orange: ${foreignName} licenses its refined ${plan.materialName} exports by its standing rule (retaliation for a tariff), in at least a quarter of the runs`, SUBTITLE_WIDTH, 11.5, '    ');
    const warStages = plan.rows.filter((row) => warsOf(row).length > 0).flatMap((row) => { const stage = priceStageOf(row); return stage === undefined ? [] : [stage]; });
    const warLine = warStages.length === 0 ? [] : wrapText(`Purple (prices): ${foreignName} wages a price war on ${warStages.map((stage) => describeStageProduct(plan.materialId, plan.materialName, stage)).join(' and on ')} by its standing rule, in at least a quarter of the runs`, SUBTITLE_WIDTH, 11.5, '    ');
    const list = (omit: Map<string, string[]>): string => escapeHtml([...omit].map(([row, names]) => `${row}: ${names.join(', ')}`).join('; '));
    const omitted = (flat.size === 0 ? '' : ` Not drawn because they are zero in every run (or absent): ${list(flat)}.`) +
      (rare.size === 0 ? '' : ` Not drawn because they are zero in at least 95% of runs in every week, though not in every run (a few runs have some; their mean is in series.csv): ${list(rare)}.`);
    const projectLine = arrivals.every((a) => a.seen === 'few') ? [] : wrapText(describeScriptedArrivals(arrivals, overview.startYear, false), SUBTITLE_WIDTH, 11.5, '    ');
    html += `<h3>${escapeHtml(plan.materialName)}</h3>\n` + await charts.add(`fan-${chartFileName(plan.materialId)}`, createFanPanelSpec({
      title: plan.materialName,
      subtitle: [...describeWindows(plan.eventWindows).slice(0, -1), ...ruleLine, ...warLine, ...projectLine, ...describeWindows(plan.eventWindows).slice(-1)],
      rows, eventWindows: plan.eventWindows, ruleWindows,
    }), {
      title: `${plan.materialName}: prices, shortfall, capacity and stocks over time`,
      description: `Fan charts for ${plan.materialName}: ${rows.map((r) => `${r.title} (${r.charts.map((c) => c.title).join(', ')})`).join('; ')}. Median, middle 50% and 90% of runs.`,
      caption: `${escapeHtml(plan.materialName)}: fan charts over the run.${omitted}${stockNotes.map((note) => ` ${escapeHtml(note)}`).join('')}`,
    });
    // A scripted project's step inside a grey band reads as a response to the event unless the report says otherwise (user audit, MP Materials in NdPr).
    if (arrivals.length > 0) html += `<p class="note">${escapeHtml(describeScriptedArrivals(arrivals, overview.startYear, true))}</p>\n`;
    // A price war on a market where the actor's own scripted quota is in force (M10 of user audit 24): how the two combine.
    const warRows = plan.rows.filter((row) => warsOf(row).length > 0);
    const quotaWars = warRows.filter((row) => overview.events.some((e) => e.kind === 'exportControl' && e.fields.mode === 'quota' && e.fields.material === plan.materialId &&
      e.fields.stage === priceStageOf(row) && (e.fields.exporter === undefined || e.fields.exporter === overview.foreignRegion) &&
      warsOf(row).some((war) => war.start < overview.startYear + (Number.isFinite(e.end) ? e.end : overview.years) && overview.startYear + e.start < war.end)))
      .flatMap((row) => { const stage = priceStageOf(row); return stage === undefined ? [] : [stage]; });
    if (quotaWars.length > 0) {
      html += `<p class="note">${escapeHtml(`Purple over grey: ${foreignName}’s price war on ${quotaWars.map((stage) => describeStageProduct(plan.materialId, plan.materialName, stage)).join(' and on ')} runs while its own export quota on it is in force; ${describePriceWarUnderQuota(foreignName, overview.priceWarMode)}`)}</p>\n`;
    }
    const backBelow = describePriceBackBelowStart(plan, fans, overview.homeRegion, regionWithArticle(overview.regions.find((r) => r.id === overview.homeRegion)?.name ?? overview.homeRegion));
    if (backBelow !== '') html += `<p class="note">${escapeHtml(backBelow)}</p>\n`;
  }
  if (plans.length > MAX_PANELS) html += `<p class="note">${plans.length - MAX_PANELS} further materials are not drawn; their series are in series.csv.</p>\n`;
  return html;
}

/**
 * The spans in which the foreign actor's rule-driven price war on the material's quoted market (the
 * price row's stage) was in force in at least {@link RULE_SHARE} of runs; none without its series.
 */
function priceWarWindows(material: string, stage: string, fans: ReadonlyMap<string, SeriesFan>, foreignRegion: string): Array<{ start: number; end: number }> {
  const war = fans.get(seriesKey({ metric: 'actorPriceWar', material, stage, region: foreignRegion }));
  return war === undefined ? [] : windowsOfShare(war, RULE_SHARE);
}

/** The stage of a price row (its charts' prices), or undefined for another row. */
function priceStageOf(row: FanRowPlan): string | undefined {
  return row.charts.find((c) => c.series.metric === 'price')?.series.stage;
}

/**
 * The chart note of a clipped stock-cover chart: `Processors' stock (days) is drawn up to 365 days
 * (its 95th percentile reaches 6,910 days; its median is above it in some weeks between May 2025 and
 * Nov 2030): stock cover is stock ÷ sales, and where sales fall near zero it grows without bound, which says the plants
 * stand idle, not that stocks are ample; their output is series.csv's production.`
 */
function describeCappedStockCover(title: string, capped: CappedStockCover, firstYear: number): string {
  const [from, to] = (capped.medianAbove ?? []).map((year) => formatScenarioDate(firstYear, year - firstYear));
  const above = from === undefined ? '' : from === to ? `; its median is above it in ${from}` : `; its median is above it in some weeks between ${from} and ${to}`;
  return `${title} is drawn up to ${formatNumber(STOCK_COVER_CAP_DAYS)} days (its 95th percentile reaches ${formatNumber(Math.round(capped.highest))} days${above}): ` +
    'stock cover is stock ÷ sales, and where sales fall near zero it grows without bound (to thousands of days), which says the plants stand idle, not that stocks are ample; their output is series.csv’s production.';
}

/**
 * Share of runs from which the actor's rule-driven retaliation is shaded. Its timing differs from run
 * to run (a draw each week while a tariff holds), so even when most runs see a year of it, the share
 * in force in any one week seldom reaches a half (at most 0.47 in mitigation-tariff-magnets).
 */
const RULE_SHARE = 0.25;

/**
 * The spans of a 0/1 series' share of runs (its `mean`) at or above `threshold`, in calendar years:
 * when at least that share of runs had the measure in force. None without a mean (an older series.csv).
 */
export function windowsOfShare(fan: SeriesFan, threshold: number): Array<{ start: number; end: number }> {
  const share = fan.mean;
  if (share === undefined) return [];
  const windows: Array<{ start: number; end: number }> = [];
  const step = fan.year.length > 1 ? fan.year[1] - fan.year[0] : 0;
  for (let t = 0; t < share.length; t++) {
    if (!(share[t] >= threshold)) continue;
    const start = t;
    while (t + 1 < share.length && share[t + 1] >= threshold) t++;
    windows.push({ start: fan.year[start], end: fan.year[t] + step });
  }
  return windows;
}

/**
 * The scenario's scripted projects that come on stream during the run in the cells of the panel's
 * capacity charts that are drawn (per stage drawn, home region first, then by date).
 */
function scriptedArrivalsOf(overview: ScenarioOverview, plan: FanPanelPlan, fans: ReadonlyMap<string, SeriesFan>): ScriptedArrival[] {
  const drawn = plan.rows.flatMap((row) => row.charts).filter((chart) => chart.series.metric === 'capacity' && isDrawn(chart, fans));
  const arrivals = [...new Set(drawn.map((chart) => chart.series.stage))]
    .flatMap((stage) => listScriptedArrivals(overview, plan.materialId, stage, drawn.filter((chart) => chart.series.stage === stage).map((chart) => chart.series.region)));
  return arrivals.map((arrival) => {
    // What the runs show in the due week: a project still to be financed may never pay (US graphite's Syrah expansion in the reference run).
    const fan = fans.get(seriesKey({ metric: 'capacity', material: plan.materialId, stage: arrival.stage, region: arrival.region }));
    const others = arrivals.filter((a) => a !== arrival && a.region === arrival.region && a.stage === arrival.stage).map((a) => a.year);
    const seen = fan === undefined ? undefined : checkArrivalInFan(fan, arrival.year, arrival.capacityTonnesPerYear, others);
    return seen === undefined ? arrival : { ...arrival, seen };
  });
}

/** Whether a planned chart is drawn: its series is there and not zero in the drawn bands. */
function isDrawn(chart: FanRowPlan['charts'][number], fans: ReadonlyMap<string, SeriesFan>): boolean {
  const fan = fans.get(seriesKey(chart.series));
  return fan !== undefined && !isZeroFan(fan) && !isZeroInBands(fan);
}

/**
 * A row's title after charts zero in every run are left out: rebuilt from what is drawn where the row
 * says how ("United States: stock cover", not "…, stockpile, defence shortfall" above stock charts
 * alone); otherwise the planned title, naming the regions left out of a per-region row.
 */
function titleOfDrawn(row: FanRowPlan, fans: ReadonlyMap<string, SeriesFan>): string {
  const drawn = row.charts.filter((chart) => isDrawn(chart, fans));
  if (drawn.length === row.charts.length || drawn.length === 0) return row.title;
  if (row.titleFor !== undefined) return row.titleFor([...new Set(drawn.flatMap((c) => (c.subject === undefined ? [] : [c.subject])))]);
  // A per-region row: its charts are titled by region code.
  const left = row.charts.filter((chart) => !isDrawn(chart, fans)).map((chart) => chart.title);
  return left.every((title) => title.length <= 8) ? `${row.title}; not drawn (zero): ${left.join(', ')}` : row.title;
}

/** Subtitle lines of a panel: one per event (shaded or marked), then what the values are. */
function describeWindows(windows: FanPanelPlan['eventWindows']): string[] {
  const what = (w: FanPanelPlan['eventWindows'][number]): string =>
    (w.throughout ? `In force throughout (not marked): ${w.label}` : w.openEnded ? `Dashed line: ${w.label} (starts; lasts to the end)` : `Grey: ${w.label}`) +
    (w.announced !== undefined && !w.throughout ? ` (dotted line: announced ${formatScenarioDate(0, w.announced)})` : '');
  const lines = [...new Set(windows.map(what))].flatMap((line) => wrapText(line, SUBTITLE_WIDTH, 11.5, '    '));
  return [...lines, 'Values per market segment or region, across runs.'];
}

