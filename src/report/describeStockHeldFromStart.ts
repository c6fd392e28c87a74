import { formatMoney } from './formatMoney.ts';
import { formatTonnes } from './formatTonnes.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';

/** Stock a scenario's stockpiles hold from the start (`initialDays`), per material and form. */
export interface StockHeldFromStart {
  material: string;
  /** `processing` (refined material) or `manufacturing` (components), as the stockpile event's `stage`. */
  stage: string;
  /** Tonnes of material content: initialDays × the region's yearly base demand / 365, as the engine adds them at tick 0. */
  tonnes: number;
  /** Their value at the stage's base price, USD. */
  valueUsd: number;
}

/**
 * Measures the stock a scenario's stockpile events hold from the start (`initialDays`): the engine
 * creates it at tick 0 without a purchase, so no cost or cost per kg counts it (docs/model.md,
 * Stockpiles). Tonnes as the engine computes them, valued at the nominal base price of the form held.
 *
 * @param overview - The scenario as the report reads it.
 * @returns One entry per material and form with stock held from the start, in event order.
 * @example
 * computeStockHeldFromStart(overview); // [{ material: 'ndpr', stage: 'processing', tonnes: 1315, valueUsd: 72.3e6 }]
 */
export function computeStockHeldFromStart(overview: ScenarioOverview): StockHeldFromStart[] {
  const held = new Map<string, StockHeldFromStart>();
  for (const event of overview.events) {
    const { fields } = event;
    const days = typeof fields.initialDays === 'number' ? fields.initialDays : 0;
    if (event.kind !== 'stockpile' || !(days > 0) || typeof fields.material !== 'string' || typeof fields.region !== 'string') continue;
    const material = overview.materials.find((m) => m.id === fields.material);
    if (material === undefined) continue;
    const stage = fields.stage === 'manufacturing' ? 'manufacturing' : 'processing';
    const tonnes = (days * (material.demandByRegion[fields.region] ?? 0)) / 365;
    const key = `${material.id}.${stage}`;
    const entry = held.get(key) ?? { material: material.id, stage, tonnes: 0, valueUsd: 0 };
    entry.tonnes += tonnes;
    entry.valueUsd += tonnes * (material.basePriceUsdPerTonne[stage] ?? NaN);
    held.set(key, entry);
  }
  return [...held.values()];
}

/**
 * What a strategy's stockpiles hold from the start beyond the reference's, per material and form
 * (`more`: the reference holds some too).
 *
 * @param alternative - The strategy's scenario.
 * @param reference - The reference scenario.
 * @returns The entries with more tonnes than the reference's, the excess only.
 * @example
 * computeExtraStockHeldFromStart(alternative, reference).map((e) => e.material); // ['ndpr']
 */
export function computeExtraStockHeldFromStart(alternative: ScenarioOverview, reference: ScenarioOverview | undefined): Array<StockHeldFromStart & { more: boolean }> {
  const before = reference === undefined ? [] : computeStockHeldFromStart(reference);
  return computeStockHeldFromStart(alternative).flatMap((entry) => {
    const theirs = before.find((b) => b.material === entry.material && b.stage === entry.stage);
    const tonnes = entry.tonnes - (theirs?.tonnes ?? 0);
    return tonnes > 0 ? [{ ...entry, tonnes, valueUsd: entry.valueUsd - (theirs?.valueUsd ?? 0), more: theirs !== undefined }] : [];
  });
}

/**
 * A sentence for a strategy whose stockpiles hold more from the start than the reference's: that
 * stock is free in the model, so its cost and its spending per kg leave it out, and a ranking by
 * cost per kg favours it. '' when it holds no more than the reference.
 *
 * @param alternative - The strategy's scenario.
 * @param reference - The reference scenario.
 * @param materialName - Maps material ids to names.
 * @returns Plain text (escape it for HTML), or ''.
 * @example
 * describeStockHeldFromStart(alternative, reference, name);
 * // 'Its stockpiles hold from the start, without buying it (initialDays), 1,320 t of NdPr oxide as refined material, worth USD 72.3 million at base prices: neither its cost nor its spending per kg includes that stock.'
 */
export function describeStockHeldFromStart(alternative: ScenarioOverview, reference: ScenarioOverview | undefined, materialName: (id: string) => string): string {
  const extra = computeExtraStockHeldFromStart(alternative, reference);
  if (extra.length === 0) return '';
  const parts = extra.map((e) => `${formatTonnes(e.tonnes)}${e.more ? ' more than the reference' : ''} of ${materialName(e.material)} ${e.stage === 'manufacturing' ? 'in components' : 'as refined material'}` +
    (Number.isFinite(e.valueUsd) ? `, worth ${formatMoney(e.valueUsd)} at base prices` : ''));
  return `Its stockpiles hold from the start, without buying it (initialDays), ${parts.join('; ')}: neither its cost nor its spending per kg includes that stock.`;
}
