/**
 * How much each export control restricted: the exporter's exports of the controlled market (to the
 * destinations it covers) over the control's weeks, as scripted and in the same weeks without the disruptive events at its stage
 * (so a control on magnets stays in force when one on oxide is measured), and, for a quota, the weeks it bound (audit 20, M3: an oxide-only quota barely binds, and nothing said so).
 */
import { compileEvents, type ResultLayout, type ScenarioSpec, TRADED_STAGES } from '../../sim-core/index.ts';
import { computePairedDifference } from '../compare/computePairedDifference.ts';
import { eventId } from './findStageDisruptions.ts';
import type { ImpactStatistic } from './measureDisruptionImpact.ts';
import { type DisruptionWindow, withDrawnRange } from './windowPeaks.ts';

/** What impact.json states of one export control (`exportControls`). */
export interface ExportControlImpact {
  event: string;
  mode: 'quota' | 'licensing' | 'ban';
  material: string;
  stage: string;
  exporter: string;
  /** The importers it covers; absent when it covers all. */
  destinations?: string[];
  /** quota: allowed exports as a share of the exporter's exports in the year before it (absent with `quotaTonnesPerYear`). */
  quotaShare?: number;
  /** quota: allowed exports as a fixed tonnage, t/yr (absent for a share). */
  quotaTonnesPerYear?: number;
  /** licensing: the share of orders approved. */
  approvalRate?: number;
  /** Its own weeks [start, end), at the nominal event times; `drawn` when runs draw their own. */
  window: DisruptionWindow;
  /** Weeks in its window, the mean over the paired runs. */
  weeks: number;
  /**
   * quota: the weeks in which it bound (held shipments below what the exporter's offers allowed:
   * the `exportQuotaWeeksBinding` summary), over the paired runs as scripted.
   */
  weeksBinding?: { mean: number; min: number; max: number; runsBound: number; n: number };
  /**
   * quota: the tonnes its ceiling allowed over its weeks (quotaShare × the exporter's exports to the
   * destinations it covers in the year before it, or its fixed tonnage: the `exportQuotaAllowedTonnes`
   * summary), mean over the paired runs as scripted.
   */
  allowed?: number;
  /**
   * quota: the quota rent its buyers abroad paid over the run (to the exporter's government, while it
   * bound: the `exportQuotaRentUsd` summary), USD, mean over the paired runs as scripted.
   */
  rentUsd?: number;
  /** The events removed in the counterfactual `exports` compares with: every disruptive event at the control's stage (its own among them). */
  without: string[];
  /** The destinations `exports` counts, for a control that lists some: its own list (absent: every destination; and in files before session 24, whose `exports` were to every destination). */
  exportsTo?: string[];
  /**
   * The exporter's exports of the material at the stage, to every destination or, for a control that
   * lists `destinations`, to those only, summed over the control's weeks (each run's own), t: as
   * scripted against the same weeks without the disruptive
   * events at its stage (`without`; impact.json's arm for that stage), paired run by run.
   */
  exports: ImpactStatistic;
}

/** An export control and the market segment (material × 3 + traded stage) × regions + exporter it restricts. */
interface ControlTarget {
  event: number;
  segment: number;
}

/**
 * Every `exportControl` event of the scenario (any mode), with the segment it restricts, in event order.
 *
 * @param spec - The resolved scenario.
 * @returns The controls.
 */
function exportControlTargets(spec: ScenarioSpec): ControlTarget[] {
  const R = spec.regions.length;
  return spec.events.flatMap((event, i) => {
    if (event.kind !== 'exportControl') return [];
    const m = spec.materials.findIndex((x) => x.id === event.material);
    const r = spec.regions.findIndex((x) => x.id === event.exporter);
    return [{ event: i, segment: (m * 3 + TRADED_STAGES.indexOf(event.stage)) * R + r }];
  });
}

/**
 * The exports impact.json keeps of one export control per run (computeImpactExtras): its market
 * segment's, to every destination, or, for a control that lists `destinations`, to those only
 * (region indices, the exporter left out), which the scripted run records as the control's
 * `exportsToDestinations` series (`seriesKey`) and a run without the control gives route by route
 * (`tradeFlow`).
 */
export interface ExportFlow {
  /** Material × 3 + traded stage, × regions + exporter. */
  segment: number;
  /** Destination regions' indices in region order, or null for every destination. */
  destinations: number[] | null;
  /** The control's `exportsToDestinations` series key (metric, material, stage, region = event id); null for every destination. */
  seriesKey: { metric: string; material: string; stage: string; region: string } | null;
}

/**
 * Per export control of the scenario as scripted, in event order, the exports impact.json keeps of
 * each run: every arm keeps the same list (the counterfactuals have no controls of their own).
 *
 * @param spec - The resolved scenario as scripted.
 * @returns One flow per `exportControl` event.
 * @example
 * exportControlFlows(spec); // [{ segment: 7, destinations: null, seriesKey: null }, { segment: 12, destinations: [5], seriesKey: {…} }]
 */
export function exportControlFlows(spec: ScenarioSpec): ExportFlow[] {
  return exportControlTargets(spec).map(({ event, segment }) => {
    const control = spec.events[event];
    if (control.kind !== 'exportControl' || control.destinations === undefined) return { segment, destinations: null, seriesKey: null };
    const exporter = spec.regions.findIndex((x) => x.id === control.exporter);
    const destinations = spec.regions.flatMap((region, d) => (d !== exporter && control.destinations!.includes(region.id) ? [d] : []));
    return { segment, destinations, seriesKey: { metric: 'exportsToDestinations', material: control.material, stage: control.stage, region: control.id ?? `event${event + 1}` } };
  });
}

/** Whether any control's exports are kept to some destinations only: the runs without it then record every route (`tradeFlow`). */
export function needsRouteExports(flows: readonly ExportFlow[]): boolean {
  return flows.some((flow) => flow.destinations !== null);
}

/** Inputs of {@link measureExportControls}. */
export interface ExportControlInputs {
  spec: ScenarioSpec;
  layout: ResultLayout;
  /** Per paired run, its sampled scenario (its own event times). */
  sampled: readonly ScenarioSpec[];
  /** Per paired run as scripted, its summaries (the layout's). */
  summaries: readonly Float64Array[];
  /** Per paired run as scripted, the weekly exports of each of `exportControlFlows(spec)` (T values each). */
  exportsWith: readonly Float64Array[];
  /** The counterfactual for a control at `stage`: the events it removes and, per paired run, its exports as `exportsWith`. */
  counterfactual: (stage: string) => { events: string[]; exports: readonly Float64Array[] };
}

/**
 * Measures, per export control, its weeks, the weeks a quota bound and the exporter's exports in
 * its weeks with and without the disruptions (see {@link ExportControlImpact}).
 *
 * @param inputs - The scenario, the paired runs' summaries and kept exports, and each stage's counterfactual.
 * @returns One record per `exportControl` event, in event order.
 * @example
 * measureExportControls(inputs)[0].exports.mean; // −8,100 t: what a magnet quota held back
 */
export function measureExportControls(inputs: ExportControlInputs): ExportControlImpact[] {
  const { spec, layout, sampled } = inputs;
  const T = layout.ticks;
  const weeksPerTick = 52 / spec.ticksPerYear;
  return exportControlTargets(spec).map(({ event }, index) => {
    const control = spec.events[event];
    if (control.kind !== 'exportControl') throw new Error('measureExportControls: not an export control');
    const id = eventId(control, event);
    const at = index * T;
    const ticks = sampled.map((s) => controlTicks(s, event, T));
    const summed = (exports: readonly Float64Array[]) => Float64Array.from(exports, (values, r) => {
      let total = 0;
      for (let t = ticks[r][0]; t < ticks[r][1]; t++) total += values[at + t];
      return total * weeksPerTick;
    });
    const without = inputs.counterfactual(control.stage);
    const difference = computePairedDifference(summed(without.exports), summed(inputs.exportsWith), 'none');
    const window = (s: ScenarioSpec, [start, end]: [number, number]): DisruptionWindow => ({ startTick: start, endTick: end, fromYear: s.startYear + start / s.ticksPerYear, toYear: s.startYear + end / s.ticksPerYear });
    const summaryOf = (metric: string) => layout.summaries.findIndex((k) => k.metric === metric && k.region === (control.id ?? `event${event + 1}`) && k.material === control.material && k.stage === control.stage);
    const binding = summaryOf('exportQuotaWeeksBinding');
    const bound = binding < 0 ? [] : inputs.summaries.map((s) => s[binding]);
    const allowed = summaryOf('exportQuotaAllowedTonnes');
    const rent = summaryOf('exportQuotaRentUsd');
    const meanOf = (index: number) => inputs.summaries.reduce((sum, s) => sum + s[index], 0) / inputs.summaries.length;
    return {
      event: id, mode: control.mode, material: control.material, stage: control.stage, exporter: control.exporter,
      ...(control.destinations === undefined ? {} : { destinations: [...control.destinations] }),
      ...(control.mode !== 'quota' ? {} : control.quotaTonnesPerYear !== undefined ? { quotaTonnesPerYear: control.quotaTonnesPerYear } : { quotaShare: control.quotaShare ?? 1 }),
      ...(control.mode === 'licensing' ? { approvalRate: control.approvalRate ?? 1 } : {}),
      window: withDrawnRange(window(spec, controlTicks(spec, event, T)), sampled.map((s, r) => window(s, ticks[r]))),
      weeks: ticks.reduce((sum, [start, end]) => sum + (end - start), 0) * weeksPerTick / Math.max(1, ticks.length),
      ...(bound.length === 0 ? {} : {
        weeksBinding: { mean: bound.reduce((a, b) => a + b, 0) / bound.length, min: Math.min(...bound), max: Math.max(...bound), runsBound: bound.filter((w) => w > 0).length, n: bound.length },
      }),
      ...(allowed < 0 || inputs.summaries.length === 0 ? {} : { allowed: meanOf(allowed) }),
      ...(rent < 0 || inputs.summaries.length === 0 ? {} : { rentUsd: meanOf(rent) }),
      without: without.events,
      ...(control.destinations === undefined ? {} : { exportsTo: [...control.destinations] }),
      exports: { unit: 't', n: difference.n, meanWith: difference.meanB, meanWithout: difference.meanA, mean: difference.meanDifference, ciLow: difference.ciLow, ciHigh: difference.ciHigh },
    };
  });
}

/** The ticks [start, end) in which event `index` of `spec` acts, as the engine rounds them (compileEvents), within the run. */
function controlTicks(spec: ScenarioSpec, index: number, ticks: number): [number, number] {
  const compiled = compileEvents(spec, ticks)[index];
  return [Math.min(compiled.startTick, ticks), Math.min(compiled.endTick, ticks)];
}
