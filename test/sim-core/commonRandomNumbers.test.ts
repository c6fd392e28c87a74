import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner, createWorld, sampleScenario, type ScenarioSpec, type World } from '../../sim-core/index.ts';
import { firmKeyOf } from '../../sim-core/world/firmStore.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

/**
 * Common random numbers (docs/statistics.md, "What stays paired"): every draw is keyed by what it is
 * (an uncertainty's label, a firm cell's stage and ids), never by its position in a sequence, so a
 * scenario edit in one place leaves the draws everywhere else as they were.
 */
const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';

/** The value at a dotted index path of a spec. */
function at(spec: ScenarioSpec, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec);
}

/** The sampled value of every uncertainty of `spec`, by label, for one replicate. */
function drawnByLabel(spec: ScenarioSpec, seed: number, replicate: number): Map<string, unknown> {
  const sampled = sampleScenario(spec, seed, replicate);
  return new Map(spec.uncertainties.map((u) => [u.label, at(sampled, u.path)]));
}

/** Every starting firm of every cell of a world, by (stage, material id, region id). */
function firmsByCell(world: World): Map<string, number[]> {
  const cells = new Map<string, number[]>();
  world.stores.forEach((store, stage) =>
    world.spec.materials.forEach((material, m) =>
      world.spec.regions.forEach((region, r) => {
        const c = m * world.regions + r;
        const firms: number[] = [];
        for (let f = store.cellStart[c]; f < store.cellStart[c] + store.cellUsedSlots[c]; f++) {
          firms.push(store.capacityTonnesPerTick[f], store.unitCostUsdPerTonne[f], store.isMajor[f], firmKeyOf(store, c, f));
        }
        cells.set(`${stage}/${material.id}/${region.id}`, firms);
      }),
    ),
  );
  return cells;
}

describe('common random numbers across scenario edits', () => {
  it('adding an event with an uncertain value leaves every other uncertain parameter\'s draw unchanged', () => {
    const a = loadScenario(MINIMAL).spec;
    // The new event and the newly uncertain quota share sort before the materials' uncertainties.
    const b = loadScenario(MINIMAL, {
      set: ['events.aaExtra={kind: stockpile, material: dy, region: US, budgetUsd: {dist: uniform, min: 1, max: 2}, start: 2026}',
        'events.quotaCut.quotaShare={dist: uniform, min: 0.4, max: 0.6}'],
    }).spec;
    expect(b.uncertainties.length).toBe(a.uncertainties.length + 2);
    expect(b.uncertainties[0].label.startsWith('events.')).toBe(true);
    const added = new Set<unknown>();
    for (let replicate = 0; replicate < 10; replicate++) {
      const drawnA = drawnByLabel(a, 3, replicate);
      const drawnB = drawnByLabel(b, 3, replicate);
      for (const [label, value] of drawnA) expect(drawnB.get(label), label).toBe(value);
      added.add(drawnB.get('events.aaExtra.budgetUsd'));
    }
    expect(added.size).toBe(10);
  });

  it('giving an empty cell capacity leaves every other cell\'s firms (sizes, costs, keys) unchanged', () => {
    const a = loadScenario(MINIMAL).spec;
    // US NdPr processing is empty in A; it comes before CN's and every manufacturing cell.
    const b = loadScenario(MINIMAL, { set: ['materials.ndpr.processing.capacityByRegion.US=0.1'] }).spec;
    for (let replicate = 0; replicate < 3; replicate++) {
      const firmsA = firmsByCell(createWorld(a, 5, replicate));
      const firmsB = firmsByCell(createWorld(b, 5, replicate));
      expect(firmsA.get('1/ndpr/US')).toEqual([]);
      expect(firmsB.get('1/ndpr/US')?.length).toBeGreaterThan(0);
      firmsB.delete('1/ndpr/US');
      firmsA.delete('1/ndpr/US');
      expect(firmsA.get('1/ndpr/CN')?.length).toBeGreaterThan(0);
      expect(firmsB).toEqual(firmsA);
    }
  });

  it('a paired run: materials the new cell does not touch stay bit-identical in every series', () => {
    // Shared engineers and the foreign actor's budget couple materials by design: switched off here.
    const common = ['years=2', 'ticksPerYear=12', 'resolution.firmsPerCapacityCell=2', 'behaviour.engineersPerProject=0', 'foreignActor.rules.budgetUsd=0'];
    const a = compileScenario(loadScenario('scenarios/baseline.yaml', { set: common }).spec);
    const b = compileScenario(loadScenario('scenarios/baseline.yaml', { set: [...common, 'materials.gallium.processing.capacityByRegion.US=0.1'] }).spec);
    expect(b.layout.series).toEqual(a.layout.series);
    const { series: keys, ticks } = a.layout;
    const untouched = keys.flatMap((key, i) => (key.material !== '' && key.material !== 'gallium' ? [i] : []));
    expect(untouched.length).toBeGreaterThan(100);
    const runA = createReplicateRunner(a);
    const runB = createReplicateRunner(b);
    let galliumMoved = false;
    for (let replicate = 0; replicate < 2; replicate++) {
      const x = runA(9, replicate).series;
      const y = runB(9, replicate).series;
      for (const i of untouched) expect(y.subarray(i * ticks, (i + 1) * ticks), `${keys[i].metric} ${keys[i].material} ${keys[i].stage} ${keys[i].region}`).toEqual(x.subarray(i * ticks, (i + 1) * ticks));
      galliumMoved ||= keys.some((key, i) => key.material === 'gallium' && x[i * ticks + ticks - 1] !== y[i * ticks + ticks - 1]);
    }
    expect(galliumMoved).toBe(true);
  });
});
