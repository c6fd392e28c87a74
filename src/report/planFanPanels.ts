import type { MaterialOverview, ScenarioOverview } from './readScenarioOverview.ts';
import { quotedPriceStage } from '../impact/quotedPriceStage.ts';
import { DISRUPTIVE_KINDS } from '../impact/findStageDisruptions.ts';
import { describeEvent } from './describeEvent.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { orderRegions } from './orderRegions.ts';
import type { SeriesId } from './readSeriesCsv.ts';

/** One small chart of a fan panel: which series, its short title, and the divisor to its display unit. */
export interface FanChartPlan {
  title: string;
  series: SeriesId;
  /** Values are divided by this (1000 turns USD/t into USD/kg). */
  divisor: number;
  /** What the chart shows, for a row titled by what it draws (see {@link FanRowPlan.titleFor}). */
  subject?: string;
}

/** A row of small charts sharing a theme and a unit. */
export interface FanRowPlan {
  title: string;
  /** Display unit of the row's values (axis title). */
  unit: string;
  /** One y scale for the whole row (comparable heights) or one per chart. */
  sharedY: boolean;
  charts: FanChartPlan[];
  /** The title from the subjects of the charts drawn (charts zero in every run are left out, and a title should not promise them). */
  titleFor?: (subjects: readonly string[]) => string;
}

/** The fan panel of one material. */
export interface FanPanelPlan {
  materialId: string;
  materialName: string;
  rows: FanRowPlan[];
  /**
   * Event windows touching this material, calendar years; `openEnded` when the event lasts to the
   * end of the run, `throughout` when it also starts with the run (nothing to mark).
   */
  /** Calendar years; `announced` when the event was announced before it started (markets move on the announcement). */
  eventWindows: Array<{ start: number; end: number; label: string; openEnded: boolean; throughout: boolean; announced?: number }>;
}

const PRODUCT: Record<string, string> = { mining: 'Concentrate', processing: 'Refined', manufacturing: 'Component' };

/**
 * Chooses the fans to draw for each material: the traded price the report quotes (refined whenever
 * an event touches refining, else the product the events touch; quotedPriceStage) per market segment,
 * then the price of every other traded stage its disruptive events strike (components beside refined
 * under a magnet quota), end users' shortfall per region, processing capacity
 * per region, and the home region's stock cover, strategic stockpile and public (defence)
 * shortfall. Materials with events come first. The caller drops series that are zero in every run.
 *
 * @param overview - The scenario as run.
 * @returns One panel plan per material.
 * @example
 * planFanPanels(overview)[0].rows[0].title; // 'Refined price by market segment'
 */
export function planFanPanels(overview: ScenarioOverview): FanPanelPlan[] {
  const plans = overview.materials.map((material) => planMaterialPanel(overview, material));
  const hasEvents = (plan: FanPanelPlan): number => (plan.eventWindows.length > 0 ? 0 : 1);
  return plans.map((plan, index) => ({ plan, index }))
    .sort((a, b) => hasEvents(a.plan) - hasEvents(b.plan) || a.index - b.index).map(({ plan }) => plan);
}

function planMaterialPanel(overview: ScenarioOverview, material: MaterialOverview): FanPanelPlan {
  const events = overview.events.filter((e) => e.fields.material === material.id);
  const stage = quotedPriceStage(events.map((e) => String(e.fields.stage)));
  const regions = orderRegions(overview.regions);
  const perRegion = (metric: string, s: string, divisor = 1): FanChartPlan[] =>
    regions.map((r) => ({ title: r.id, series: { metric, material: material.id, stage: s, region: r.id }, divisor }));
  return {
    materialId: material.id,
    materialName: material.name,
    eventWindows: events.map((e) => ({
      start: overview.startYear + e.start,
      end: overview.startYear + (Number.isFinite(e.end) ? e.end : overview.years),
      label: describeEvent(e, (id) => overview.materials.find((m) => m.id === id)?.name ?? id),
      openEnded: !Number.isFinite(e.end),
      throughout: !Number.isFinite(e.end) && e.start <= 0,
      ...(Number.isFinite(e.announced) && e.announced < e.start ? { announced: overview.startYear + e.announced } : {}),
    })),
    rows: [
      // The quoted price first, then that of every other traded stage the material's disruptive events strike (a magnet quota beside an
      // oxide quota: the magnet price is what end users pay, and it can stay high while the oxide price falls back).
      ...[stage, ...struckTradedStages(events).filter((s) => s !== stage)].map((s): FanRowPlan => ({
        title: s === stage ? `${PRODUCT[s]} price by market segment` : `${PRODUCT[s]} price by market segment: ${describeStageProduct(material.id, material.name, s)}`, unit: material.priceUnit, sharedY: true,
        charts: perRegion('price', s, material.priceUnit === 'USD/kg' ? 1000 : 1),
      })),
      { title: "End users' shortfall by region", unit: 't/week', sharedY: true, charts: perRegion('shortfall', 'endUse') },
      { title: 'Processing capacity by region', unit: 't/yr', sharedY: false, charts: perRegion('capacity', 'processing') },
      planHomeRow(overview, material.id),
    ],
  };
}

/** The traded stages a material's disruptive events (threats and shocks, not mitigations) strike, upstream first. */
function struckTradedStages(events: readonly ScenarioOverview['events'][number][]): string[] {
  const struck = new Set(events.filter((e) => DISRUPTIVE_KINDS.has(e.kind)).map((e) => String(e.fields.stage)));
  return Object.keys(PRODUCT).filter((s) => struck.has(s));
}

function planHomeRow(overview: ScenarioOverview, material: string): FanRowPlan {
  const home = overview.homeRegion;
  const homeName = overview.regions.find((r) => r.id === home)?.name ?? home;
  const chart = (title: string, metric: string, stage: string, subject: string): FanChartPlan =>
    ({ title, series: { metric, material, stage, region: home }, divisor: 1, subject });
  return {
    title: `${homeName}: stock cover, stockpile, defence shortfall`, unit: '', sharedY: false,
    titleFor: (subjects) => `${homeName}: ${subjects.join(', ')}`,
    charts: [
      chart("Processors' stock (days)", 'inventoryDays', 'processing', 'stock cover'),
      chart("Manufacturers' stock (days)", 'inventoryDays', 'manufacturing', 'stock cover'),
      chart('Government stockpile, refined (t)', 'stockpile', 'processing', 'stockpile'),
      chart('Government stockpile, components (t)', 'stockpile', 'manufacturing', 'stockpile'),
      chart('Defence shortfall (t/week)', 'publicShortfall', 'endUse', 'defence shortfall'),
    ],
  };
}
