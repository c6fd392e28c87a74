/**
 * behaviour.engineersSizeExponent and engineersMinimumShare (docs/model.md §12 condition 5, gap G24):
 * a project's engineers scale with its capacity over the typical (greenfield) plant of its stage and
 * material; at the default exponent 0 every project takes engineersPerProject, as before.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createRecorder, createWorld, step, type ScenarioSpec } from '../../sim-core/index.ts';
import { engineersInUse, engineersNeeded } from '../../sim-core/phases/engineersNeeded.ts';
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

  it('lets a region start more, smaller projects when needs scale, and never lets an expansion overrun the pool', () => {
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
