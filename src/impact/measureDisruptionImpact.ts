import { compileScenario, type ReplicateResult, type ResultLayout, sampleScenario, type ScenarioSpec, STAGES, type Stage, TRADED_STAGES, type TradedStage } from '../../sim-core/index.ts';
import { quotedPriceStage } from './quotedPriceStage.ts';
import { computeDifferenceToEnd } from '../compare/computeDifferenceToEnd.ts';
import { runScenarioArms } from '../compare/runScenarioArms.ts';
import { computePairedDifference } from '../compare/computePairedDifference.ts';
import { siblingModule } from '../runtime/moduleLocation.ts';
import { computeImpactMeasures, type ImpactMeasures, type MeasureTargets } from './computeImpactMeasures.ts';
import { disruptedStage, findStageDisruptions, removeEvents } from './findStageDisruptions.ts';
import { type DisruptionWindow, disruptionWindow, windowPeaks, withDrawnRange } from './windowPeaks.ts';
import { impactExtrasLayout, monthlyConsumptionPlan } from './computeImpactExtras.ts';
import { type ExportControlImpact, exportControlFlows, measureExportControls, needsRouteExports } from './measureExportControls.ts';
import { computeStressMeasures, type StressMeasures } from '../stress/computeStressMeasures.ts';
import { computeEndUserLoss } from '../stress/computeEndUserLoss.ts';
import { confidenceIntervalOfMean } from '../stats/confidenceIntervalOfMean.ts';

const NO_SERIES = new Float64Array(0);

const IMPACT_WORKER = siblingModule('./impactWorker', import.meta.url);

/** Paired impact of removing some events on one outcome: with − without, same replicates. */
export interface ImpactStatistic {
  unit: string;
  /** Replicates with a defined value in both arms. */
  n: number;
  /** Mean with the events (the scenario as run) and without them. */
  meanWith: number;
  meanWithout: number;
  /** Mean of the paired differences (with − without) and its 95% t interval. */
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** The measured impact of one stage's disruptive events (none: `events` is empty, no statistics). */
export interface StageImpactRecord {
  stage: Stage;
  events: string[];
  /**
   * Home end users' cumulative shortfall summed over the materials the events name, t. Tonnes of
   * different materials added up (kept for older readers): prefer `homeShortfallByMaterial`.
   */
  homeShortfall?: ImpactStatistic & { materials: string[] };
  /** Home end users' cumulative shortfall of each material the events name, t, paired (never a sum over materials). */
  homeShortfallByMaterial?: Array<ImpactStatistic & { material: string }>;
  /**
   * What home end users received of each material the events name, t over the run (a disruption that
   * prices demand out shows here more than as shortfall).
   */
  homeConsumption?: Array<ImpactStatistic & { material: string }>;
  /**
   * Largest peak price multiple outside the foreign region over the materials the events name, over
   * the whole run: a later spike of the run's own (the baseline's) can be what both arms' peaks
   * measure, so prefer `disruptionPeakPrice`. The price is that of the stage's own product when the
   * stage is traded (mining: concentrate, processing: refined, manufacturing: components), else each
   * material's quoted stage (`disruptions.materials[].priceStage`); `priceStages` says which, per material.
   * (Files before session 24 measured every stage at the quoted stage.)
   */
  peakPriceMultiple?: ImpactStatistic & { materials: string[]; priceStages: Record<string, string> };
  /** The same peak taken over the disruption window only (its events' announcement to a year after their end), at the same `priceStages`. */
  disruptionPeakPrice?: ImpactStatistic & { materials: string[]; priceStages: Record<string, string>; window: DisruptionWindow };
  policyCost?: ImpactStatistic;
}

/** What `impact.json` holds. */
export interface ImpactFile {
  format: 'crm-sim impact';
  version: 1;
  method: string;
  masterSeed: number;
  /** Replicates of each counterfactual (0…replicates−1), at most the cap. */
  replicates: number;
  runReplicates: number;
  replicateCap: number;
  homeRegion: string;
  foreignRegion: string;
  stages: StageImpactRecord[];
  /** All disruptive events removed at once, per material; undefined when the scenario has none. */
  disruptions?: {
    events: string[];
    /** When every disruptive event together acts: from the first announcement to a year after the last end (nominal event times). */
    window: DisruptionWindow;
    materials: Array<{
      material: string; priceStage: string; weeksShort: ImpactStatistic; homeShortfall: ImpactStatistic; homeConsumption: ImpactStatistic;
      /** Over the whole run (see StageImpactRecord.peakPriceMultiple). */
      peakPriceMultiple: ImpactStatistic;
      /** Over its own window: that of the removed events naming the material (or none), else of them all. */
      disruptionPeakPrice: ImpactStatistic & { window: DisruptionWindow };
      /**
       * What the disruptions cost home end users of the material over the run (USD, stress's end-user
       * loss, `computeEndUserLoss`), with its parts (means); meanWith/meanWithout are what their whole
       * demand cost at market prices with and without the disruptions.
       */
      endUserCost: ImpactStatistic & { parts: EndUserCostParts };
      /** What home end users receive month by month with and without every disruption, paired. */
      monthlyConsumption: MonthlyImpact;
    }>;
  };
  /** Per export control (any mode, in event order): how much it restricted the exporter's exports; absent without one. */
  exportControls?: ExportControlImpact[];
}

/** The parts of an end-user cost (means over runs, USD): they add up to it. */
/**
 * A material's home end-use consumption by calendar month (t/week, the month's mean), with the
 * disruptions and without them, and the paired difference with its 95% t interval: month × weeks,
 * summed, is `homeConsumption`.
 */
export interface MonthlyImpact {
  unit: string;
  /** `YYYY-MM`. */
  period: string[];
  weeks: number[];
  meanWith: number[];
  meanWithout: number[];
  /** with − without. */
  mean: number[];
  ciLow: number[];
  ciHigh: number[];
  /** with − without in t, summed run by run from the month to the run's end, and its 95% t interval (computeDifferenceToEnd). */
  differenceToEnd: number[];
  differenceToEndCiLow: number[];
  differenceToEndCiHigh: number[];
}

export interface EndUserCostParts {
  /** What end users paid more for the tonnes they still received. */
  extraSpending: number;
  /** The consumption the higher price removed, valued at the price without the disruptions. */
  forgoneConsumptionValue: number;
  /** The change in unmet demand, at the market price. */
  unmetValueAtPrice: number;
}

/** Options of {@link measureDisruptionImpact}. */
export interface ImpactOptions {
  spec: ScenarioSpec;
  /** The run's layout and the summaries of its replicates 0…n−1 (n ≥ replicates). */
  layout: ResultLayout;
  summaries: readonly Float64Array[];
  masterSeed: number;
  runReplicates: number;
  replicateCap: number;
  workers: number;
  /**
   * The run's own price paths (`appendPricePaths` of an empty summary) of replicates 0…m−1, taken
   * from its series as they passed through the main thread. Without them (a `--resume` run, whose
   * series are gone), the scenario as scripted runs again for its paths.
   */
  scriptedImpactExtras?: readonly Float64Array[];
  signal?: AbortSignal;
  onProgress?: (completed: number, total: number) => void;
}

export const IMPACT_METHOD = 'For each stage that the scenario\'s disruptive events (export controls, technology bans, price manipulation, ' +
  'cyberattacks, outages, disinformation, mine acquisitions, demand shocks; not mitigations) strike, the scenario was run again without ' +
  'that stage\'s disruptive events, with the same master seed and replicate indices (common random numbers); impact = run as scripted ' +
  'minus counterfactual, paired by replicate, mean with a 95% t interval. "disruptions" removes every disruptive event at once. ' +
  'peakPriceMultiple compares the two runs\' highest prices over the whole run; disruptionPeakPrice over the disruption window only ' +
  '(from the removed events\' first announcement to a year after their last effects end (a scripted cyberattack: its downtime after its start); for a material, the events naming it; each run at its own drawn event times, ' +
  'the file stating the nominal window and, when event times are drawn, the range of the runs\' windows as "drawn"), so a later price spike of the run\'s own does not mask theirs. ' +
  'Prices are multiples of the base price, the highest over the regions outside the foreign actor\'s: in a stage record, of the stage\'s own product when the stage is traded ' +
  '(mining: concentrate, processing: refined, manufacturing: components), else of each material\'s quoted stage (priceStages says which); in "disruptions", of each material\'s priceStage. ' +
  'A stage record\'s homeShortfall adds the tonnes of the materials its events name; homeShortfallByMaterial gives them one by one. ' +
  'endUserCost is what every disruptive event together costs home end users of a material over the run (USD): what they paid more for the tonnes they still received, ' +
  'the consumption the higher price removed valued at the price without the disruptions, and the change in unmet demand at the market price, per run from run totals (as crm-sim stress\'s economicCost). ' +
  'exportControls: per export control, the exporter\'s exports of the controlled material and stage (to every destination, or to the destinations a control lists) summed over the control\'s own weeks, ' +
  'as scripted against the same weeks without the disruptive events at its stage (listed as "without"), paired; for a quota, the weeks it bound (held shipments below what the exporter\'s offers allowed) in the runs as scripted.';

/**
 * Measures, with paired runs, what the scenario's disruptive events cause: per struck stage, the
 * run without that stage's disruptive events; and once without any of them. The scenario as
 * scripted is not run again: its replicates 0…m−1 are the run's own (same seed, same indices,
 * same summaries, and its price paths when `scriptedImpactExtras` gives them). m = min(run replicates, cap).
 *
 * @param options - The scenario, the run's summaries and Monte Carlo settings.
 * @returns The contents of `impact.json`.
 * @throws AbortError when `signal` aborts.
 * @example
 * const impact = await measureDisruptionImpact({ spec, layout, summaries, masterSeed: 1, runReplicates: 100, replicateCap: 100, workers: 2 });
 */
export async function measureDisruptionImpact(options: ImpactOptions): Promise<ImpactFile> {
  const { spec } = options;
  const replicates = Math.min(options.runReplicates, options.replicateCap);
  const disruptions = findStageDisruptions(spec, STAGES);
  const all = [...new Set(disruptions.flatMap((d) => d.indices))];
  // Every arm keeps the exports the scripted scenario's controls restrict (the counterfactuals have none of their own);
  // a control's exports to some destinations only are, in a run without it, the sum of its routes: those runs record them.
  const exportFlows = exportControlFlows(spec);
  const withoutEvents = (indices: readonly number[]): ScenarioSpec => {
    const arm = removeEvents(spec, indices);
    return needsRouteExports(exportFlows) ? { ...arm, outputs: { ...arm.outputs, tradeFlows: true } } : arm;
  };
  const arms = disruptions.map((d) => withoutEvents(d.indices));
  if (disruptions.length > 1) arms.push(withoutEvents(all));
  // Arm 0 is the scenario as scripted: its price paths are the run's own when given, else it runs again for them.
  const given = options.scriptedImpactExtras !== undefined && options.scriptedImpactExtras.length >= replicates ? options.scriptedImpactExtras.slice(0, replicates) : undefined;
  const compiled = (arms.length === 0 ? [] : [spec, ...arms]).map(compileScenario);
  const toRun = given === undefined ? compiled : compiled.slice(1);
  const results = await runScenarioArms(toRun, {
    masterSeed: options.masterSeed, replicates, workers: options.workers, signal: options.signal, onProgress: options.onProgress, workerModule: IMPACT_WORKER,
    ...(exportFlows.length > 0 ? { taskData: { exportFlows } } : {}),
  });
  // Each arm's own summary count: removing events removes their summaries (an export quota's weeks), so the extras start at a different place in each arm.
  const summaryCount = (arm: number) => (arm === 0 ? options.layout : compiled[arm].layout).summaries.length;
  const resultsOf = (arm: number) => results[given === undefined ? arm : arm - 1];
  const summariesOf = (arm: number) => resultsOf(arm).map((r) => r.summaries.subarray(0, summaryCount(arm)));
  const extrasOf = (arm: number) => (arm === 0 && given !== undefined ? given : resultsOf(arm).map((r) => r.summaries.subarray(summaryCount(arm))));
  const extras = compiled.length === 0 ? { paths: 0, monthly: 0, months: 0, exports: 0, length: 0 } : impactExtrasLayout(compiled[0], exportFlows.length);
  const pathsOf = (arm: number) => extrasOf(arm).map((e) => e.subarray(0, extras.paths));
  /** An arm's results as `computeStressMeasures` reads them with the arm's layout: its summaries, then the end users' figures. */
  const endUsersOf = (arm: number): ReplicateResult[] => extrasOf(arm).map((e, r) => {
    const count = summaryCount(arm);
    const summaries = new Float64Array(count + extras.monthly - extras.paths);
    summaries.set(arm === 0 ? options.summaries[r].subarray(0, count) : resultsOf(arm)[r].summaries.subarray(0, count));
    summaries.set(e.subarray(extras.paths, extras.monthly), count);
    return { replicate: r, series: NO_SERIES, summaries };
  });
  const targets = measureTargets(spec);
  const scripted = computeImpactMeasures(options.layout, options.summaries.slice(0, replicates), targets);
  const counterfactual = arms.map((_, i) => computeImpactMeasures(compiled[1 + i].layout, summariesOf(1 + i), targets));
  const ticks = options.layout.ticks;
  const shape = { materials: targets.materials.length, ticks };
  const stageOf = (material: string) => (TRADED_STAGES as readonly string[]).indexOf(targets.priceStage[material]);
  // Each replicate's own event times (a scenario may draw them): its window follows them; the file states the nominal one and, when they differ, their range.
  const sampled = Array.from({ length: replicates }, (_, r) => (spec.uncertainties.length > 0 ? sampleScenario(spec, options.masterSeed, r) : spec));
  const windowsOf = (indices: readonly number[]) => sampled.map((s) => disruptionWindow(s, indices, ticks));
  const statedWindow = (indices: readonly number[]): DisruptionWindow => withDrawnRange(disruptionWindow(spec, indices, ticks), windowsOf(indices));
  /** Per replicate, the highest price multiple outside the foreign region in its window of the events at `indices`, largest over `materials`, in arm `arm`. */
  const peaksIn = (arm: number, indices: readonly number[], materials: readonly string[], stageFor: (material: string) => number = stageOf): Float64Array => windowPeaks(pathsOf(arm), shape,
    materials.map((id) => ({ material: targets.materials.indexOf(id), stage: stageFor(id) })), windowsOf(indices));
  const stages = STAGES.map((stage): StageImpactRecord => {
    const at = disruptions.findIndex((d) => d.stage === stage);
    if (at < 0) return { stage, events: [] };
    const without = counterfactual[at];
    const materials = touchedMaterials(spec, disruptions[at].indices);
    const window = statedWindow(disruptions[at].indices);
    const indices = disruptions[at].indices;
    // A traded stage's events are measured on its own product's price (a magnet quota on the magnet price), another stage's at each material's quoted stage.
    const priceStages = Object.fromEntries(materials.map((id) => [id, stagePriceOf(stage, targets.priceStage[id])]));
    const stageIndex = (id: string): number => TRADED_STAGES.indexOf(priceStages[id]);
    const peak = (m: ImpactMeasures): Float64Array => Float64Array.from(m.policyCost, (_, r) => Math.max(...materials.map((id) => m.byMaterial[id].peakOutsideAt[priceStages[id]][r])));
    const lack = (m: ImpactMeasures): Float64Array => Float64Array.from(m.policyCost, (_, r) => materials.reduce((sum, id) => sum + m.byMaterial[id].shortfall[r], 0));
    return {
      stage, events: disruptions[at].ids,
      homeShortfall: { ...paired(lack(without), lack(scripted), 't'), materials },
      homeShortfallByMaterial: materials.map((material) => ({ ...paired(without.byMaterial[material].shortfall, scripted.byMaterial[material].shortfall, 't'), material })),
      homeConsumption: materials.map((material) => ({ ...paired(without.byMaterial[material].consumption, scripted.byMaterial[material].consumption, 't'), material })),
      peakPriceMultiple: { ...paired(peak(without), peak(scripted), 'x base'), materials, priceStages },
      disruptionPeakPrice: { ...paired(peaksIn(1 + at, indices, materials, stageIndex), peaksIn(0, indices, materials, stageIndex), 'x base'), materials, priceStages, window },
      policyCost: paired(without.policyCost, scripted.policyCost, 'USD'),
    };
  });
  const none = counterfactual.at(-1);
  const noneArm = arms.length; // the last arm: every disruptive event removed
  // What the disruptions cost home end users per material: stress's end-user loss (extra spending on what they still receive,
  // consumption priced out at the undisturbed price, change in unmet demand at market price), paired run by run.
  const stressMaterials = { ids: targets.materials, basePrices: spec.materials.map((m) => m.basePriceUsdPerTonne.manufacturing) };
  const endUserMeasures = none === undefined ? undefined : {
    with: computeStressMeasures(options.layout, endUsersOf(0), targets.home, stressMaterials),
    without: computeStressMeasures(compiled[noneArm].layout, endUsersOf(noneArm), targets.home, stressMaterials),
  };
  const endUserCost = (material: string): ImpactStatistic & { parts: EndUserCostParts } => {
    const m = targets.materials.indexOf(material);
    const loss = computeEndUserLoss(endUserMeasures!.without, endUserMeasures!.with, { ids: [material], basePrices: [stressMaterials.basePrices[m]] });
    const spent = (measures: StressMeasures): Float64Array => Float64Array.from(measures.demandAtMarketPriceByMaterial[material]);
    const interval = confidenceIntervalOfMean(loss.loss);
    const mean = (values: Float64Array): number => values.reduce((sum, v) => sum + v, 0) / values.length;
    return {
      unit: 'USD', n: loss.loss.length, meanWith: mean(spent(endUserMeasures!.with)), meanWithout: mean(spent(endUserMeasures!.without)),
      mean: interval.mean, ciLow: interval.low, ciHigh: interval.high,
      parts: { extraSpending: mean(loss.extraSpending), forgoneConsumptionValue: mean(loss.forgoneConsumptionValue), unmetValueAtPrice: mean(loss.unmetValueAtPrice) },
    };
  };
  const periods = compiled.length === 0 ? [] : monthlyConsumptionPlan(compiled[0]).periods;
  /** What home end users receive of a material month by month, with and without every disruption, paired run by run (t/week). */
  const monthly = (material: string): MonthlyImpact => {
    const m = targets.materials.indexOf(material);
    const valuesOf = (arm: number, p: number): Float64Array => Float64Array.from(extrasOf(arm), (e) => e[extras.monthly + m * extras.months + p]);
    const months = periods.map((_, p) => computePairedDifference(valuesOf(noneArm, p), valuesOf(0, p), 'none'));
    const toEnd = computeDifferenceToEnd(periods.map((_, p) => valuesOf(noneArm, p)), periods.map((_, p) => valuesOf(0, p)), periods.map((p) => p.weeks));
    return {
      unit: 't/week', period: periods.map((p) => p.label), weeks: periods.map((p) => p.weeks),
      meanWith: months.map((d) => d.meanB), meanWithout: months.map((d) => d.meanA), mean: months.map((d) => d.meanDifference),
      ciLow: months.map((d) => d.ciLow), ciHigh: months.map((d) => d.ciHigh),
      differenceToEnd: toEnd.mean, differenceToEndCiLow: toEnd.ciLow, differenceToEndCiHigh: toEnd.ciHigh,
    };
  };
  const allWindow = statedWindow(all);
  // A material's window is that of the removed events that name it (or name no material); a material none names is seen in the window of them all.
  const eventsOf = (material: string): number[] => {
    const own = all.filter((i) => { const e = spec.events[i]; return !('material' in e) || typeof e.material !== 'string' || e.material === material; });
    return own.length > 0 ? own : all;
  };
  const exportsOf = (arm: number) => extrasOf(arm).map((e) => e.subarray(extras.exports, extras.length));
  const exportControls = exportFlows.length === 0 ? undefined : measureExportControls({
    spec, layout: options.layout, sampled, summaries: options.summaries.slice(0, replicates), exportsWith: exportsOf(0),
    counterfactual: (stage) => {
      const at = disruptions.findIndex((d) => d.stage === stage);
      return { events: disruptions[at].ids, exports: exportsOf(1 + at) };
    },
  });
  return {
    format: 'crm-sim impact', version: 1, method: IMPACT_METHOD, masterSeed: options.masterSeed, replicates,
    runReplicates: options.runReplicates, replicateCap: options.replicateCap, homeRegion: targets.home, foreignRegion: targets.foreign, stages,
    disruptions: none === undefined ? undefined : {
      events: all.sort((a, b) => a - b).map((i) => spec.events[i].id ?? `${spec.events[i].kind}#${i}`),
      window: allWindow,
      materials: targets.materials.map((material) => ({
        material, priceStage: targets.priceStage[material],
        weeksShort: paired(none.byMaterial[material].weeksShort, scripted.byMaterial[material].weeksShort, 'weeks'),
        homeShortfall: paired(none.byMaterial[material].shortfall, scripted.byMaterial[material].shortfall, 't'),
        homeConsumption: paired(none.byMaterial[material].consumption, scripted.byMaterial[material].consumption, 't'),
        peakPriceMultiple: paired(none.byMaterial[material].peakOutside, scripted.byMaterial[material].peakOutside, 'x base'),
        disruptionPeakPrice: {
          ...paired(peaksIn(noneArm, eventsOf(material), [material]), peaksIn(0, eventsOf(material), [material]), 'x base'),
          window: statedWindow(eventsOf(material)),
        },
        endUserCost: endUserCost(material),
        monthlyConsumption: monthly(material),
      })),
    },
    ...(exportControls === undefined ? {} : { exportControls }),
  };
}

function paired(without: Float64Array, withEvents: Float64Array, unit: string): ImpactStatistic {
  const d = computePairedDifference(without, withEvents, 'none');
  return { unit, n: d.n, meanWith: d.meanB, meanWithout: d.meanA, mean: d.meanDifference, ciLow: d.ciLow, ciHigh: d.ciHigh };
}

/** Regions, materials and, per material, the traded stage whose price is quoted (quotedPriceStage). */
function measureTargets(spec: ScenarioSpec): MeasureTargets {
  const priceStage: Record<string, TradedStage> = {};
  for (const m of spec.materials) {
    // The stage a disruption strikes (a stockpile's or a subsidy's stage says where a policy acts, not what is disrupted).
    const stages = spec.events.filter((e) => 'material' in e && e.material === m.id && disruptedStage(e) !== undefined).map((e) => ('stage' in e ? String(e.stage) : ''));
    priceStage[m.id] = quotedPriceStage(stages);
  }
  return { home: spec.government.region, foreign: spec.foreignActor.region, regions: spec.regions.map((r) => r.id), materials: spec.materials.map((m) => m.id), priceStage };
}

/**
 * The stage whose price a stage record's peaks measure: the stage itself when it is traded (its own
 * product: a magnet quota on the magnet price), else the material's quoted stage.
 *
 * @param stage - The struck stage.
 * @param quoted - The material's quoted stage (quotedPriceStage).
 * @returns A traded stage.
 * @example
 * stagePriceOf('manufacturing', 'processing'); // 'manufacturing'
 * stagePriceOf('endUse', 'processing'); // 'processing'
 */
export function stagePriceOf(stage: string, quoted: TradedStage): TradedStage {
  return TRADED_STAGES.find((traded) => traded === stage) ?? quoted;
}

/** Materials the events name; every material when one of them names none. */
function touchedMaterials(spec: ScenarioSpec, indices: readonly number[]): string[] {
  const named = indices.map((i) => spec.events[i]).map((e) => ('material' in e && typeof e.material === 'string' ? e.material : undefined));
  return named.includes(undefined) ? spec.materials.map((m) => m.id) : [...new Set(named as string[])];
}

/**
 * Serialises `impact.json` (NaN and infinities as null), two-space indented.
 *
 * @param impact - From {@link measureDisruptionImpact}.
 * @returns The file's text, ending in a newline.
 * @example
 * await writeFile(join(dir, 'impact.json'), formatImpactJson(impact));
 */
export function formatImpactJson(impact: ImpactFile): string {
  return `${JSON.stringify(impact, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
