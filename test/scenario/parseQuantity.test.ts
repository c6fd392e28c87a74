import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/scenario/parseQuantity.ts';

/** The value of a successful parse, failing the test otherwise. */
function value(text: string, dimension: Parameters<typeof parseQuantity>[1]): number {
  const result = parseQuantity(text, dimension);
  if (!result.ok) throw new Error(`${text}: ${result.note}`);
  return result.value;
}

describe('parseQuantity', () => {
  it('converts masses to tonnes', () => {
    expect(value('3 kt', 'mass')).toBe(3000);
    expect(value('2 Mt', 'mass')).toBe(2e6);
    expect(value('500 kg', 'mass')).toBe(0.5);
  });

  it('converts flows to t/yr', () => {
    expect(value('70 kt/yr', 'flow')).toBe(70000);
    expect(value('500 t/month', 'flow')).toBe(6000);
    expect(value('2.5 kt/month', 'flow')).toBe(30000);
    expect(value('7 kt/week', 'flow')).toBeCloseTo(365250, 6);
    expect(value('1.5 Mt/yr', 'flow')).toBe(1.5e6);
    expect(value('7 t/week', 'flow')).toBeCloseTo(365.25, 9);
    expect(value('250 kg/yr', 'flow')).toBe(0.25);
  });

  it('converts prices to USD/t', () => {
    expect(value('55 USD/kg', 'price')).toBe(55000);
    expect(value('1 USD/lb', 'price')).toBeCloseTo(2204.62262185, 6);
    expect(value('900 USD/t', 'price')).toBe(900);
  });

  it('converts capex, money and spend', () => {
    expect(value('30000 USD/(t/yr)', 'capex')).toBe(30000);
    expect(value('30000 USD per t/yr', 'capex')).toBe(30000);
    expect(value('2 bn USD', 'money')).toBe(2e9);
    expect(value('1.5 BUSD', 'money')).toBe(1.5e9);
    expect(value('40 M USD', 'money')).toBe(4e7);
    expect(value('40 MUSD', 'money')).toBe(4e7);
    expect(value('250 kUSD', 'money')).toBe(250000);
    expect(value('50 MUSD/yr', 'moneyRate')).toBe(5e7);
  });

  it('converts durations to the key unit', () => {
    expect(value('18 months', 'years')).toBe(1.5);
    expect(value('2 weeks', 'weeks')).toBe(2);
    expect(value('1 yr', 'weeks')).toBeCloseTo(52.1786, 4);
    expect(value('3 months', 'days')).toBeCloseTo(91.3125, 9);
    expect(value('14 days', 'weeks')).toBe(2);
    expect(value('1.5 years', 'years')).toBe(1.5);
  });

  it('reads percentages as shares and bare numbers as canonical', () => {
    expect(value('40%', 'share')).toBe(0.4);
    expect(value('140 %', 'share')).toBe(1.4);
    expect(value('12.5', 'flow')).toBe(12.5);
    expect(value('-1e3 t/yr', 'flow')).toBe(-1000);
  });

  it('rejects a unit of the wrong dimension, naming both', () => {
    const result = parseQuantity('70 kt', 'flow');
    expect(result).toMatchObject({ ok: false, note: '"kt" is a mass, not a flow' });
    expect(parseQuantity('5 USD/kg', 'money')).toMatchObject({ ok: false, note: expect.stringContaining('is a price') });
    expect(parseQuantity('40%', 'number').ok).toBe(false);
  });

  it('rejects unknown units and lists the accepted ones', () => {
    const result = parseQuantity('70 kts/yr', 'flow');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.note).toBe('unknown unit "kts/yr"');
    expect(result.expected).toContain('t/yr, kt/yr, Mt/yr, kg/yr, t/month, kt/month, t/week, kt/week');
  });

  it('never evaluates expressions', () => {
    expect(parseQuantity('2*3 kt/yr', 'flow').ok).toBe(false);
    expect(parseQuantity('process.exit()', 'number').ok).toBe(false);
    expect(parseQuantity('', 'number').ok).toBe(false);
  });
});
