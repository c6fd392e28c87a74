/**
 * docs/model.md G35 (falling phase): after an input-price spike collapses, manufacturers whose current
 * margin covers their costs keep offering their stock. With the ask at unit cost + the EXPECTED input
 * price (a 34-week adaptive average that lags the crash), ex-China gallium manufacturers withheld all
 * their output stock in the weeks after a 50% Chinese quota on primary gallium ended (Jan 2026 – Jun
 * 2027; ticks 120–145 are weekly and cover its last weeks and the ~18 after its end), and end users in
 * the US, the allies and the rest of the world went short at a component price below its start. With
 * the ask's input at min(Pₑ, P/(1 − x))/yield, x = ASK_INPUT_CRASH_SHARE = 0.25 (askInputPrice.ts), the
 * refined price (at a third to two thirds of its Pₑ in those weeks) is past the threshold and they
 * offer it. Measured on replicates 0/1/2: unmet share of end-use demand outside China in those weeks
 * 0.031/0.048/0.055 with the ask at Pₑ of the input (fails), 0/0/0 with the threshold rule (passes).
 */
import { describe, expect, it } from 'vitest';
import { galliumQuotaOutsideChina } from './mechanismHelpers.ts';

describe('manufacturers after an input-price spike', () => {
  it('offer their stock once the current margin covers their costs (no end-user shortfall outside China after the gallium quota)', () => {
    const { unmetShare, demand } = galliumQuotaOutsideChina(120, 146);
    expect(demand).toBeGreaterThan(0);
    expect(unmetShare).toBeLessThan(0.005);
  });
});
