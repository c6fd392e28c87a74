import { formatProvenance } from './collectSources.ts';
import type { ChartCollector } from './createChartCollector.ts';
import { createTimelineSpec } from './createTimelineSpec.ts';
import { describeEvent, eventCategory } from './describeEvent.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatLastMonthBefore, formatScenarioDate } from './formatScenarioDate.ts';
import { orderRegions } from './orderRegions.ts';
import type { MaterialOverview, ScenarioOverview } from './readScenarioOverview.ts';
import { renderTable } from './renderTable.ts';
import { replaceEventIds } from './replaceEventIds.ts';
import { eventDescriber } from './eventDescriber.ts';

/**
 * "The scenario at a glance": what it asks, horizon, regions, materials with starting prices,
 * home demand and who holds processing capacity, and a timeline and table of its events with
 * their sources.
 *
 * @param overview - The scenario as run.
 * @param charts - Collects the timeline chart.
 * @returns The section's HTML.
 * @example
 * html += await renderScenarioSection(overview, charts);
 */
export async function renderScenarioSection(overview: ScenarioOverview, charts: ChartCollector, removed: ReadonlySet<string> = new Set()): Promise<string> {
  const regionName = (id: string): string => overview.regions.find((r) => r.id === id)?.name ?? id;
  const steps = overview.ticksPerYear === 52 ? 'weekly steps' : overview.ticksPerYear === 12 ? 'monthly steps' : `${overview.ticksPerYear} steps a year`;
  let html = `<p>Horizon: ${formatNumber(overview.years)} ${overview.years === 1 ? 'year' : 'years'} from ${overview.startYear} (${steps}). Home government: ` +
    `${escapeHtml(regionName(overview.homeRegion))}. Foreign state actor: ${escapeHtml(regionName(overview.foreignRegion))}.</p>\n`;
  // The behavioural parameters were fitted on weekly steps: other steps change prices, trade and shortfalls.
  if (overview.ticksPerYear !== 52) html += `<p class="note">The model's behavioural parameters were fitted to weekly steps (docs/calibration.md); at ${steps} prices, trade flows and shortfalls differ from a weekly run of the same scenario, so read these results as uncalibrated.</p>\n`;
  html += '<h3>Regions</h3>\n' + renderTable([{ header: 'Id' }, { header: 'Region' }, { header: 'Alignment' }],
    orderRegions(overview.regions).map((r) => [r.id, r.name, r.alignment]));
  html += '<h3>Materials</h3>\n' + renderMaterials(overview);
  html += `<h3>Events</h3>\n${await renderEvents(overview, charts, removed)}`;
  html += '<p class="note">Every figure of the scenario with its source and date is listed in the appendix ' +
    '<a href="#sources">Assumptions and their sources</a>.</p>\n';
  return html;
}

function renderMaterials(overview: ScenarioOverview): string {
  const home = overview.homeRegion;
  const secure = new Set(overview.regions.filter((r) => r.alignment === 'home' || r.alignment === 'ally').map((r) => r.id));
  const rows = overview.materials.map((m) => {
    const capacity = m.capacityByStage.processing ?? {};
    const total = Object.values(capacity).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    const share = (ids: string[]): string => (total > 0 ? formatPercent(ids.reduce((a, id) => a + (capacity[id] ?? 0), 0) / total) : 'n/a');
    return [m.name, refinedPrice(m), formatNumber(m.demandByRegion[home] ?? NaN), share([overview.foreignRegion]), share([...secure])];
  });
  return renderTable([
    { header: 'Material' }, { header: 'Starting refined price', numeric: true }, { header: `Demand in ${home}, t/yr`, numeric: true },
    { header: `Processing capacity held by ${overview.foreignRegion}`, numeric: true }, { header: 'held by home and allies', numeric: true },
  ], rows);
}

function refinedPrice(material: MaterialOverview): string {
  const price = material.basePriceUsdPerTonne.processing;
  if (!Number.isFinite(price)) return 'n/a';
  return material.priceUnit === 'USD/kg' ? `${formatNumber(price / 1000)} USD/kg` : `${formatNumber(price)} USD/t`;
}

async function renderEvents(overview: ScenarioOverview, charts: ChartCollector, removed: ReadonlySet<string>): Promise<string> {
  if (overview.events.length === 0) return '<p>No scripted events: this is a run without disruptions or policies.</p>\n';
  const names = new Map(overview.materials.map((m) => [m.id, m.name]));
  const start = overview.startYear;
  // Events a stress test's --strip-events removed from every run: still listed (they are the scenario's), marked as not in force.
  const described = overview.events.map((e) => ({ event: e, text: `${removed.has(e.id) ? 'REMOVED in this stress test (--strip-events): ' : ''}${describeEvent(e, (id) => names.get(id) ?? id)}` }));
  // An event dated after the run ends has no effect: said beside its dates (user audit, session 20: only the loader's terminal warning said so).
  // An event within one month (a week-long cyberattack) is that month, not "Sep 2026 – Sep 2026"; a range
  // ends with the last month in force (an 18-month event from Jan 2026 is "Jan 2026 – Jun 2027": it ends on 1 July).
  const dates = (e: ScenarioOverview['events'][number]): string => {
    const from = formatScenarioDate(start, e.start);
    const to = Number.isFinite(e.end) ? formatLastMonthBefore(start, e.end) : 'end of run';
    return `${to === from ? from : `${from} – ${to}`}${e.start >= overview.years ? ' (after the run ends: no effect)' : ''}`;
  };
  // Dates stay on one line when a label wraps: "Jan 2026 – Jul 2027", never "Jul" and "2027" apart.
  const items = described.map(({ event, text }) => ({
    label: `${text} · ${dates(event).replace(/ (\d{4})/g, '\u00a0$1')}`, category: eventCategory(event.kind),
    start: start + event.start, end: start + (Number.isFinite(event.end) ? event.end : overview.years), announced: start + event.announced,
  }));
  const figure = await charts.add('timeline', createTimelineSpec(items, start, start + overview.years), {
    title: 'Timeline of scripted events',
    description: described.map(({ text }, i) => `${i + 1}. ${text}, ${dates(overview.events[i])}`).join('; '),
    caption: 'Scripted events of the scenario, numbered as in the table below.',
  });
  const ids = overview.events.map((e) => e.id).filter((id) => id !== '');
  const describeId = eventDescriber(overview);
  const keepTogether = (date: string): string => date.replace(/ (\d{4})/g, '\u00a0$1');
  const rows = described.map(({ event, text }) => [
    String(described.findIndex((d) => d.event === event) + 1), eventCategory(event.kind), text, keepTogether(dates(event)),
    Number.isFinite(event.announced) && event.announced < event.start ? keepTogether(formatScenarioDate(start, event.announced)) : '—',
    replaceEventIds(formatProvenance(event.fields.source === undefined ? '' : String(event.fields.source), event.fields.asOf === undefined ? '' : String(event.fields.asOf)),
      ids, describeId),
  ]);
  return figure + renderTable([{ header: '#' }, { header: 'Type' }, { header: 'What' }, { header: 'In force' }, { header: 'Announced' }, { header: 'Source' }], rows, { className: 'events' });
}
