import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem } from '../../src/scenario/scenarioError.ts';
import { runCli } from '../cli/runCli.ts';

const LOSING = 'test/fixtures/scenarios/losingStage.yaml';

describe('stage margin warnings', () => {
  it('locate a base price below the stage\'s cash cost, with the cost it should cover', () => {
    const { warnings } = loadScenario(LOSING);
    expect(warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/^test\/fixtures\/scenarios\/losingStage\.yaml:7:19: materials\.ndpr\.basePriceUsdPerTonne\.processing: expected a processing price above the stage's cash cost at base prices \(unit cost 2250 \+ mining price 22000 \/ yield 0\.9 = 26690 USD\/t\), found 15000 USD\/t/),
    ]);
  });

  it('are absent from every shipped scenario', () => {
    const shipped = ['scenarios', 'scenarios/calibration'].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.yaml') && name !== 'calibrate.yaml' && !name.startsWith('.')).map((name) => `${dir}/${name}`));
    expect(shipped.length).toBeGreaterThan(15);
    for (const file of shipped) {
      expect(loadScenario(file).warnings, file).toEqual([]);
    }
  });

  it('go to stderr from validate, which still accepts the file', () => {
    const { status, stdout, stderr } = runCli(['validate', LOSING]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/losingStage\.yaml: ok/);
    expect(stderr).toMatch(/^warning: test\/fixtures\/scenarios\/losingStage\.yaml:7:19: materials\.ndpr\.basePriceUsdPerTonne\.processing: /);
  });
});
