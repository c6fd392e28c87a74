import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatLastMonthBefore, formatScenarioDate } from './formatScenarioDate.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import type { StressEventRecord } from './readStressJson.ts';

const PRODUCTS: Record<string, string> = { mining: 'concentrate', processing: 'refined material', manufacturing: 'components such as magnets', recycling: 'recycling' };

/** How the standard disruptions are named and dated: region names and the scenario's first calendar year. */
export interface DisruptionContext {
  regionName: (id: string) => string;
  /** Calendar year of the run's start (dates as `Jan 2026`); NaN: years from the start instead. */
  startYear: number;
  /** The horizon the stress test ran, years. */
  horizonYears: number;
}

/**
 * A stage's standard disruption in words, from the events stress.json records for it (one per
 * material for export controls): what it is, how deep, when it is in force, and whether the horizon
 * cut it short (`createStageDisruption`: quotas of 1 − 0.5·s of previous exports for 18 months,
 * a component ban to the home region for 1.5·s years, a 5-year disinformation campaign, a cyberattack
 * on home recyclers). Events of a kind it does not know are named by their kind.
 *
 * @param events - The stage's events (stress.json `stages[].events`); none: `no disruption (score 0)`.
 * @param context - Names, start year and horizon.
 * @returns Plain text.
 * @example
 * describeStressDisruption(stress.get('endUse')?.events ?? [], { regionName, startYear: 2025, horizonYears: 10 });
 * // 'ban on China’s exports of components such as magnets to the United States (every material), Jan 2026 – Jun 2027 (1.5 years)'
 */
export function describeStressDisruption(events: readonly StressEventRecord[], context: DisruptionContext): string {
  if (events.length === 0) return 'no disruption (threat score 0)';
  const first = events[0];
  const f = first.fields;
  const every = events.length > 1 ? ' (every material)' : typeof f.material === 'string' ? ` (${f.material})` : '';
  const place = (id: unknown): string => regionWithArticle(context.regionName(String(id)));
  const end = Number.isFinite(first.end) ? first.end : first.start + (typeof f.downtimeYears === 'number' ? f.downtimeYears : NaN);
  const when = describeWindow(first.start, end, context);
  const actor = typeof f.exporter === 'string' ? `${context.regionName(f.exporter)}’s` : 'the foreign actor’s';
  const stage = typeof f.stage === 'string' ? f.stage : '';
  const product = PRODUCTS[stage] ?? stage;
  switch (first.kind) {
    case 'exportControl': {
      const to = Array.isArray(f.destinations) && f.destinations.length > 0 ? ` to ${f.destinations.map(place).join(', ')}` : '';
      if (f.mode === 'ban') return `ban on ${actor} exports of ${product}${to}${every}, ${when}`;
      if (f.mode === 'quota' && typeof f.quotaShare === 'number') return `export quota on ${actor} exports of ${product}${to}${every}: ${formatPercent(f.quotaShare)} of previous exports, ${when}`;
      return `export control (${String(f.mode ?? '')}) on ${actor} exports of ${product}${to}${every}, ${when}`;
    }
    case 'disinformation':
      return `disinformation campaign in ${place(f.region ?? '')}: permits take ${typeof f.durationMultiplier === 'number' ? formatNumber(f.durationMultiplier) : '?'}× as long, ${when}`;
    case 'cyberattack':
      return `cyberattack on ${stage === 'recycling' ? 'recyclers' : `${stage} plants`}${typeof f.region === 'string' ? ` in ${place(f.region)}` : ''}: ${typeof f.facilityShare === 'number' ? formatPercent(f.facilityShare) : '?'} of them down, ${when}`;
    default:
      return `${first.kind}${every}, ${when}`;
  }
}

/** `Jan 2026 – Jun 2027 (1.5 years)` (the end exclusive: the last month in force is named), and what the horizon did to it. */
function describeWindow(start: number, end: number, context: DisruptionContext): string {
  const date = (t: number): string => (Number.isFinite(context.startYear) ? formatScenarioDate(context.startYear, t) : `year ${formatNumber(t)}`);
  const lastMonth = (t: number): string => (Number.isFinite(context.startYear) ? formatLastMonthBefore(context.startYear, t) : `year ${formatNumber(t)}`);
  const years = (t: number): string => `${formatNumber(t)} ${t === 1 ? 'year' : 'years'}`;
  if (!Number.isFinite(end)) return `from ${date(start)}`;
  const base = `${date(start)} – ${lastMonth(end)} (${years(end - start)})`;
  const horizon = context.horizonYears;
  if (!Number.isFinite(horizon) || end <= horizon + 1e-9) return base;
  if (start >= horizon) return `${base}: starts after the ${years(horizon)} run ends, so it does nothing`;
  return `${base}, cut short by the horizon: in force only ${years(horizon - start)} of the ${years(horizon)} run`;
}
