/**
 * behaviour.engineersSizeExponent and engineersMinimumShare (docs/model.md §12 condition 5, gap G24):
 * a project's engineers scale with its capacity over the typical (greenfield) plant of its stage and
 * material; at the default exponent 0 every project takes engineersPerProject, as before.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createRecorder, createWorld, step, type ScenarioSpec } from '../../sim-core/index.ts';
import { engineersInUse, engineersNeeded, hasEngineersForExpansion, hasEngineersForGreenfield } from '../../sim-core/phases/engineersNeeded.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const GRAPHITE_PROCESSING = 1;
const specWith = (set: string[]): ScenarioSpec => loadScenario('scenarios/baseline.yaml', { set }).spec;

describe('engineersNeeded', () => {
  it('takes engineersPerProject whatever the size at exponent 0, and scales with capacity over the typical plant otherwise', () => {
    const flat = createWorld(specWith([]), 1, 0);
    const m = flat.spec.materials.findIndex((material) => material.id === 'graphite');
    const capacity = flat.spec.materials[m].processing.capacityByRegion;
    const typical = (0.05 * Object.values(capacity).reduce((a, b) => a + b, 0)) / flat.ticksPerYear;
    expect(flat.typicalPlantTonnesPerTick[GRAPHITE_PROCESSING * flat.materials + m]).toBeCloseTo(typical, 9);
    for (const size of [typical * 1e-4, typical, typical * 3]) expect(engineersNeeded(flat, GRAPHITE_PROCESSING, m, size)).toBe(20);

    const linear = createWorld(specWith(['behaviour.engineersSizeExponent=1']), 1, 0);
    expect(engineersNeeded(linear, GRAPHITE_PROCESSING, m, typical)).toBeCloseTo(20, 9);
    expect(engineersNeeded(linear, GRAPHITE_PROCESSING, m, typical / 10)).toBeCloseTo(2, 9);
    expect(engineersNeeded(linear, GRAPHITE_PROCESSING, m, typical * 2)).toBeCloseTo(40, 9);

    const sixTenths = createWorld(specWith(['behaviour.engineersSizeExponent=0.6', 'behaviour.engineersMinimumShare=0.25']), 1, 0);
    expect(engineersNeeded(sixTenths, GRAPHITE_PROCESSING, m, typical / 10)).toBeCloseTo(20 * 0.1 ** 0.6, 9); // 5.02: above the floor
    expect(engineersNeeded(sixTenths, GRAPHITE_PROCESSING, m, typical / 1000)).toBe(5); // the floor: a quarter of 20
  });

  it('gives engineersPerProject to a project of a stage with no capacity in the scenario (no typical plant)', () => {
    const world = createWorld(specWith(['behaviour.engineersSizeExponent=1']), 1, 0);
    world.typicalPlantTonnesPerTick[GRAPHITE_PROCESSING * world.materials] = 0;
    expect(engineersNeeded(world, GRAPHITE_PROCESSING, 0, 5)).toBe(20);
  });

  it('starts an expansion only with all its engineers free, a greenfield plant while any are', () => {
    const world = createWorld(specWith(['behaviour.engineersSizeExponent=0.6']), 1, 0);
    const { engineers, engineersInUse: inUse } = world.regionState;
    inUse[0] = 90;
    engineers[0] = 95;
    expect(hasEngineersForExpansion(world, 0, 5)).toBe(true); // 90 + 5 = 95: just fits
    expect(hasEngineersForExpansion(world, 0, 5.001)).toBe(false); // one short
    expect(hasEngineersForGreenfield(world, 0)).toBe(true);
    engineers[0] = 90;
    expect(hasEngineersForExpansion(world, 0, 0.001)).toBe(false);
    expect(hasEngineersForGreenfield(world, 0)).toBe(false); // none free
    engineers[0] = 90.5;
    expect(hasEngineersForGreenfield(world, 0)).toBe(true); // half an engineer free: the plant starts and builds its team up
  });

  it('keeps the check of before the lens at exponent 0, bit for bit for a fractional engineersPerProject', () => {
    const world = createWorld(specWith(['behaviour.engineersPerProject=0.1']), 1, 0);
    const r = 0;
    world.regionState.projectsUnderConstruction[r] = 29;
    world.regionState.engineers[r] = 3;
    // (29 + 1) · 0.1 = 3 fits; 29 · 0.1 + 0.1 = 3.0000000000000004 would not.
    expect(hasEngineersForExpansion(world, r, engineersNeeded(world, 0, 0, 1))).toBe(true);
    expect(engineersInUse(world, r)).toBe(29 * 0.1);
    world.regionState.engineers[r] = 2.9;
    expect(hasEngineersForGreenfield(world, r)).toBe(false); // 29 · 0.1 < 2.9 is false
  });

  it('lets a region start more, smaller projects when needs scale; the pool is overrun only by a greenfield start, by less than one plant', () => {
    // US engineers cut to 100 (5 projects at 20 each; the pool then grows by ~220 graduates a year), three years of the baseline.
    const startedProjects = (set: string[]) => {
      const spec = specWith(['regions.US.engineers=100', 'years=3', ...set]);
      const world = createWorld(spec, 1, 0);
      const recorder = createRecorder(world, compileScenario(spec).layout.series.length, compileScenario(spec).offsets);
      const us = spec.regions.findIndex((region) => region.id === 'US');
      let mostBuilding = 0;
      let overrun = 0;
      for (let t = 0; t < world.ticks; t++) {
        step(world, recorder);
        mostBuilding = Math.max(mostBuilding, world.regionState.projectsUnderConstruction[us]);
        // A greenfield start may take the last free engineers beyond the pool (it builds its team up): at most one plant's worth.
        overrun = Math.max(overrun, engineersInUse(world, us) - world.regionState.engineers[us]);
      }
      return { mostBuilding, overrun };
    };
    const fixed = startedProjects([]);
    const scaled = startedProjects(['behaviour.engineersSizeExponent=0.6', 'behaviour.engineersMinimumShare=0.25']);
    expect(scaled.mostBuilding).toBeGreaterThan(fixed.mostBuilding);
    expect(fixed.overrun).toBeLessThanOrEqual(20);
    expect(scaled.overrun).toBeLessThanOrEqual(20);
  });
});
