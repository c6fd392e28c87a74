import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../cli/runCli.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatCalibrationFragment } from '../../src/calibrate/formatCalibrationFragment.ts';
import type { CalibrationResult } from '../../src/calibrate/runCalibration.ts';
import type { ParameterSpec } from '../../src/calibrate/calibrationSpec.ts';

const TINY = 'test/fixtures/calibration/tiny.calibration.yaml';

describe('crm-sim calibrate', () => {
  it('fits, prints the fitted values and the loss per target, and writes a fragment', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'crm-cal-')), 'fitted.yaml');
    const result = runCli(['calibrate', TINY, '--out', out, '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/behaviour\.inventoryReleasePerTick/);
    expect(result.stdout).toMatch(/chain\s+bullwhip/);
    expect(result.stdout).toMatch(/fitted loss \d+\.\d{3} after \d+ evaluations/);
    expect(result.stdout).toMatch(/episode\s+target\s+observed\s+band\s+simulated\s+MCSE\s+replicates\s+in band\s+loss/);
    expect(result.stdout).toMatch(/^in sample \(replicates 0-1, those every evaluation runs\): total loss \d+\.\d{3}; \d of 2 targets in band, \d at an edge, \d missed$/m);
    expect(result.stdout).toMatch(/^out of sample \(replicates 2-3, fresh draws, same seed\): total loss \d+\.\d{3}; \d of 2 targets in band, \d at an edge, \d missed$/m);
    expect(readFileSync(out, 'utf8')).toMatch(/^# out of sample, replicates 2-3 \(same seed, not used by the fit\): loss \d+\.\d{3};/m);
    const fragment = parseYaml(readFileSync(out, 'utf8')) as { behaviour: Record<string, number> };
    expect(fragment.behaviour.inventoryReleasePerTick).toBeGreaterThanOrEqual(0.02);
    expect(fragment.behaviour.inventoryReleasePerTick).toBeLessThanOrEqual(0.5);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Behavioural parameters fitted by: crm-sim calibrate /);
  });
  it('is reproducible: the same spec and seed give the same JSON; --evaluate refuses --out rather than ignore it', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'crm-cal-')), 'none.yaml');
    const refused = runCli(['calibrate', TINY, '--evaluate', '--json', '--quiet', '--out', out]);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/--out writes the fitted fragment, and --evaluate does not fit: drop --out/);
    expect(refused.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const a = runCli(['calibrate', TINY, '--evaluate', '--json', '--quiet']);
    const b = runCli(['calibrate', TINY, '--evaluate', '--json', '--quiet']);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    type Summary = { replicates: number[]; loss: number; inBand: number; atEdge: number; missed: number };
    const json = JSON.parse(a.stdout) as {
      targets: { target: string; values: number[]; mean: number; mcse: number | null; edge: boolean; outOfSample: { mean: number; mcse: number | null; loss: number } }[];
      evaluations: number; loss: number; inSample: Summary; outOfSample: Summary;
    };
    expect(json.evaluations).toBe(1);
    expect(json.targets.map((t) => t.target)).toEqual(['bullwhip', 'noPeakAtStart']);
    expect(json.targets[0].values).toHaveLength(2);
    // Each target's Monte Carlo error (sd/√R over its 2 replicates), and the fresh check on replicates 2-3 (tiny's R = 2).
    const [v0, v1] = json.targets[0].values;
    expect(json.targets[0].mcse).toBeCloseTo(Math.abs(v0 - v1) / 2, 12);
    expect(json.inSample).toMatchObject({ replicates: [0, 1], loss: json.loss });
    expect(json.outOfSample.replicates).toEqual([2, 3]);
    expect(json.outOfSample.inBand + json.outOfSample.atEdge + json.outOfSample.missed).toBe(2);
    expect(json.outOfSample.loss).toBeCloseTo(json.targets.reduce((sum, t) => sum + t.outOfSample.loss, 0), 12);
    expect(json.targets[0].outOfSample.mean).not.toBe(json.targets[0].mean); // other draws
  });
  it('fits from scratch with --search: the start is the best sampled point, whatever the spec\'s start values', () => {
    const json = (args: string[]) => {
      const result = runCli(['calibrate', TINY, '--json', '--quiet', '--max-evaluations', '6', ...args]);
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { parameters: { start: number }[]; evaluations: number; startLoss: number; loss: number };
    };
    const searched = json(['--search', '5']);
    expect(searched.evaluations).toBeGreaterThan(5);
    expect(searched.loss).toBeLessThanOrEqual(searched.startLoss);
    expect(json(['--search', '5'])).toEqual(searched);
    const fromSpec = json([]);
    expect(searched.parameters.map((p) => p.start)).not.toEqual(fromSpec.parameters.map((p) => p.start));
    const both = runCli(['calibrate', TINY, '--evaluate', '--search', '3']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/cannot be combined with --search/);
  });
  it('writes fragment.extends (relative to the spec) as a path the fragment resolves from its own folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-cal-ext-'));
    mkdirSync(join(dir, 'specs'));
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'base', 'base.yaml'), `extends: ${resolve('scenarios/calibration/bullwhip-four-stage.yaml')}\nyears: 3\n`);
    const tiny = readFileSync(TINY, 'utf8').replace('scenario: ../../../', `scenario: ${process.cwd()}/`);
    writeFileSync(join(dir, 'specs', 'spec.yaml'), `${tiny}\nfragment: { extends: ../base/base.yaml }\n`);
    const out = join(dir, 'out', 'deeper', 'fitted.yaml');
    const result = runCli(['calibrate', join(dir, 'specs', 'spec.yaml'), '--max-evaluations', '1', '--quiet', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(parseYaml(readFileSync(out, 'utf8'))).toMatchObject({ extends: '../../base/base.yaml' });
    const fitted = (parseYaml(readFileSync(out, 'utf8')) as { behaviour: { inventoryReleasePerTick: number } }).behaviour.inventoryReleasePerTick;
    const { spec } = loadScenario(out);
    expect(spec.years).toBe(3);
    expect(spec.behaviour.inventoryReleasePerTick).toBe(fitted);
    writeFileSync(join(dir, 'specs', 'bad.yaml'), `${tiny}\nfragment: { extends: ../nowhere.yaml }\n`);
    const bad = runCli(['calibrate', join(dir, 'specs', 'bad.yaml'), '--evaluate', '--quiet']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+: fragment\.extends: expected an existing scenario file \(the path is relative to the spec file\), found "\.\.\/nowhere\.yaml"/);
  });
  it('locates an episode scenario missing beside a spec copied to another folder at the spec line that names it (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-cal-copy-'));
    writeFileSync(join(dir, 'copy.yaml'), readFileSync(TINY, 'utf8'));
    const relative = /scenario: (\S+)/.exec(readFileSync(TINY, 'utf8'))?.[1];
    const copied = runCli(['calibrate', join(dir, 'copy.yaml'), '--evaluate', '--quiet']);
    expect(copied.status).toBe(2);
    expect(copied.stderr).toMatch(new RegExp(`copy\\.yaml:\\d+:\\d+: episodes\\.\\w+\\.scenario: expected an existing scenario file \\(the path is relative to the spec file\\), found "${relative?.replaceAll('.', '\\.')}"`));
    expect(copied.stderr).not.toMatch(/no such file/);
  });
  it('gives one clear message and exit code 2 for usage mistakes', () => {
    const missing = runCli(['calibrate', 'no/such/spec.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^no\/such\/spec\.yaml: expected a readable calibration spec, found no such file$/m);
    const bad = runCli(['calibrate', TINY, '--replicates', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--replicates: expected an integer ≥ 1, found "0"/);
    const none = runCli(['calibrate', TINY, '--max-evaluations', '0']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--max-evaluations: expected an integer ≥ 1, found "0"/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('formatCalibrationFragment', () => {
  const parameters = [
    { path: 'behaviour.priceCoverageExponent', min: 0.5, max: 6, scale: 'log' },
    { path: 'behaviour.greenfield.permittingYears', min: 1, max: 10, scale: 'linear' },
    { path: 'demand.elasticityShortRun', min: -1, max: 0, scale: 'linear' },
  ] as ParameterSpec[];
  const evaluation = (values: number[], loss: number, first = 0) => ({ values, loss, targets: [], replicates: { first, count: 4 } });
  const result: CalibrationResult = {
    start: evaluation([1, 8, -0.1], 3), best: evaluation([2.25, 6, -0.15], 1.5), evaluations: 12, fresh: evaluation([2.25, 6, -0.15], 1.9, 4),
  };
  it('is a scenario fragment usable through extends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-frag-'));
    const fragment = join(dir, 'fitted.yaml');
    const base = join(process.cwd(), 'scenarios/baseline.yaml');
    writeFileSync(fragment, formatCalibrationFragment(parameters, result, { command: 'crm-sim calibrate x.yaml', seed: 1, replicates: 4, extends: base }));
    const { spec } = loadScenario(fragment);
    expect(spec.behaviour.priceCoverageExponent).toBe(2.25);
    expect(spec.behaviour.greenfield.permittingYears).toBe(6);
  });
  it('lists demand parameters as a commented block for every material', () => {
    const text = formatCalibrationFragment(parameters, result, { command: 'crm-sim calibrate x.yaml', seed: 1, replicates: 4 });
    expect(text).toMatch(/^# {3}elasticityShortRun: -0\.15$/m);
    expect(text).toMatch(/loss 3\.000 at the start values, 1\.500 fitted/);
    // The out-of-sample figures: the fitted values on replicates the fit never used.
    expect(text).toMatch(/^# out of sample, replicates 4-7 \(same seed, not used by the fit\): loss 1\.900; 0 of 0 targets in band, 0 at an edge, 0 missed\.$/m);
    expect(parseYaml(text)).toEqual({ behaviour: { priceCoverageExponent: 2.25, greenfield: { permittingYears: 6 } } });
  });
});
