import { describe, expect, it } from 'vitest';
import { formatTypedValue } from '../../src/report/formatTypedValue.ts';
import { type Dimension, parseQuantity, UNIT_TABLES } from '../../src/scenario/parseQuantity.ts';
import { parseYamlData } from '../../src/scenario/readYamlFile.ts';

/** How the loader reads a --set value: YAML first, then a string as a quantity of each dimension. */
function readAs(text: string): unknown {
  const data = parseYamlData(text, 'test');
  if (!data.ok) return 'not YAML';
  if (typeof data.value !== 'string') return data.value;
  return (Object.keys(UNIT_TABLES) as Dimension[]).map((dimension) => {
    const quantity = parseQuantity(data.value as string, dimension);
    return quantity.ok ? quantity.value : 'invalid';
  });
}

describe('formatTypedValue', () => {
  it('spaces a decimal number and a unit the loader knows, and attaches a percent sign', () => {
    expect(formatTypedValue('30days')).toBe('30 days');
    expect(formatTypedValue(' 60  days ')).toBe('60 days');
    expect(formatTypedValue('200MUSD')).toBe('200 MUSD');
    expect(formatTypedValue('1.5bn  USD')).toBe('1.5 bn USD');
    expect(formatTypedValue('-2.5e3kt/yr')).toBe('-2.5e3 kt/yr');
    expect(formatTypedValue('5 %')).toBe('5%');
  });

  it('leaves hex, octal and binary literals, ids, dates, plain numbers and names as typed', () => {
    for (const typed of ['0x1F', '0o17', '0b101', '3D', '2nd', '12abc', '2027-01', '2027-06-15', '1e3', '-0.2', 'daysOfConsumption', '[US, JP]']) {
      expect(formatTypedValue(typed)).toBe(typed);
    }
  });

  it('never changes what the loader reads', () => {
    for (const typed of ['0x1F', '0o17', '0b101', '3D', '30days', '60  days', '200MUSD', '1.5bn USD', '5 %', '7%', '.5yr', '-3kt', '1e3', '2027-01', 'true', 'null']) {
      expect(readAs(formatTypedValue(typed)), typed).toEqual(readAs(typed));
    }
  });
});
