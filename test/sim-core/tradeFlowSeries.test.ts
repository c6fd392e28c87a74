import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner, type ScenarioSpec } from '../../sim-core/index.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

/** The export quota scenario (trade under controls), 3 years, small. */
const quota = (tradeFlows: boolean): ScenarioSpec => loadScenario('scenarios/threat-export-quota.yaml', {
  set: ['years=3', 'resolution.firmsPerCapacityCell=3', ...(tradeFlows ? ['outputs.tradeFlows=true'] : [])],
}).spec;

function run(spec: ScenarioSpec) {
  const compiled = compileScenario(spec);
  const result = createReplicateRunner(compiled)(2, 1);
  const { series: keys, ticks } = compiled.layout;
  const values = (metric: string, material: string, stage: string, region: string) => {
    const i = keys.findIndex((k) => k.metric === metric && k.material === material && k.stage === stage && k.region === region);
    if (i < 0) throw new Error(`no series ${metric}/${material}/${stage}/${region}`);
    return Array.from(result.series.subarray(i * ticks, (i + 1) * ticks));
  };
  return { compiled, result, keys, values };
}

describe('tradeFlow series (outputs.tradeFlows)', () => {
  const off = run(quota(false));
  const on = run(quota(true));
  const regions = on.compiled.spec.regions.map((r) => r.id);
  const home = on.compiled.spec.government.region;
  it('are recorded only when asked for, one per material, traded stage and route, and leave every other series as it was', () => {
    expect(off.keys.some((k) => k.metric === 'tradeFlow')).toBe(false);
    const flows = on.keys.filter((k) => k.metric === 'tradeFlow');
    expect(flows.length).toBe(on.compiled.spec.materials.length * 3 * regions.length * (regions.length - 1));
    expect(flows.every((k) => /^[^>]+>[^>]+$/.test(k.region) && k.unit === 't/week')).toBe(true);
    const others = on.result.series.subarray(0, off.result.series.length);
    expect(Buffer.from(others.buffer, others.byteOffset, others.byteLength).equals(Buffer.from(off.result.series.buffer))).toBe(true);
    expect(Buffer.from(on.result.summaries.buffer).equals(Buffer.from(off.result.summaries.buffer))).toBe(true);
  });
  it('give home imports by origin bit for bit, and the exporter\'s quota shows on its routes', () => {
    for (const material of ['ndpr', 'dy']) {
      for (const stage of ['mining', 'processing', 'manufacturing']) {
        for (const origin of regions.filter((r) => r !== home)) {
          expect(on.values('tradeFlow', material, stage, `${origin}>${home}`)).toEqual(on.values('homeImportsByOrigin', material, stage, origin));
        }
      }
    }
    const shipped = (from: string) => regions.filter((r) => r !== from).reduce((sum, to) => sum + on.values('tradeFlow', 'ndpr', 'processing', `${from}>${to}`).reduce((a, b) => a + b, 0), 0);
    expect(shipped('CN')).toBeGreaterThan(0);
    const exported = on.values('exports', 'ndpr', 'processing', 'CN').reduce((a, b) => a + b, 0);
    expect(shipped('CN') / exported).toBeCloseTo(1, 6);
  });
});
