import { describe, expect, it } from 'vitest';
import { STAGES, type ExportControlEvent, type ScenarioSpec } from '../../sim-core/index.ts';
import { computeThreatScore } from '../../src/stress/computeThreatScore.ts';
import { createDisturbedSpec } from '../../src/stress/createDisturbedSpec.ts';
import { createStageDisruption, MAX_EXPORT_CUT } from '../../src/stress/createStageDisruption.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { shipped } from '../compare/smallScenario.ts';

const loaded = loadScenario(shipped('threat-export-quota')).spec;

function withThreat(capability: number, intent: number): ScenarioSpec {
  const spec = structuredClone(loaded);
  for (const stage of STAGES) spec.foreignActor.threat[stage] = { capability, intent };
  return spec;
}

describe('computeThreatScore', () => {
  it('is capability × intent / 9 within [0, 1]', () => {
    expect(computeThreatScore({ capability: 3, intent: 3 })).toBe(1);
    expect(computeThreatScore({ capability: 2, intent: 1 })).toBeCloseTo(2 / 9, 15);
    expect(computeThreatScore({ capability: 3, intent: 0 })).toBe(0);
  });
});

describe('createStageDisruption', () => {
  it('scales every stage with the threat score and targets the actor and the home region', () => {
    for (const [capability, intent] of [[3, 3], [2, 1], [1, 1]]) {
      const spec = withThreat(capability, intent);
      const s = (capability * intent) / 9;
      const quota = createStageDisruption(spec, 'processing') as ExportControlEvent[];
      expect(quota).toHaveLength(spec.materials.length);
      for (const event of quota) {
        expect(event).toMatchObject({ kind: 'exportControl', mode: 'quota', stage: 'processing', exporter: 'CN' });
        expect(event.quotaShare).toBeCloseTo(1 - MAX_EXPORT_CUT * s, 12);
        expect(event.announced).toBeLessThanOrEqual(event.start);
      }
      expect(createStageDisruption(spec, 'mining').every((e) => e.kind === 'exportControl' && e.stage === 'mining')).toBe(true);
      const ban = createStageDisruption(spec, 'endUse') as ExportControlEvent[];
      expect(ban.every((e) => e.mode === 'ban' && e.stage === 'manufacturing' && e.destinations?.join() === 'US')).toBe(true);
      expect((ban[0].end as number) - ban[0].start).toBeCloseTo(1.5 * s, 12);
      expect(createStageDisruption(spec, 'discovery')).toMatchObject([{ kind: 'disinformation', region: 'US', durationMultiplier: 1 + s }]);
      expect(createStageDisruption(spec, 'recycling')).toMatchObject([{ kind: 'cyberattack', stage: 'recycling', region: 'US', facilityShare: 0.5 * s }]);
    }
  });

  it('adds nothing when intent is zero, and starts within a short horizon', () => {
    for (const stage of STAGES) expect(createStageDisruption(withThreat(3, 0), stage)).toEqual([]);
    const short = { ...withThreat(3, 3), years: 1 };
    for (const stage of STAGES) for (const event of createStageDisruption(short, stage)) expect(event.start).toBe(0.25);
  });
});

describe('createDisturbedSpec', () => {
  it('adds the events to a copy, ordered by start then id', () => {
    const spec = withThreat(3, 3);
    const before = JSON.stringify(spec);
    const events = createStageDisruption(spec, 'processing');
    const disturbed = createDisturbedSpec(spec, events);
    expect(JSON.stringify(spec)).toBe(before);
    expect(disturbed.events).toHaveLength(spec.events.length + events.length);
    for (let i = 1; i < disturbed.events.length; i++) {
      const [a, b] = [disturbed.events[i - 1], disturbed.events[i]];
      expect(a.start < b.start || (a.start === b.start && (a.id ?? '') <= (b.id ?? ''))).toBe(true);
    }
  });
});
