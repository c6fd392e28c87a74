import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem } from '../../src/scenario/scenarioError.ts';

describe('lens setting warnings', () => {
  it('warn when engineersMinimumShare is set while engineers do not scale with size, and not when they do', () => {
    const alone = loadScenario('scenarios/baseline.yaml', { set: ['behaviour.engineersMinimumShare=0.25'] }).warnings.map(formatProblem);
    expect(alone).toEqual([expect.stringMatching(/behaviour\.engineersMinimumShare: expected engineersMinimumShare with engineersSizeExponent above 0, found 0\.25 with exponent 0 \(the floor acts only when engineers scale/)]);
    expect(loadScenario('scenarios/baseline.yaml', { set: ['behaviour.engineersMinimumShare=0.25', 'behaviour.engineersSizeExponent=0.6'] }).warnings).toEqual([]);
  });
});
