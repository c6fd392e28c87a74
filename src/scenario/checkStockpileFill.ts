import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { formatCalendarDate } from './parseTime.ts';
import type { ProblemSink } from './problemSink.ts';

/** Event kinds that disrupt supply or demand: threats and shocks (as src/report/describeEvent.ts sorts them). */
const DISRUPTION_KINDS = new Set(['exportControl', 'technologyBan', 'priceManipulation', 'cyberattack', 'disinformation', 'mineAcquisition', 'demandShock', 'outage']);

/** A disruption's id and start (years since the run's start). */
interface Disruption {
  id: string;
  start: number;
}

/** How a tick reads in messages: `week` at 52 ticks a year, `month` at 12, else `tick`. */
function tickName(ticksPerYear: number): string {
  return ticksPerYear === 52 ? 'week' : ticksPerYear === 12 ? 'month' : 'tick';
}

/** `n` ticks in words: `86 weeks`, `1 month`. */
function ticksText(n: number, ticksPerYear: number): string {
  return `${n} ${tickName(ticksPerYear)}${n === 1 ? '' : 's'}`;
}

/** A share as a percentage for messages (`10%`, `12.5%`). */
function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

/** The first disruption within the run that can touch `material`: one on that material, or on no single material. */
function firstDisruption(events: PlainMap, material: unknown, years: number): Disruption | undefined {
  let first: Disruption | undefined;
  for (const [id, event] of Object.entries(events)) {
    if (!isPlainMap(event) || typeof event.kind !== 'string' || !DISRUPTION_KINDS.has(event.kind)) continue;
    if (event.material !== undefined && event.material !== material) continue;
    const { start } = event;
    if (typeof start !== 'number' || start >= years) continue;
    if (first === undefined || start < first.start) first = { id, start };
  }
  return first;
}

/**
 * Warns about every stockpile that buys towards a target (doctrines daysOfConsumption and shortfall)
 * and cannot be full when the first disruption of its material starts. The engine buys at most
 * `maxBuyShare` of a tick's consumption per tick (a tick is 365 / ticksPerYear days), so the stock
 * rises by `maxBuyShare × 365 / ticksPerYear` days of consumption a tick, and the target (less any
 * `initialDays`) takes `(targetDays − initialDays) / (maxBuyShare × 365 / ticksPerYear)` ticks to
 * reach: 60 days at 10% takes 86 weeks. That is a lower bound: the stockpile also stops buying while
 * the price is above 1.5× base. A disruption counts when it is on the stockpile's material or on no
 * single material, starts within the run and after the stockpile does; times or quantities given as
 * distributions are not checked. The warning is at `maxBuyShare` (at the event when it was not written).
 *
 * @param tree - The converted authoring tree with defaults (times in years since 1 January of `startYear`).
 * @param warnings - Where the located warnings go.
 * @example
 * checkStockpileFill(tree, warningSink); // events.usStock.maxBuyShare: expected a stockpile full when the first disruption starts (…), found …
 */
export function checkStockpileFill(tree: PlainMap, warnings: ProblemSink): void {
  const { startYear, years, events } = tree;
  const ticksPerYear = typeof tree.ticksPerYear === 'number' ? tree.ticksPerYear : 52;
  if (typeof startYear !== 'number' || typeof years !== 'number' || !isPlainMap(events) || !(ticksPerYear > 0)) return;
  const daysPerTick = 365 / ticksPerYear;
  for (const [id, event] of Object.entries(events)) {
    if (!isPlainMap(event) || event.kind !== 'stockpile' || event.doctrine === 'release') continue;
    const { start, targetDays, maxBuyShare } = event;
    const initialDays = event.initialDays ?? 0;
    if (typeof start !== 'number' || typeof targetDays !== 'number' || typeof maxBuyShare !== 'number' || typeof initialDays !== 'number') continue;
    const missingDays = targetDays - initialDays;
    if (!(missingDays > 0) || !(maxBuyShare > 0)) continue;
    const disruption = firstDisruption(events, event.material, years);
    if (disruption === undefined || disruption.start <= start) continue;
    // Float noise: 52 weeks of 365/52 days must not read as 52.0000001.
    const fillTicks = Math.ceil(missingDays / (maxBuyShare * daysPerTick) - 1e-9);
    const leadTicks = Math.round((disruption.start - start) * ticksPerYear);
    if (fillTicks <= leadTicks) continue;
    const path = ['events', id, 'maxBuyShare'];
    const unit = tickName(ticksPerYear);
    const target = `${Number(targetDays.toPrecision(4))}-day target${initialDays > 0 ? ` (${Number(initialDays.toPrecision(4))} days held at the start)` : ''}`;
    const given = warnings.isWritten(path) ? percent(maxBuyShare) : `${percent(maxBuyShare)} (the default)`;
    const full = formatCalendarDate(Math.ceil((start + fillTicks / ticksPerYear) * 12 - 1e-9) / 12, startYear);
    const needed = leadTicks > 0 ? Math.ceil((missingDays / (leadTicks * daysPerTick)) * 100 - 1e-9) / 100 : undefined;
    const raise = needed !== undefined && needed <= 1 ? `raise maxBuyShare to ${percent(needed)} or more, or start earlier` : 'start earlier';
    warnings.add(
      path,
      `a stockpile full before its material's first disruption (events.${disruption.id} from ${formatCalendarDate(disruption.start, startYear)}, ${ticksText(leadTicks, ticksPerYear)} after the stockpile starts)`,
      `${given} of a ${unit}'s consumption a ${unit}: the ${target} takes about ${ticksText(fillTicks, ticksPerYear)} (full about ${full} at the earliest)`,
      `${raise}; buying also pauses while the price is above 1.5× base`,
    );
  }
}
