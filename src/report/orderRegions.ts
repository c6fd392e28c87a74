import type { RegionOverview } from './readScenarioOverview.ts';

const ALIGNMENT_ORDER = ['home', 'ally', 'neutral', 'adversary'];

/**
 * Orders regions for the report: the home region first, then allies, neutral regions and the
 * adversary; ties keep the scenario's order.
 *
 * @param regions - Regions as in the scenario.
 * @returns A new array in report order.
 * @example
 * orderRegions(overview.regions).map((r) => r.id); // ['US', 'ALLIES', 'ROW', 'CN']
 */
export function orderRegions(regions: readonly RegionOverview[]): RegionOverview[] {
  const rank = (region: RegionOverview): number => {
    const index = ALIGNMENT_ORDER.indexOf(region.alignment);
    return index < 0 ? ALIGNMENT_ORDER.length : index;
  };
  return regions.map((region, index) => ({ region, index }))
    .sort((a, b) => rank(a.region) - rank(b.region) || a.index - b.index)
    .map(({ region }) => region);
}
