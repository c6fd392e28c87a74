import { formatNumber } from './formatNumber.ts';

/** Words for the last part of a scenario path, where camelCase splitting reads badly. */
const WORDS: Record<string, string> = {
  growthPerYear: 'growth per year', maxThrift: 'maximum thrifting', elasticityShortRun: 'short-run elasticity',
  elasticityLongRun: 'long-run elasticity', reversalProbability: 'probability of reversing a policy', quotaShare: 'quota share',
  byRegion: 'by region', capacityByRegion: 'capacity by region', basePriceUsdPerTonne: 'base price',
};
const ROOTS: Record<string, string> = { government: 'Government', foreignActor: 'Foreign actor', behaviour: 'Behaviour', market: 'Market' };

/**
 * A scenario parameter path in words for charts and text: `materials.ndpr.demand.growthPerYear`
 * → `NdPr oxide: demand growth per year`; `events.cnQuotaNdpr.duration` → `cnQuotaNdpr: duration`.
 *
 * @param path - Dotted scenario path as `sweep` writes it.
 * @param materialName - Maps material ids to names.
 * @returns The label.
 * @example
 * describeParameter('government.reversalProbability', (id) => id); // 'Government: probability of reversing a policy'
 */
export function describeParameter(path: string, materialName: (id: string) => string = (id) => id): string {
  const parts = path.split('.');
  const words = (rest: string[]): string => rest.map((p) => WORDS[p] ?? p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()).join(' ');
  if (parts[0] === 'materials' && parts.length > 2) return `${materialName(parts[1])}: ${words(parts.slice(2))}`;
  if ((parts[0] === 'events' || parts[0] === 'regions') && parts.length > 2) return `${parts[1]}: ${words(parts.slice(2))}`;
  if (ROOTS[parts[0]] !== undefined && parts.length > 1) return `${ROOTS[parts[0]]}: ${words(parts.slice(1))}`;
  return words(parts);
}

/**
 * A parameter value as people read it: growth rates as `4.95%/yr`, shares and probabilities
 * (`…Share`, `…Probability`, `maxThrift`, `…Rate`) as percentages, other numbers to three
 * significant digits, text (e.g. `25%`, `12 months`) as written.
 *
 * @param path - The parameter's path (its last part decides the format).
 * @param value - The value.
 * @returns The formatted value.
 * @example
 * formatParameterValue('materials.ndpr.demand.growthPerYear', 0.0495); // '4.95%/yr'
 */
export function formatParameterValue(path: string, value: number | string): string {
  if (typeof value !== 'number') return value;
  if (!Number.isFinite(value)) return 'n/a';
  const last = path.split('.').at(-1) ?? '';
  const percent = (): string => `${formatNumber(value * 100)}%`.replace(/^-/, '−');
  if (/growthPerYear$/i.test(last)) return `${percent()}/yr`;
  if (/(Share|Probability|Rate|Thrift)$/i.test(last) || last === 'rate') return percent();
  return formatNumber(value).replace(/^-/, '−');
}
