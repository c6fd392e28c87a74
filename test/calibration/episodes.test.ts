/**
 * Validation against history: the default behavioural parameters (src/scenario/defaults.ts) run
 * on every calibration episode (scenarios/calibration/), and each stylized fact's Monte Carlo mean
 * must lie in its band from /work/shared/data/episodes.md (copied, never widened, in
 * scenarios/calibration/calibrate.yaml). Targets the model cannot reach yet are `it.fails` with
 * the reason (docs/validation.md, "missed"): they flip to failures, to be moved back, when the
 * engine improves. Replicates share seed and indices with `crm-sim calibrate` (common random numbers).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCalibrationSpec } from '../../src/calibrate/loadCalibrationSpec.ts';
import { evaluateParameters, type Evaluation } from '../../src/calibrate/evaluateParameters.ts';
import { formatBand, formatFigure } from '../../src/calibrate/formatCalibrationReport.ts';

/**
 * Targets the default set misses, each with the reason (see docs/validation.md). The test of such a
 * target is `it.fails`: it passes while the target is missed and fails once the model reaches it.
 */
export const KNOWN_MISSES: Record<string, string> = {
  'vc1.lightMonthsToPeak': 'the light-oxide peak comes ~14.1 months after the cut, a few days past the band\'s 14-month edge (since the session-21 refit, after runs start on a steady-growth path: gap G29; unchanged by session 23\'s)',
  'vc1.lightMonthsFromEmbargo': 'the same peak comes ~12.2 months after the embargo on Japan, a week past the band\'s 12 (since the session-21 refit)',
  'vc1.twoTierAtPeak': 'the ex-China price peaks at ~10.1x China\'s, just over the band\'s 10 (9.6 before session 23: a binding quota\'s buyers now pay its rent and turn to other origins, gap G31, and the refit after it)',
  'vc1.twoTierAfter12Months': 'the spread a year after the peak is ~1.05, under the band\'s 1.5: once outside demand fits the quota the outside price returns towards its anchor; no export duty holds a wedge, and the quota rent lasts only while the quota binds',
  'vc1.lightLeftAfter6Months': 'the light oxides keep ~0.45 of their peak six months on, over the band\'s 0.4 (since the session-20 refit, after a quota was shared by its destinations: gap G28; short-run demand barely responds to price)',
  'vc1.quotaUseYears2to3': 'exports run at ~81% of the quota in years 2-3, against the band\'s 40-65%: since session 23 importers order from a quota\'d origin as from any other and the quota cuts only what it cannot fill (gap G31). The cap on its weight that gave ~66% held orders to China at the quota while it was in force, so the new plants outside China ran near capacity from 2013; now China, cheapest once prices fall back, keeps most orders and they run at about half. History names demand destruction, destocking of what buyers bought in 2010 and smuggling; the model has the first only (thrift)',
  'vc3.frontRunning': 'China\'s graphite exports in the announcement month reach ~1.98x the year\'s mean, at the band\'s lower edge of 2 (since the session-20 refit: gap G28)',
  'vc3.exChinaPriceRise': 'the ex-China graphite price rises ~10.6% over its path without the licensing, at the band\'s edge of 10%',
  'bullwhip.manufacturerOverEndUse': 'manufacturers\' orders vary ~0.91x as much as end users\' demand (0.99 at the fit\'s 12 replicates: at the edge), where the band wants at least 1: the input-order correction (0.046 a week) damps the first stage\'s amplification; the upstream stages still amplify',
};

// The spec's seed and replicates: the very numbers the fit saw (episodes differ between replicates
// only by firm draws and the bullwhip's demand noise, so a few replicates give stable means).
const calibration = loadCalibrationSpec('scenarios/calibration/calibrate.yaml');
calibration.spec.parameters = [];

describe('calibration episodes reproduced by the default behavioural parameters', () => {
  let evaluation: Evaluation;
  beforeAll(() => {
    evaluation = evaluateParameters(calibration, []);
  });
  for (const episode of calibration.episodes) {
    describe(episode.episode.description ?? episode.id, () => {
      for (const [id, target] of Object.entries(episode.episode.targets)) {
        const key = `${episode.id}.${id}`;
        const name = `${id}: ${target.description ?? target.kind} in ${formatBand(target.band)}`;
        const check = () => {
          const result = evaluation.targets.find((t) => t.episode === episode.id && t.id === id);
          expect(result, key).toBeDefined();
          expect(result!.inBand, `${key} simulated ${formatFigure(result!.mean)}, band ${formatBand(target.band)}`).toBe(true);
        };
        if (KNOWN_MISSES[key]) it.fails(`${name} (missed: ${KNOWN_MISSES[key]})`, check);
        else it(name, check);
      }
    });
  }
});
