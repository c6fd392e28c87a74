import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createCommandManifest } from '../../src/compare/createCommandManifest.ts';
import { yearsOverride } from '../../src/scenario/applySets.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';

/** The minimal fixture with one replacement. */
function variant(from: string, to: string): string {
  const text = readFileSync(MINIMAL, 'utf8');
  expect(text).toContain(from);
  const file = join(mkdtempSync(join(tmpdir(), 'crm-provenance-')), 'variant.yaml');
  writeFileSync(file, text.replace(from, to));
  return file;
}

describe('source and asOf on a distribution', () => {
  it('are accepted, kept in the resolved scenario, and not passed to the engine as parameters', () => {
    const file = variant('growthPerYear: { dist: uniform, min: 2%, max: 6% }', 'growthPerYear: { dist: triangular, min: 2%, mode: 4%, max: 6%, source: "my guess", asOf: 2025 }');
    const loaded = loadScenario(file);
    const resolved = parse(loaded.resolvedYaml) as { materials: { ndpr: { demand: { growthPerYear: Record<string, unknown> } } } };
    expect(resolved.materials.ndpr.demand.growthPerYear).toMatchObject({ dist: 'triangular', source: 'my guess', asOf: '2025' });
    const u = loaded.spec.uncertainties.find((x) => x.label === 'materials.ndpr.demand.growthPerYear');
    expect(u?.distribution).toEqual({ dist: 'triangular', min: 0.02, mode: 0.04, max: 0.06 });
  });
});

describe('overrides in the resolved scenario', () => {
  it('mark the changed object, after the citation it had', () => {
    const plain = parse(loadScenario(MINIMAL).resolvedYaml);
    const loaded = loadScenario(MINIMAL, { set: ['events.quotaCut.quotaShare=20%', 'materials.ndpr.mining.capacityByRegion.CN=50 kt/yr', yearsOverride('3')] });
    const resolved = parse(loaded.resolvedYaml);
    expect(plain.events.quotaCut.source).toBeUndefined();
    expect(resolved.events.quotaCut.source).toBe('overridden: --set events.quotaCut.quotaShare=20%');
    // capacityByRegion is keyed by region ids: the stage carries the mark.
    expect(resolved.materials.ndpr.mining.capacityByRegion).toEqual({ CN: 50000, US: 10000, AU: 6000 });
    expect(resolved.materials.ndpr.mining.source).toBe('overridden: --set materials.ndpr.mining.capacityByRegion.CN=50 kt/yr');
    expect(resolved.source).toBe('overridden: --set years=3');
    const cited = parse(loadScenario(MINIMAL, { set: ['regions.AU.engineers=1000'] }).resolvedYaml);
    expect(cited.regions.AU.source).toBe('test; overridden: --set regions.AU.engineers=1000');
  });

  it('are marked in sorted order, each once, so that --years Y and --set years=Y in any order resolve to the same bytes', () => {
    const orders = [
      [yearsOverride('3'), 'ticksPerYear=12'], ['years=3', 'ticksPerYear=12'], ['ticksPerYear=12', 'years=3'], ['ticksPerYear=12', 'years=3', 'years=3'],
    ].map((set) => loadScenario(MINIMAL, { set }));
    for (const loaded of orders) expect(loaded.sha256).toBe(orders[0].sha256);
    expect(parse(orders[0].resolvedYaml).source).toBe('overridden: --set ticksPerYear=12; overridden: --set years=3');
    // A citation stays first; marks already in a resolved scenario used again as input are merged, one per path.
    const cited = loadScenario(MINIMAL, { set: ['regions.AU.source="test; overridden: --set regions.AU.engineers=9"', 'regions.AU.engineers=1000'] });
    expect(parse(cited.resolvedYaml).regions.AU.source).toBe('test; overridden: --set regions.AU.engineers=1000');
    // A later override of a path replaces its mark as it replaces its value: the mark names the value in force.
    const twice = (first: string, second: string) => parse(loadScenario(MINIMAL, { set: [`years=${first}`, 'ticksPerYear=12', `years=${second}`] }).resolvedYaml).source;
    expect(twice('4', '3')).toBe('overridden: --set ticksPerYear=12; overridden: --set years=3');
    expect(twice('3', '4')).toBe('overridden: --set ticksPerYear=12; overridden: --set years=4');
  });

  it('are listed in the manifest of compare, sweep and stress as path=value', () => {
    const loaded = loadScenario(MINIMAL, { set: ['years=3'] });
    const manifest = createCommandManifest({
      command: 'sweep', reference: { path: MINIMAL, loaded }, scenarios: [], arms: 1, overrides: ['ticksPerYear=12', yearsOverride('3')],
      masterSeed: 1, replicates: 2, workers: 0, ticks: 36, startedAt: new Date(0), finishedAt: new Date(0),
    });
    expect(manifest.overrides).toEqual(['ticksPerYear=12', 'years=3']);
  });
});
