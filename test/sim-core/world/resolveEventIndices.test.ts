import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/loadScenario.ts';
import type { EventSpec } from '../../../sim-core/spec.ts';
import { resolveEventIndices } from '../../../sim-core/world/resolveEventIndices.ts';

const { spec } = loadScenario('scenarios/baseline.yaml');
const region = (id: string) => spec.regions.findIndex((r) => r.id === id);
const material = (id: string) => spec.materials.findIndex((m) => m.id === id);
const resolve = (event: object) => resolveEventIndices(event as EventSpec, spec);

describe('resolveEventIndices', () => {
  it('resolves the region an event acts from: exporter, importer, else region', () => {
    expect(resolve({ kind: 'exportControl', material: 'dy', stage: 'manufacturing', exporter: 'CN', mode: 'ban', start: 0 }))
      .toMatchObject({ material: material('dy'), region: region('CN'), tradedStage: 2, capacityStage: 2, acquirer: -1 });
    expect(resolve({ kind: 'tariff', material: 'ndpr', stage: 'processing', importer: 'US', rate: 0.1, start: 0 })).toMatchObject({ region: region('US'), tradedStage: 1 });
    expect(resolve({ kind: 'mineAcquisition', material: 'ndpr', region: 'ROW', acquirer: 'CN', share: 0.5, mode: 'acquisition', costUsd: 0, start: 0 }))
      .toMatchObject({ region: region('ROW'), acquirer: region('CN') });
    expect(resolve({ kind: 'subsidy', material: 'ndpr', stage: 'recycling', region: 'US', mode: 'capex', start: 0 })).toMatchObject({ tradedStage: -1, capacityStage: 3 });
  });

  it('marks none (−1) for what an event leaves open', () => {
    expect(resolve({ kind: 'demandShock', material: 'ndpr', multiplier: 2, start: 0 })).toMatchObject({ region: -1, capacityStage: -1 });
    expect(resolve({ kind: 'cyberattack', stage: 'mining', region: 'US', mode: 'stochastic', facilityShare: 0.1, downtimeYears: 0.1, start: 0 })).toMatchObject({ material: -1 });
  });

  it('lists the regions an event reaches and a friend-shoring agreement\'s members in order', () => {
    const control = resolve({ kind: 'exportControl', material: 'dy', stage: 'processing', exporter: 'CN', mode: 'ban', destinations: ['US', 'ALLIES'], start: 0 });
    expect([...control.reaches]).toEqual(spec.regions.map((r) => (r.id === 'US' || r.id === 'ALLIES' ? 1 : 0)));
    expect([...resolve({ kind: 'tariff', material: 'dy', stage: 'processing', importer: 'US', rate: 0.1, start: 0 }).reaches]).toEqual(spec.regions.map(() => 1));
    const agreement = resolve({ kind: 'friendShoring', members: ['ROW', 'US'], preference: 0.1, start: 0 });
    expect([...agreement.members]).toEqual([region('ROW'), region('US')]);
  });

  it('refuses an id the scenario does not define (a programming error: ids are validated at load time)', () => {
    expect(() => resolve({ kind: 'outage', material: 'ndpr', stage: 'mining', region: 'MARS', capacityShare: 1, start: 0 })).toThrow('unknown region "MARS"');
  });
});
