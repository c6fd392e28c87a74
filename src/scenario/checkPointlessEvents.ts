import { asPercent } from './checkBareNumbers.ts';
import type { TreePath } from './fieldRules.ts';
import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { formatCalendarDate } from './parseTime.ts';
import type { ProblemSink } from './problemSink.ts';

/**
 * Prices stay within this multiple of their base price (sim-core/phases/formPrices.ts clamps them to
 * [1%, 1000×] of base): a stockpile's `releasePriceMultiple` at or above it never triggers.
 */
export const PRICE_CEILING_MULTIPLE = 1000;

/** Regulatory instruments: a running cost paid from an optional budget; they lapse once it is spent (sim-core/phases/fundRunningCost.ts). */
const REGULATORY_KINDS = new Set(['tariff', 'friendShoring', 'permittingReform', 'recyclingMandate']);

/** Why a budget of 0 stops an event of each kind before it acts, and what to write instead. */
const NO_BUDGET: Readonly<Record<string, string>> = {
  subsidy: 'a subsidy pays from its budget and is out of force once it is spent, so with none it never acts; give the money available, or leave budgetUsd out for the default 1 bn USD',
  priceManipulation: 'the price cut is paid from the budget and stops once it is spent, so with none it never cuts; give the money available, or leave budgetUsd out for the default 2 bn USD',
};
const REGULATORY_NO_BUDGET = 'an instrument lapses once its budget is spent, even with no running cost, so with none it never acts; leave budgetUsd out (no limit) or give the money available for its costUsdPerYear';

/**
 * Whether the value at `path` is one number in every run, as far as its positions tell: not a
 * distribution written in a file, and not inside a map a command-line override wrote whole (whose
 * keys have no positions of their own). A default (written nowhere) is one number.
 */
export function isFixed(path: TreePath, warnings: ProblemSink): boolean {
  if (warnings.isWritten([...path, 'dist'])) return false;
  if (warnings.textAt(path) !== undefined) return true;
  if (warnings.isWritten(path)) return false;
  for (let n = path.length - 1; n >= 1; n--) if (warnings.overrideTextAt(path.slice(0, n)) !== undefined) return false;
  return true;
}

/** The number at `key` of `event` (`events.<id>.<key>`) when it is fixed in every run, else undefined. */
function fixedNumber(id: string, event: PlainMap, key: string, warnings: ProblemSink): number | undefined {
  const value = event[key];
  return typeof value === 'number' && isFixed(['events', id, key], warnings) ? value : undefined;
}

/** The stock a stockpile event holds: refined material, or components for `stage: manufacturing` (sim-core stockpileForm). */
function stockpileForm(event: PlainMap): string {
  return event.stage === 'manufacturing' ? 'components' : 'refined';
}

/**
 * Whether another event can put stock into, or take it out of, the stock `event` (id `id`) holds:
 * another stockpile of the same material, region and form (the last one in force acts on the stock),
 * or an offtake subsidy on that material and region (offtake goes into the refined stockpile).
 */
function sharesItsStock(id: string, event: PlainMap, events: PlainMap): boolean {
  return Object.entries(events).some(([other, e]) => other !== id && isPlainMap(e) && e.material === event.material && e.region === event.region
    && ((e.kind === 'stockpile' && stockpileForm(e) === stockpileForm(event)) || (e.kind === 'subsidy' && e.mode === 'offtake')));
}

/**
 * `budgetUsd: 0` on an event whose budget bounds what it does: a subsidy or price manipulation
 * is out of force and a regulatory instrument lapses with its budget spent (so from the start); a
 * stockpile buys nothing, which leaves it nothing to release unless it holds stock at the start
 * (`initialDays`) or shares its stock with another event. A workforce programme's budget is its cost,
 * paid when it starts, not a limit: 0 is a free programme, not warned about.
 */
function checkZeroBudget(id: string, event: PlainMap, events: PlainMap, warnings: ProblemSink): void {
  if (fixedNumber(id, event, 'budgetUsd', warnings) !== 0) return;
  const path = ['events', id, 'budgetUsd'];
  const found = warnings.found(path, 0);
  if (typeof event.kind !== 'string') return;
  if (event.kind === 'stockpile') {
    const initialDays = event.initialDays === undefined ? 0 : fixedNumber(id, event, 'initialDays', warnings);
    if (initialDays !== 0 || sharesItsStock(id, event, events)) return;
    warnings.add(path, 'a budget above 0, or a stock held at the start (initialDays)', found,
      'a stockpile buys from its budget: with none and nothing held at the start it never holds anything to release; give the money available, leave budgetUsd out for the default 1 bn USD, or give initialDays for a stock held at the start');
    return;
  }
  const why = REGULATORY_KINDS.has(event.kind) ? REGULATORY_NO_BUDGET : Object.hasOwn(NO_BUDGET, event.kind) ? NO_BUDGET[event.kind] : undefined;
  if (why !== undefined) warnings.add(path, 'a budget above 0', found, why);
}

/**
 * A stockpile that can never release (docs/model.md §3, "Stockpile orders"): doctrines
 * daysOfConsumption and shortfall release when last tick's unmet demand exceeds
 * `releaseShortfallShare` of demand, which it never does at 100% (unmet demand is demand less what
 * was received); daysOfConsumption also into a price above `releasePriceMultiple` × base, which
 * never happens at {@link PRICE_CEILING_MULTIPLE} or more. Another stockpile event on the same
 * stock (a `release` doctrine later, say) may still sell it, so then nothing is said.
 */
function checkNeverReleases(id: string, event: PlainMap, events: PlainMap, warnings: ProblemSink): void {
  const doctrine = event.doctrine;
  if (doctrine !== 'daysOfConsumption' && doctrine !== 'shortfall') return;
  const share = fixedNumber(id, event, 'releaseShortfallShare', warnings);
  if (share === undefined || share < 1) return;
  const multiple = fixedNumber(id, event, 'releasePriceMultiple', warnings);
  if (doctrine === 'daysOfConsumption' && (multiple === undefined || multiple < PRICE_CEILING_MULTIPLE)) return;
  if (sharesItsStock(id, event, events)) return;
  const path = ['events', id, 'releaseShortfallShare'];
  const price = doctrine === 'daysOfConsumption'
    ? `, and prices stay within ${PRICE_CEILING_MULTIPLE}× base, so releasePriceMultiple ${multiple} never triggers either`
    : ', the only release of the shortfall doctrine';
  const instead = doctrine === 'daysOfConsumption' ? 'write a share below 100%, such as the default 5%, or a releasePriceMultiple below 1000, such as the default 1.5' : 'write a share below 100%, such as the default 5%';
  warnings.add(path, 'a release threshold below 100% of demand', warnings.found(path, share),
    `unmet demand never exceeds 100% of demand, so this stockpile never releases on shortfall${price}: it buys and holds its stock to the end; ${instead}`);
}

/** A recycling mandate at or below its material's base collection share: it raises collection to at least its share, so it changes nothing. */
function checkMandateBelowBase(id: string, event: PlainMap, materials: PlainMap, warnings: ProblemSink): void {
  const mandate = fixedNumber(id, event, 'collectionShare', warnings);
  const material = typeof event.material === 'string' ? materials[event.material] : undefined;
  if (mandate === undefined || !isPlainMap(material) || !isPlainMap(material.recycling)) return;
  const basePath = ['materials', event.material as string, 'recycling', 'collectionShare'];
  const base = material.recycling.collectionShare;
  if (typeof base !== 'number' || !isFixed(basePath, warnings) || mandate > base) return;
  const path = ['events', id, 'collectionShare'];
  warnings.add(path, `a collection share above ${event.material}'s base ${asPercent(base)} (${basePath.join('.')})`, warnings.found(path, mandate),
    `a mandate raises collection to at least its share, so at or below the base it changes nothing but its running cost; write a share above ${asPercent(base)}`);
}

/**
 * A workforce programme whose graduates arrive (from `start + lagYears`, sim-core applyActiveEvent)
 * only after the run ends or the programme does: it adds no engineer in the run. A programme that
 * starts after the run ends is left to checkEventHorizons.
 */
function checkLateGraduates(id: string, event: PlainMap, nominal: PlainMap, warnings: ProblemSink): void {
  const { years, startYear } = nominal;
  const perYear = typeof nominal.ticksPerYear === 'number' ? nominal.ticksPerYear : 52;
  const start = fixedNumber(id, event, 'start', warnings);
  const lag = fixedNumber(id, event, 'lagYears', warnings);
  const end = event.end === undefined ? Infinity : fixedNumber(id, event, 'end', warnings);
  if (typeof years !== 'number' || typeof startYear !== 'number' || start === undefined || lag === undefined || end === undefined) return;
  // Wholly outside the run: checkEventHorizons says so.
  if (start >= years || end <= 0) return;
  // As sim-core counts ticks: graduates from tick round((start + lag) · tpy), while the programme is in force and the run lasts.
  const firstTick = Math.round((start + lag) * perYear);
  const runTicks = Math.round(years * perYear);
  const endTick = end === Infinity ? runTicks : Math.max(Math.floor(start * perYear + 1e-9) + 1, Math.ceil(end * perYear - 1e-9));
  if (firstTick < Math.min(runTicks, endTick)) return;
  const runEnds = endTick < runTicks ? `the programme ends in ${formatCalendarDate(end, startYear)}` : `the run ends in ${formatCalendarDate(years, startYear)}`;
  const path = ['events', id, 'lagYears'];
  const limit = Math.min(years, end) - start;
  warnings.add(path, `graduates before ${runEnds.replace(/ in .*/, '')}`, warnings.found(path, lag),
    `graduates arrive from ${formatCalendarDate(start + lag, startYear)}, after ${runEnds}: the programme adds no engineer in the run, and still costs its budget; write a lagYears below ${Number(limit.toPrecision(4))} years, or a longer run: more years`);
}

/**
 * Warns about events that are valid but do nothing (audit 25, M3): a budget of 0 that stops the event
 * before it acts, a stockpile that can never release, a recycling mandate at or below its
 * material's base collection share, a workforce programme whose graduates all arrive after the run
 * (or the programme) ends. Values drawn from a
 * distribution are not judged (some draws may act).
 *
 * @param nominal - The resolved tree (canonical units, defaults applied, distributions at their centre).
 * @param warnings - Where the located warnings go (its positions tell written values from distributions).
 * @example
 * checkPointlessEvents(nominal, warnings); // events.s.budgetUsd: expected a budget above 0, found 0 (a subsidy pays from its budget …)
 */
export function checkPointlessEvents(nominal: PlainMap, warnings: ProblemSink): void {
  const { events, materials } = nominal;
  if (!isPlainMap(events) || !isPlainMap(materials)) return;
  for (const [id, event] of Object.entries(events)) {
    if (!isPlainMap(event)) continue;
    checkZeroBudget(id, event, events, warnings);
    if (event.kind === 'stockpile') checkNeverReleases(id, event, events, warnings);
    if (event.kind === 'recyclingMandate') checkMandateBelowBase(id, event, materials, warnings);
    if (event.kind === 'workforceProgramme') checkLateGraduates(id, event, nominal, warnings);
  }
}
