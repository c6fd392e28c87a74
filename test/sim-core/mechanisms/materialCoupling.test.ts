import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner } from '../../../sim-core/index.ts';
import { loadScenario } from '../../../src/scenario/loadScenario.ts';

/**
 * Materials are coupled only through channels the model names: engineers shared by a region's
 * projects (docs/model.md, investment §5) and the foreign actor's one budget. With both switched off,
 * a shock to rare earths must leave every lithium series bit for bit as it was. Until session 7 it did
 * not: the project store had a global limit, full on most ticks of the reference baseline, so the
 * rare-earth quota freed slots that lithium projects then took (US lithium consumption +2.4%).
 */
describe('coupling between materials', () => {
  // Full horizon at the default resolution, where the old store limit bound from 2027.
  const channelsOff = ['behaviour.engineersPerProject=0', 'foreignActor.rules.budgetUsd=0'];
  const lithiumSeries = (scenario: string, set: string[]) => {
    const compiled = compileScenario(loadScenario(scenario, { set }).spec);
    const { series: keys, ticks } = compiled.layout;
    const result = createReplicateRunner(compiled)(1, 0);
    return Object.fromEntries(keys.flatMap((key, i) => key.material === 'lithium'
      ? [[`${key.metric}/${key.stage}/${key.region}`, Array.from(result.series.subarray(i * ticks, (i + 1) * ticks))]] : []));
  };
  it('a rare-earth export quota changes nothing about lithium when engineers and the foreign actor\'s budget do not bind', () => {
    const baseline = lithiumSeries('scenarios/baseline.yaml', channelsOff);
    const quota = lithiumSeries('scenarios/threat-export-quota.yaml', channelsOff);
    expect(Object.keys(baseline).length).toBeGreaterThan(20);
    expect(quota).toEqual(baseline);
  });
  it('does change lithium through shared engineers alone (control: the comparison can fail)', () => {
    const engineersOnly = ['foreignActor.rules.budgetUsd=0'];
    const baseline = lithiumSeries('scenarios/baseline.yaml', engineersOnly);
    const quota = lithiumSeries('scenarios/threat-export-quota.yaml', engineersOnly);
    expect(quota).not.toEqual(baseline);
  });
});
