import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCalibrationSpec } from '../../src/calibrate/loadCalibrationSpec.ts';
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
    expect(() => loadCalibrationSpec(file)).toThrow(ScenarioError);
    expect(() => loadCalibrationSpec(file)).toThrow(/spec\.yaml:7:7: episodes\.e\.targets\.x\.baseline: expected two dates \[from, to\], found nothing \(required key\)/);
  });
  it('refuses unknown series, unknown control events and control kinds without a control', () => {
    expect(() => loadCalibrationSpec(writeSpec(peak.replace('price:widget', 'price:nothing')))).toThrow(/spec\.yaml:7:\d+: episodes\.e\.targets\.x\.series: expected a series of .*, found "price:nothing:processing:HOME" \(no series price:nothing:processing:HOME/);
    const control = '{ kind: ratioToControl, series: "price:widget:processing:HOME", window: [2025-01, 2026-01], band: [1, 2] }';
    expect(() => loadCalibrationSpec(writeSpec(control))).toThrow(/episodes\.e\.targets\.x\.kind: expected .*found "ratioToControl" \(kind ratioToControl needs control.withoutEvents\)/);
    const file = writeSpec(peak).replace('', '');
    writeFileSync(file, `name: t\nepisodes:\n  e:\n    scenario: ${scenario}\n    control: { withoutEvents: [noSuchEvent] }\n    targets:\n      x: ${peak}\n`);
    expect(() => loadCalibrationSpec(file)).toThrow(/spec\.yaml:5:\d+: episodes\.e\.control\.withoutEvents\.0: expected an event id of .*, found "noSuchEvent" \(no event noSuchEvent/);
  });
  it('refuses bad parameter bounds and unknown keys', () => {
    expect(() => loadCalibrationSpec(writeSpec(peak, 'parameters: [{ path: behaviour.expectationYears, min: 1, max: 0.5 }]\n'))).toThrow(/spec\.yaml:2:\d+: parameters\.0\.max: expected a number above min \(1\), found 0\.5/);
    expect(() => loadCalibrationSpec(writeSpec(peak, 'parameters: [{ path: behaviour.expectationYears, min: 0, max: 1, scale: log }]\n'))).toThrow(/parameters\.0\.min: expected a number > 0 \(the scale is log\), found 0/);
    expect(() => loadCalibrationSpec(writeSpec(peak, 'parameters: [{ path: materials.x.demand.maxThrift, min: 0, max: 1 }]\n'))).toThrow(/parameters\.0\.path: expected behaviour\.<key> or demand\.<key>, found "materials\.x\.demand\.maxThrift"/);
    expect(() => loadCalibrationSpec(writeSpec(peak, 'colour: red\n'))).toThrow(/spec\.yaml:2:1: colour: expected a known key \(name, .*\), found "colour"/);
    expect(() => loadCalibrationSpec(writeSpec(peak, 'replicats: 3\n'))).toThrow(/found "replicats" \(did you mean "replicates"\?\)/);
  });
  it('passes on the scenario loader\'s located errors', () => {
    const file = writeSpec(peak);
    writeFileSync(file, `name: t\nepisodes:\n  e:\n    scenario: ${scenario}\n    set: [years=-3]\n    targets:\n      x: ${peak}\n`);
    expect(() => loadCalibrationSpec(file)).toThrow(ScenarioError);
  });  it('says every spec problem in the scenario loader\'s style, as a usage mistake (exit 2), without the validator\'s words', () => {
    const problem = (file: string): string => {
      try {
        loadCalibrationSpec(file);
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        expect((error as ScenarioError).problems.every((p) => p.usage === true)).toBe(true);
        return (error as Error).message;
      }
      throw new Error(`${file} loaded`);
    };
    expect(problem(writeSpec(peak, 'replicates: -1\n'))).toMatch(/^.*spec\.yaml:2:13: replicates: expected an integer ≥ 1, found -1$/);
    expect(problem(writeSpec(peak.replace('peakMultiple', 'bogusKind')))).toMatch(/spec\.yaml:7:\d+: episodes\.e\.targets\.x\.kind: expected one of peakMultiple, .*, found "bogusKind"$/);
    const empty = writeSpec(peak);
    writeFileSync(empty, '# nothing yet\n');
    expect(problem(empty)).toMatch(/spec\.yaml:1:1: \(root\): expected a calibration spec \(name, parameters, episodes\), found an empty file$/);
    expect(problem('scenarios/baseline.yaml')).toMatch(/^scenarios\/baseline\.yaml:1:1: \(root\): expected a calibration spec \(name, parameters, episodes\), found a scenario file/);
    expect(problem('no/such/spec.yaml')).toBe('no/such/spec.yaml: expected a readable calibration spec, found no such file');
    expect(problem('test/calibrate')).toBe('test/calibrate:1:1: (root): expected a readable calibration spec, found a folder');
    for (const text of [problem(writeSpec(peak, 'replicates: -1\n')), problem(writeSpec(peak.replace('peakMultiple', 'bogusKind')))]) {
      expect(text).not.toMatch(/Too small|Invalid|discriminator|received/);
    }
  });  it('refuses a parameter path that is not a number of the episodes\' scenarios, located, before anything runs', () => {
    const path = (p: string) => writeSpec(peak, `parameters: [{ path: ${p}, min: 0.02, max: 0.6 }]\n`);
    expect(() => loadCalibrationSpec(path('behaviour.nosuch'))).toThrow(ScenarioError);
    expect(() => loadCalibrationSpec(path('behaviour.nosuch'))).toThrow(/spec\.yaml:2:22: parameters\.0\.path: expected a numeric behavioural parameter \(behaviour\.\w+, .*\), found "behaviour\.nosuch" \(no such number in .*bullwhip-four-stage\.yaml, the scenario of episode e\)$/);
    expect(() => loadCalibrationSpec(path('behaviour.expectationYear'))).toThrow(/found "behaviour\.expectationYear" .*did you mean "behaviour\.expectationYears"\?/);
    expect(() => loadCalibrationSpec(path('behaviour.greenfield'))).toThrow(/parameters\.0\.path: expected a numeric behavioural parameter/);
    expect(() => loadCalibrationSpec(path('demand.nosuch'))).toThrow(/parameters\.0\.path: expected a numeric demand parameter of every material \(demand\.\w+, /);
    expect(loadCalibrationSpec(path('behaviour.greenfield.permittingYears')).spec.parameters[0].path).toBe('behaviour.greenfield.permittingYears');
  });  it('refuses a start outside the bounds, windows outside the run or reversed, and reversed bands, located', () => {
    // The bullwhip episode runs from 2025 for 2 years here (set: years=2).
    const withStart = writeSpec(peak, 'parameters: [{ path: behaviour.expectationYears, min: 0.05, max: 1.5, start: 5 }]\n');
    expect(() => loadCalibrationSpec(withStart)).toThrow(/spec\.yaml:2:\d+: parameters\.0\.start: expected a number from min to max \(0\.05 to 1\.5\), found 5$/);
    const outside = writeSpec(peak.replace('window: [2025-01, 2026-01]', 'window: [1990-01, 1991-01]'));
    expect(() => loadCalibrationSpec(outside)).toThrow(/spec\.yaml:7:\d+: episodes\.e\.targets\.x\.window: expected dates inside the run of .*bullwhip-four-stage\.yaml \(from 2025 until 2027\), found \[1990-01, 1991-01\]$/);
    const overhanging = writeSpec(peak.replace('window: [2025-01, 2026-01]', 'window: [2026-01, 2028-01]'));
    expect(() => loadCalibrationSpec(overhanging)).toThrow(/targets\.x\.window: expected dates inside the run/);
    const reversed = writeSpec(peak.replace('baseline: [2025-01, 2025-03]', 'baseline: [2025-03, 2025-01]'));
    expect(() => loadCalibrationSpec(reversed)).toThrow(/targets\.x\.baseline: expected two dates \[from, to\] with from before to, found \[2025-03, 2025-01\]$/);
    const month = writeSpec('{ kind: firstMonthDrop, series: "price:widget:processing:HOME", month: 1990-01, band: [0, 1] }');
    expect(() => loadCalibrationSpec(month)).toThrow(/targets\.x\.month: expected a date inside the run of .* found "1990-01"$/);
    const band = writeSpec(peak.replace('band: [1, 2]', 'band: [0.5, 0.01]'));
    expect(() => loadCalibrationSpec(band)).toThrow(/spec\.yaml:7:\d+: episodes\.e\.targets\.x\.band: expected \[low, high\] with low ≤ high \(null for an open side\), found \[0\.5, 0\.01\]$/);
    expect(loadCalibrationSpec(writeSpec(peak.replace('band: [1, 2]', 'band: [null, 2]'))).episodes).toHaveLength(1);
  });
  it('refuses an afterMonths that reaches past the end of the run from a peak late in its window, located', () => {
    // The bullwhip episode runs from 2025 until 2027 (set: years=2); a peak in the window's last tick plus 12 months is still inside.
    const share = (months: number) => writeSpec(`{ kind: shareOfPeakLeft, series: "price:widget:processing:HOME", window: [2025-01, 2026-01], afterMonths: ${months}, band: [0, 1] }`);
    expect(loadCalibrationSpec(share(12)).episodes).toHaveLength(1);
    expect(() => loadCalibrationSpec(share(13))).toThrow(ScenarioError);
    expect(() => loadCalibrationSpec(share(13))).toThrow(/spec\.yaml:7:\d+: episodes\.e\.targets\.x\.afterMonths: expected a number of months ≤ 12 \(a peak at the end of window \[2025-01, 2026-01\] plus afterMonths must lie inside the run of .*bullwhip-four-stage\.yaml, until 2027\), found 13 \(beyond the run the target cannot be measured\)$/);
    const ratio = writeSpec('{ kind: ratioAtPeak, series: "price:widget:processing:HOME", denominator: "price:widget:processing:HOME", window: [2025-01, 2026-01], afterMonths: 30, band: [0, 2] }');
    expect(() => loadCalibrationSpec(ratio)).toThrow(/targets\.x\.afterMonths: expected a number of months ≤ 12 /);
  });
  it('refuses a zero-width band without a tolerance (the loss would divide by its width, 0), located; with a tolerance it loads', () => {
    const zero = writeSpec(peak.replace('band: [1, 2]', 'band: [1.5, 1.5]'));
    expect(() => loadCalibrationSpec(zero)).toThrow(/spec\.yaml:7:\d+: episodes\.e\.targets\.x\.band: expected \[low, high\] with low < high, or a tolerance beside a zero-width band, found \[1\.5, 1\.5\] \(without a tolerance the loss is divided by the band's width, 0\)$/);
    expect(loadCalibrationSpec(writeSpec(peak.replace('band: [1, 2]', 'band: [1.5, 1.5], tolerance: 0.2'))).episodes).toHaveLength(1);
  });
});
