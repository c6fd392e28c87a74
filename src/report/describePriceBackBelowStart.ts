import { formatMultiple } from './formatMultiple.ts';
import { PRODUCT } from './computeHeadlineResults.ts';
import type { FanPanelPlan } from './planFanPanels.ts';
import { formatLastMonthBefore, formatScenarioDate } from './formatScenarioDate.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { seriesKey, type SeriesFan } from './readSeriesCsv.ts';

/** A price counts as having spiked once its median reaches this multiple of its start. */
const SPIKE = 1.2;

/**
 * A note under a material's fan charts when the home region's median price, having spiked (≥ 1.2×
 * its start) since an event on the material was announced or began, falls back below its starting
 * level while that event is still in force: `The median refined price of NdPr oxide in the United
 * States falls back below its starting level in Oct 2026, while an event on it is in force (until Jul
 * 2027). …`. A reader otherwise takes a price under its start mid-quota for an error (user audit,
 * session 20). '' when it does not happen, or without the series.
 *
 * @param plan - The material's fan panels (its price chart and event windows).
 * @param fans - series.csv's fans.
 * @param homeRegion - The home region's id.
 * @param homeName - The home region's name in a sentence (`the United States`).
 * @returns The note (plain text), or ''.
 * @example
 * describePriceBackBelowStart(plan, fans, 'US', 'the United States');
 */
export function describePriceBackBelowStart(plan: FanPanelPlan, fans: ReadonlyMap<string, SeriesFan>, homeRegion: string, homeName: string): string {
  const chart = plan.rows.flatMap((row) => row.charts).find((c) => c.series.metric === 'price' && c.series.region === homeRegion);
  const fan = chart === undefined ? undefined : fans.get(seriesKey(chart.series));
  if (chart === undefined || fan === undefined || fan.p50.length === 0) return '';
  const start = fan.p50[0];
  if (!(start > 0)) return '';
  for (const window of plan.eventWindows) {
    if (window.throughout) continue;
    const from = window.announced !== undefined && window.announced < window.start ? window.announced : window.start;
    let spiked = false;
    for (let t = 0; t < fan.year.length; t++) {
      const year = fan.year[t];
      if (year < from || year >= window.end) continue;
      if (fan.p50[t] >= SPIKE * start) spiked = true;
      else if (spiked && year >= window.start && fan.p50[t] < start) {
        const firstYear = Math.floor(fan.year[0]);
        const product = PRODUCT[chart.series.stage];
        return `The median ${product === undefined ? '' : `${product} `}price of ${plan.materialName} in ${homeName} falls back below its starting level in ${formatScenarioDate(firstYear, year - firstYear)}, ` +
          `while an event on it is still in force${window.openEnded ? '' : ` (through ${formatLastMonthBefore(firstYear, window.end - firstYear)})`}. ` +
          describeOtherStagesStillHigh(plan, fans, homeRegion, chart.series.stage, year, window.end, firstYear) +
          'Prices in this model follow how well stocks cover demand (docs/model.md, clearMarkets): once end users have cut their use (their price response and thrift) ' +
          'to what still flows, the price falls back, the event notwithstanding. Rare-earth prices did likewise in 2011–12 while China’s quotas stayed (docs/validation.md, VC-1).';
      }
    }
  }
  return '';
}

/**
 * For each other struck stage's price of the material drawn in the panel (components beside refined
 * under a magnet quota) whose home median is well above its start (≥ 1.2×) at some time between the
 * quoted price's fall and the event's end: `The median price of magnets containing NdPr oxide
 * (manufacturing) there, which an event also strikes, does not fall back: 0.93× its start then, it
 * peaks at 4.5× in Nov 2026 and stays above 1.2× until Sep 2027. `; '' for none. Without it a reader
 * takes "the price falls back" for what end users pay (user audit 24, H1).
 */
function describeOtherStagesStillHigh(plan: FanPanelPlan, fans: ReadonlyMap<string, SeriesFan>, homeRegion: string, quoted: string, year: number, until: number, firstYear: number): string {
  const others = plan.rows.flatMap((row) => row.charts).filter((c) => c.series.metric === 'price' && c.series.region === homeRegion && c.series.stage !== quoted);
  return others.map((other) => {
    const fan = fans.get(seriesKey(other.series));
    const start = fan?.p50[0] ?? NaN;
    if (fan === undefined || !(start > 0)) return '';
    const at = fan.year.findIndex((y) => y >= year);
    if (at < 0) return '';
    // Its peak between the quoted price's fall and the event's end, then the first week after the peak below the spike level.
    let peak = at;
    for (let t = at; t < fan.year.length && fan.year[t] < until; t++) if (fan.p50[t] > fan.p50[peak]) peak = t;
    if (!(fan.p50[peak] >= SPIKE * start)) return '';
    let below = peak;
    while (below < fan.year.length && fan.p50[below] >= SPIKE * start) below++;
    const date = (y: number): string => formatScenarioDate(firstYear, y - firstYear);
    const stays = below >= fan.year.length ? 'stays above it to the end of the run' : `stays above ${formatMultiple(SPIKE)} its start until ${date(fan.year[below])}`;
    // "Does not fall back" only when it is not below its start then: it may still be, and rise after (review 24).
    const then = fan.p50[at] / start;
    const lead = then >= 1 ? 'does not fall back' : `is ${formatMultiple(then)} its start then, but rises after`;
    return `The median price of ${describeStageProduct(plan.materialId, plan.materialName, other.series.stage)} there, which an event also strikes, ${lead}: ` +
      `${then >= 1 ? `${formatMultiple(then)} its start then, ` : ''}it peaks at ${formatMultiple(fan.p50[peak] / start)} in ${date(fan.year[peak])} and ${stays}. `;
  }).join('');
}

