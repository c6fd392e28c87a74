import { describe, expect, it } from 'vitest';
import { type EventSpec, type ScenarioSpec, STAGES } from '../../sim-core/index.ts';
import { disruptedStage, findStageDisruptions, removeEvents } from '../../src/impact/findStageDisruptions.ts';

const quota = { kind: 'exportControl', id: 'q', material: 'ndpr', stage: 'processing', exporter: 'CN', mode: 'quota', quotaShare: 0.5, start: 1 } as EventSpec;
const magnets = { ...quota, id: 'm', stage: 'manufacturing' } as EventSpec;
const stockpile = { kind: 'stockpile', id: 's', material: 'ndpr', region: 'US', doctrine: 'shortfall', targetDays: 60, releaseShortfallShare: 0.1, releasePriceMultiple: 1.5, maxBuyShare: 0.1, budgetUsd: 1, start: 0 } as EventSpec;
const shock = { kind: 'demandShock', material: 'ndpr', multiplier: 1.5, start: 2 } as EventSpec;

describe('findStageDisruptions', () => {
  it('groups disruptive events by the stage they strike and leaves mitigations out', () => {
    expect([quota, magnets, stockpile, shock].map(disruptedStage)).toEqual(['processing', 'manufacturing', undefined, 'endUse']);
    const spec = { events: [stockpile, quota, shock, magnets] } as unknown as ScenarioSpec;
    expect(findStageDisruptions(spec, STAGES)).toEqual([
      { stage: 'processing', indices: [1], ids: ['q'] },
      { stage: 'manufacturing', indices: [3], ids: ['m'] },
      { stage: 'endUse', indices: [2], ids: ['demandShock#2'] },
    ]);
  });

  it('removes exactly the events asked for and leaves the spec unchanged', () => {
    const spec = { events: [stockpile, quota, shock, magnets], uncertainties: [] } as unknown as ScenarioSpec;
    const copy = removeEvents(spec, [1, 3]);
    expect(copy.events.map((e) => e.kind)).toEqual(['stockpile', 'demandShock']);
    expect(spec.events).toHaveLength(4);
  });

  it('drops the uncertainties of removed events and re-indexes the others (which address events by index)', () => {
    const uncertain = (path: string, label: string) => ({ path, label, distribution: { dist: 'uniform', min: 1, max: 2 } });
    const spec = {
      events: [stockpile, quota, shock, magnets],
      uncertainties: [uncertain('events.1.quotaShare', 'events.q.quotaShare'), uncertain('events.2.multiplier', 'events.demandShock#2.multiplier'), uncertain('materials.0.demand.growthPerYear', 'materials.ndpr.demand.growthPerYear')],
    } as unknown as ScenarioSpec;
    const copy = removeEvents(spec, [1]);
    expect(copy.uncertainties.map((u) => [u.path, u.label])).toEqual([
      ['events.1.multiplier', 'events.demandShock#2.multiplier'], // the shock moved from index 2 to 1; its label (its draws) stays
      ['materials.0.demand.growthPerYear', 'materials.ndpr.demand.growthPerYear'],
    ]);
    expect(spec.uncertainties).toHaveLength(3);
  });
});
