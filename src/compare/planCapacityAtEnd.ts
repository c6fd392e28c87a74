/**
 * The two parts of the secure-supply ratio at the run's end, kept per replicate so that a comparison
 * can tell a ratio that fell because capacity fell from one that fell because home demand rose
 * (audit 24, H3: "lower only because demand rose" was printed where processing capacity itself was
 * lower). The engine's summary `finalSecureSupplyShare` is home and allied capacity (t/yr) over home
 * end-use demand (t/yr) at the last tick (sim-core/record/recordTick.ts); its numerator and
 * denominator are not summaries, so the compare worker reads them from the per-tick series before it
 * drops them, and the comparison adds them as two more compared metrics:
 * `finalSecureCapacity.<material>.<stage>` (t/yr, home and allied regions) and
 * `finalHomeDemand.<material>.endUse.<home>` (t/yr).
 */
import type { CompiledScenario, SeriesKey } from '../../sim-core/index.ts';

/** The capacity stages of the secure-supply ratio, in the engine's order. */
const CAPACITY_STAGES = ['mining', 'processing', 'manufacturing', 'recycling'] as const;

/** One kept value: its summary key and the layout series rows summed at the last tick, times a factor. */
export interface CapacityAtEndValue {
  key: SeriesKey;
  rows: number[];
  /** 1 for capacity (t/yr already), 52 for demand (t/week to t/yr). */
  factor: number;
}

/**
 * What to keep for each target material: per capacity stage, the home and allied regions' capacity
 * at the last tick; then home end-use demand at the last tick, per year. Rows are found by key, so an
 * arm without a material keeps NaN for it (no rows).
 *
 * @param compiled - The arm.
 * @param materials - The materials to follow (the comparison's over-time targets).
 * @returns The values, in the order {@link extractCapacityAtEnd} writes them.
 * @example
 * planCapacityAtEnd(compiled, ['ndpr']).map((v) => v.key.metric); // ['finalSecureCapacity' ×4, 'finalHomeDemand']
 */
export function planCapacityAtEnd(compiled: Pick<CompiledScenario, 'layout' | 'spec'>, materials: readonly string[]): CapacityAtEndValue[] {
  const { layout, spec } = compiled;
  const home = spec.government.region;
  // Alignment is fixed for a run (set from the scenario), as the engine's ratio reads it.
  const secure = new Set(spec.regions.filter((r) => r.alignment === 'home' || r.alignment === 'ally').map((r) => r.id));
  const rowsOf = (metric: string, material: string, stage: string, inRegion: (region: string) => boolean): number[] =>
    layout.series.flatMap((k, row) => (k.metric === metric && k.material === material && k.stage === stage && inRegion(k.region) ? [row] : []));
  return materials.flatMap((material): CapacityAtEndValue[] => [
    ...CAPACITY_STAGES.map((stage) => ({
      key: { metric: 'finalSecureCapacity', material, stage, region: '', unit: 't/yr' },
      rows: rowsOf('capacity', material, stage, (r) => secure.has(r)),
      factor: 1,
    })),
    { key: { metric: 'finalHomeDemand', material, stage: 'endUse', region: home, unit: 't/yr' }, rows: rowsOf('demand', material, 'endUse', (r) => r === home), factor: 52 },
  ]);
}

/**
 * A replicate's values of the plan at the last tick (NaN for a value without rows).
 *
 * @param plan - From {@link planCapacityAtEnd}.
 * @param series - The replicate's series (row-major: row × ticks).
 * @param ticks - Ticks per row.
 * @returns One value per planned value.
 * @example
 * extractCapacityAtEnd(plan, result.series, layout.ticks)[0]; // NdPr mining capacity of the home and allied regions, t/yr
 */
export function extractCapacityAtEnd(plan: readonly CapacityAtEndValue[], series: Float64Array, ticks: number): Float64Array {
  return Float64Array.from(plan, ({ rows, factor }) => (rows.length === 0 ? NaN : rows.reduce((sum, row) => sum + series[row * ticks + ticks - 1], 0) * factor));
}
