import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCalibrationSpec } from '../../src/calibrate/loadCalibrationSpec.ts';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';

const TINY = 'test/fixtures/calibration/tiny.calibration.yaml';
const scenario = join(process.cwd(), 'scenarios/calibration/bullwhip-four-stage.yaml');

/** Temporary folders written by {@link writeSpec}, removed after the tests. */
const written: string[] = [];
afterAll(() => { for (const dir of written) rmSync(dir, { recursive: true, force: true }); });

/** Writes a spec with one episode on the bullwhip scenario and the given target / extra keys. */
function writeSpec(target: string, extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-calibrate-'));
  written.push(dir);
  const file = join(dir, 'spec.yaml');
  writeFileSync(file, `name: t\n${extra}episodes:\n  e:\n    scenario: ${scenario}\n    set: [years=2]\n    targets:\n      x: ${target}\n`);
  return file;
}
const peak = '{ kind: peakMultiple, series: "price:widget:processing:HOME", baseline: [2025-01, 2025-03], window: [2025-01, 2026-01], band: [1, 2] }';

describe('loadCalibrationSpec', () => {
  it('loads the tiny fixture with defaults and command-line overrides', () => {
    const loaded = loadCalibrationSpec(TINY, { replicates: 5 });
    expect(loaded.spec.replicates).toBe(5);
    expect(loaded.spec.seed).toBe(3);
    expect(loaded.episodes).toHaveLength(1);
    expect(loaded.episodes[0].scenario.years).toBe(2);
    expect(loaded.spec.parameters[0].scale).toBe('log');
  });
  it('loads the shipped calibration spec and every episode in it', () => {
    const loaded = loadCalibrationSpec('scenarios/calibration/calibrate.yaml');
    expect(loaded.episodes.map((e) => e.id)).toEqual(['vc1', 'vc3', 'vc6', 'vc7', 'bullwhip', 'calm']);
    for (const episode of loaded.episodes) expect(episode.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('names the file and key of a schema problem', () => {
    const file = writeSpec('{ kind: peakMultiple, series: "price:widget:processing:HOME", window: [2025-01, 2026-01], band: [1, 2] }');
    expect(() => loadCalibrationSpec(file)).toThrow(UsageError);
    expect(() => loadCalibrationSpec(file)).toThrow(/episodes\.e\.targets\.x\.baseline/);
  });
  it('refuses unknown series, unknown control events and control kinds without a control', () => {
    expect(() => loadCalibrationSpec(writeSpec(peak.replace('price:widget', 'price:nothing')))).toThrow(/no series price:nothing:processing:HOME/);
    const control = '{ kind: ratioToControl, series: "price:widget:processing:HOME", window: [2025-01, 2026-01], band: [1, 2] }';
    expect(() => loadCalibrationSpec(writeSpec(control))).toThrow(/needs control.withoutEvents/);
    const file = writeSpec(peak).replace('', '');
    writeFileSync(file, `name: t\nepisodes:\n  e:\n    scenario: ${scenario}\n    control: { withoutEvents: [noSuchEvent] }\n    targets:\n      x: ${peak}\n`);
    expect(() => loadCalibrationSpec(file)).toThrow(/no event noSuchEvent/);
  });
  it('refuses bad parameter bounds and unknown keys', () => {
    expect(() => loadCalibrationSpec(writeSpec(peak, 'parameters: [{ path: behaviour.expectationYears, min: 1, max: 0.5 }]\n'))).toThrow(/min < max/);
    expect(() => loadCalibrationSpec(writeSpec(peak, 'parameters: [{ path: behaviour.expectationYears, min: 0, max: 1, scale: log }]\n'))).toThrow(/min > 0/);
    expect(() => loadCalibrationSpec(writeSpec(peak, 'parameters: [{ path: materials.x.demand.maxThrift, min: 0, max: 1 }]\n'))).toThrow(/behaviour.<key> or demand.<key>/);
    expect(() => loadCalibrationSpec(writeSpec(peak, 'colour: red\n'))).toThrow(UsageError);
  });
  it('passes on the scenario loader\'s located errors', () => {
    const file = writeSpec(peak);
    writeFileSync(file, `name: t\nepisodes:\n  e:\n    scenario: ${scenario}\n    set: [years=-3]\n    targets:\n      x: ${peak}\n`);
    expect(() => loadCalibrationSpec(file)).toThrow(ScenarioError);
  });
});
