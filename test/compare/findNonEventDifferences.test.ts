import { describe, expect, it } from 'vitest';
import { findNonEventDifferences } from '../../src/compare/findNonEventDifferences.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

describe('findNonEventDifferences (audit 25, L11)', () => {
  const threat = loadScenario('scenarios/threat-export-quota.yaml').resolvedYaml;

  it('finds nothing between a shipped mitigation and its threat: they differ in events and names only', () => {
    expect(findNonEventDifferences(threat, loadScenario('scenarios/mitigation-stockpile-60d.yaml').resolvedYaml)).toEqual([]);
    expect(findNonEventDifferences(threat, loadScenario('scenarios/mitigation-tariff-magnets.yaml').resolvedYaml)).toEqual([]);
  });

  it('names the deepest key that differs, a distribution as a whole, and leaves out sources', () => {
    const tweaked = loadScenario('scenarios/mitigation-stockpile-60d.yaml', {
      set: ['materials.ndpr.demand.growthPerYear=9%', 'materials.dy.demand.elasticityShortRun.source=my guess', 'behaviour.priceWarRisk=0.5'],
    }).resolvedYaml;
    // In the resolved file's key order: behaviour comes before materials.
    expect(findNonEventDifferences(threat, tweaked)).toEqual(['behaviour.priceWarRisk', 'materials.ndpr.demand.growthPerYear']);
  });
});
