/** One override of a sweep point: a scenario path (ids, as in `--set`) and its value as text (units allowed). */
export interface Assignment {
  path: string;
  value: string;
  /** What the command line called it, labelling the scenario's problems with this value: `--grid #2`, `--lhs range #1`. */
  label?: string;
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

/**
 * The labels of a point's overrides for the loader's messages, in {@link toSetOverrides} order
 * (undefined for an assignment without one, which is then called `--set #n`).
 *
 * @param point - The point.
 * @returns One label per assignment.
 * @example
 * toSetLabels([{ path: 'years', value: '3', label: '--grid #1' }]); // ['--grid #1']
 */
export function toSetLabels(point: SweepPoint): (string | undefined)[] {
  return point.map((assignment) => assignment.label);
}
