import { describe, expect, it } from 'vitest';
import type { TargetSpec } from '../../src/calibrate/calibrationSpec.ts';
import type { Evaluation, TargetResult } from '../../src/calibrate/evaluateParameters.ts';
import { formatCalibrationReport } from '../../src/calibrate/formatCalibrationReport.ts';

const target = (band: [number | null, number | null]) => ({ kind: 'peakMultiple', band, scale: 'linear', weight: 1 }) as unknown as TargetSpec;
const result = (id: string, band: [number | null, number | null], mean: number, mcse: number, inBand: boolean, edge: boolean, loss: number): TargetResult =>
  ({ episode: 'vc3', id, target: target(band), values: [mean - 1, mean + 1], mean, mcse, inBand, edge, loss });
const evaluation = (first: number, targets: TargetResult[]): Evaluation => ({ values: [2], replicates: { first, count: 6 }, loss: targets.reduce((s, t) => s + t.loss, 0), targets });

describe('formatCalibrationReport', () => {
  const best = evaluation(0, [
    result('firstMonthDrop', [0.85, 0.95], 0.9, 0.01, true, false, 0),
    result('recovery', [0.8, 1.2], 0.786, 0.04, false, true, 0.049), // 0.35 MCSE below the band: at an edge, not MISSED
    result('exChinaPriceRise', [null, 1.1], 1.3, 0.01, false, false, 0.5),
  ]);
  const fresh = evaluation(6, [
    result('firstMonthDrop', [0.85, 0.95], 0.91, 0.01, true, false, 0),
    result('recovery', [0.8, 1.2], 0.9, 0.03, true, false, 0.01),
    result('exChinaPriceRise', [null, 1.1], 1.31, 0.01, false, false, 0.52),
  ]);
  const text = formatCalibrationReport([{ path: 'behaviour.x', min: 1, max: 3, scale: 'linear' } as never], { start: best, best, evaluations: 5, fresh });

  it('gives each target\'s MCSE next to the simulated mean, and marks a target within 2 MCSE of a bound as at an edge', () => {
    expect(text).toMatch(/simulated {2}MCSE/);
    expect(text).toMatch(/recovery .* 0\.786 {2}0\.04 .* edge {2}0\.049/);
    expect(text).toMatch(/exChinaPriceRise .* 1\.3 {2}0\.01 .* MISSED {2}0\.500/);
    expect(text).toContain('edge: a band bound within 2 MCSE of the mean, so whether it is in or out is not settled by these replicates');
  });

  it('reports the loss and band count in sample and on the fresh replicates, and which targets change', () => {
    expect(text).toContain('in sample (replicates 0-5, those every evaluation runs): total loss 0.549; 1 of 3 targets in band, 1 at an edge, 1 missed\n');
    expect(text).toContain('out of sample (replicates 6-11, fresh draws, same seed): total loss 0.530; 2 of 3 targets in band, 0 at an edge, 1 missed\n');
    expect(text).toContain('changed on the fresh replicates: vc3/recovery edge → yes\n');
    expect(text).toMatch(/start loss 0\.549 → fitted loss 0\.549 after 5 evaluations\n$/);
  });
});

describe('fresh replicates', () => {
  it('are replicate indices R…2R−1: the values runEpisode gives there are those of a 2R-replicate run\'s second half', async () => {
    const { loadCalibrationSpec } = await import('../../src/calibrate/loadCalibrationSpec.ts');
    const { runEpisode } = await import('../../src/calibrate/runEpisode.ts');
    const { runToEnd } = await import('../../src/calibrate/runSteps.ts');
    const calibration = loadCalibrationSpec('test/fixtures/calibration/tiny.calibration.yaml');
    const [episode] = calibration.episodes;
    const parameters = calibration.spec.parameters;
    const all = runToEnd(runEpisode(episode, parameters, [0.1], 3, 4));
    const fresh = runToEnd(runEpisode(episode, parameters, [0.1], 3, 2, 2));
    expect(fresh.values).toEqual(all.values.map((v) => v.slice(2)));
    expect(fresh.values).not.toEqual(all.values.map((v) => v.slice(0, 2)));
  });
});
