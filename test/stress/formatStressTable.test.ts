import { describe, expect, it } from 'vitest';
import { formatStressTable } from '../../src/stress/formatStressTable.ts';
import type { StressRun } from '../../src/stress/runStress.ts';

const impact = (mean: number) => ({ expected: { mean, low: mean - Math.abs(mean), high: mean + Math.abs(mean) }, conditional: { mean, low: mean - Math.abs(mean), high: mean + Math.abs(mean) } });

/** A run with the fields the table reads: as the audit's --strip-events run, recycling's share a few 1e-10. */
function run(recyclingShare: number, recyclingTonnes = 0.0000309): StressRun {
  const stage = (name: string, share: number, cost: number, tonnes: number) => ({
    stage: name, capability: 3, intent: 3, probability: 1, shortfallShare: impact(share), economicCost: impact(cost), shortfall: impact(tonnes),
  });
  return {
    stages: [stage('endUse', 0.0266, 1.67e9, 1800), stage('recycling', recyclingShare, 4.59e4, recyclingTonnes)],
    strippedEvents: [], firstVsSecond: { shortfallShare: undefined, economicCost: undefined, shortfall: undefined, policyCost: undefined },
  } as unknown as StressRun;
}

describe('crm-sim stress prints near-zero figures readably (audit 25, L5)', () => {
  it('writes ~0, not 0.000000014, and says what ~0 means', () => {
    const text = formatStressTable(run(1.4e-10), 8);
    expect(text).not.toMatch(/0\.0000000/);
    expect(text).toMatch(/recycling .* ~0 .*~0\s*$/m);
    expect(text).toContain('~0: smaller than 0.001 pp (unmet) or 1 t (shortfall)');
  });

  it('prints figures of the column\'s scale as before, with no legend', () => {
    const text = formatStressTable(run(0.001, 3.2), 8);
    expect(text).not.toContain('~0');
    expect(text).toMatch(/recycling .* 0\.1 /);
  });
});
