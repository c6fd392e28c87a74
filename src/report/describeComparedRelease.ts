import { chooseMassUnit } from './chooseMassUnit.ts';
import { formatPercent } from './formatPercent.ts';
import { formatTonnes } from './formatTonnes.ts';
import type { OverTimeSeriesData } from './readOverTimeCsv.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';

/** Below this share of the stock held when the events began, a refined stockpile "released little" and the report says why. */
export const LITTLE_COMPARED_RELEASE_SHARE = 0.2;

/** What a compared strategy's stockpile of one material released while the reference's events on it were in force. */
export interface ComparedRelease {
  material: string;
  /** Median stock (t) in the last month before the first event began (the first month when it began at the start). */
  held: number;
  /** `held` minus the lowest median stock while the events were in force, at least 0 (t). */
  released: number;
  /** The stockpile is held as refined material only (no `stage: manufacturing` stockpile of the material). */
  refinedOnly: boolean;
}

/**
 * How much a strategy's stockpile of a material released during the reference's events on it, from
 * over-time.csv's `stockpile` series (the government's refined and component stock, median of the
 * strategy's runs, monthly): the stock in the month before the first event began, and how far the
 * median fell below it while they were in force (audit 24, M7: the oxide stockpile's line stayed
 * flat through an 18-month quota and the compare report never said so). A median path's fall, not
 * the mean of each run's release: a round figure of what a typical run releases.
 *
 * @param series - The strategy's `stockpile` series of the material.
 * @param windows - The reference's events on the material, calendar years.
 * @param overview - The strategy's scenario (which form it holds the material in).
 * @returns The release, or undefined without a stock held when the events began or without events.
 * @example
 * computeComparedRelease(stock, [{ start: 2026, end: 2027.5 }], overview)?.released; // 33
 */
export function computeComparedRelease(series: OverTimeSeriesData, windows: ReadonlyArray<{ start: number; end: number }>, overview: ScenarioOverview | undefined): ComparedRelease | undefined {
  if (windows.length === 0 || series.year.length === 0) return undefined;
  const start = Math.min(...windows.map((w) => w.start));
  const end = Math.max(...windows.map((w) => w.end));
  const before = series.year.reduce((last, year, i) => (year < start ? i : last), -1);
  const held = series.median[Math.max(0, before)];
  if (!(held > 0)) return undefined;
  let lowest = held;
  series.year.forEach((year, i) => {
    if (year >= start && year < end && Number.isFinite(series.median[i])) lowest = Math.min(lowest, series.median[i]);
  });
  const forms = (overview?.events ?? []).filter((e) => e.kind === 'stockpile' && e.fields.material === series.material).map((e) => e.fields.stage);
  return { material: series.material, held, released: Math.max(0, held - lowest), refinedOnly: forms.length > 0 && forms.every((stage) => stage !== 'manufacturing') };
}

/**
 * `Dysprosium oxide stockpile released during the events: 2.1 t of 65.4 t held (3%)`, and for a refined
 * stockpile that released under 20% of its stock, why (docs/model.md G10: it sells only to its own
 * region's manufacturers).
 *
 * @param releases - From {@link computeComparedRelease}, one per material.
 * @param materialName - Maps material ids to names.
 * @returns The sentence, or '' without any release figure.
 * @example
 * describeComparedRelease([release], name); // 'Released during the events: NdPr oxide 33 t of 1,315 t held (3%) …'
 */
export function describeComparedRelease(releases: readonly ComparedRelease[], materialName: (id: string) => string): string {
  if (releases.length === 0) return '';
  const parts = releases.map((r) => `${materialName(r.material)} ${formatTonnes(r.released, chooseMassUnit([r.held]))} of ${formatTonnes(r.held, chooseMassUnit([r.held]))} held (${formatPercent(r.released / r.held)})`);
  const little = releases.some((r) => r.refinedOnly && r.released < LITTLE_COMPARED_RELEASE_SHARE * r.held);
  const why = little
    ? ' A refined (oxide) stockpile releases only into its own region’s refined market, to its manufacturers: it reaches end users only through what they make, and is not sold abroad (docs/model.md, gap G10).'
    : '';
  return `Released during the events (median run): ${parts.join('; ')}.${why}`;
}
