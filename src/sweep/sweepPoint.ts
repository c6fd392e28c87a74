/** One override of a sweep point: a scenario path (ids, as in `--set`) and its value as text (units allowed). */
export interface Assignment {
  path: string;
  value: string;
}

/** A point of a sweep design: one assignment per swept parameter, in parameter order. */
export type SweepPoint = readonly Assignment[];

/**
 * The `--set` overrides of a point, e.g. `['materials.ndpr.demand.growthPerYear=5%']`.
 *
 * @param point - The point.
 * @returns One `path=value` string per assignment.
 * @example
 * toSetOverrides([{ path: 'years', value: '3' }]); // ['years=3']
 */
export function toSetOverrides(point: SweepPoint): string[] {
  return point.map((assignment) => `${assignment.path}=${assignment.value}`);
}
