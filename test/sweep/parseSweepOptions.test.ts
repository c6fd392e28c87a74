import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { createSweepDesign } from '../../src/sweep/createSweepDesign.ts';
import { parseGridOption } from '../../src/sweep/parseGridOption.ts';
import { parseRangeOption } from '../../src/sweep/parseRangeOption.ts';
import { splitTopLevel } from '../../src/sweep/splitTopLevel.ts';
import { toSetOverrides } from '../../src/sweep/sweepPoint.ts';
import { shipped } from '../compare/smallScenario.ts';

describe('sweep options', () => {
  it('splits lists on top-level commas only', () => {
    expect(splitTopLevel('5%, [US, JP],"a,b",{x: 1, y: 2}', ',')).toEqual(['5%', '[US, JP]', '"a,b"', '{x: 1, y: 2}']);
    expect(splitTopLevel('one', ',')).toEqual(['one']);
  });

  it('parses --grid path=v1,v2 with units', () => {
    expect(parseGridOption('materials.ndpr.demand.growthPerYear=3%,5%, 7%')).toEqual({
      path: 'materials.ndpr.demand.growthPerYear', values: ['3%', '5%', '7%'],
    });
    expect(parseGridOption('materials.ndpr.mining.capacityByRegion.US=10 kt/yr,20 kt/yr').values).toEqual(['10 kt/yr', '20 kt/yr']);
    for (const bad of ['novalue', '=1,2', 'a..b=1', 'a=1,,2']) expect(() => parseGridOption(bad)).toThrow(UsageError);
  });

  it('refuses a range given to --grid, pointing to --lhs (it read as one value with the unit ":120")', () => {
    expect(() => parseGridOption('events.s.targetDays=30:120')).toThrow('--grid events.s.targetDays: expected values separated by commas (events.s.targetDays=30,120), found the range "30:120"; a range min:max is drawn from with --lhs N (`--lhs 8 events.s.targetDays=30:120`)');
    expect(() => parseGridOption('a.b=5%:10%')).toThrow(/found the range "5%:10%"/);
    expect(parseGridOption('events.s.start=2026-01').values).toEqual(['2026-01']); // a date is no range
  });

  it('keeps each grid value as typed: it is applied with --set and written to sweep.csv/json so', () => {
    // Spaced, 0x1F would no longer be YAML's 31 but a number with an unknown unit "x1F".
    expect(parseGridOption('events.s.targetDays=30days,60  days,0x1F,0o17').values).toEqual(['30days', '60  days', '0x1F', '0o17']);
    const planned = createSweepDesign(['events.usStockpileNdpr.targetDays=0x1F,30days'], undefined, [], 1);
    expect(planned.points.map(toSetOverrides)).toEqual([['events.usStockpileNdpr.targetDays=0x1F'], ['events.usStockpileNdpr.targetDays=30days']]);
    expect(planned.design.grid[0].values).toEqual(['0x1F', '30days']);
    // The loader reads 0x1F as 31 days and 30days as 30 days.
    const targets = planned.points.map((point) => {
      const { spec } = loadScenario(shipped('mitigation-stockpile-60d'), { set: toSetOverrides(point) });
      return (spec.events.find((e) => e.id === 'usStockpileNdpr') as { targetDays?: number } | undefined)?.targetDays;
    });
    expect(targets).toEqual([31, 30]);
  });

  it('parses path=min:max ranges with one unit', () => {
    expect(parseRangeOption('a.b=3%:8%')).toEqual({ path: 'a.b', min: 3, max: 8, unit: '%' });
    expect(parseRangeOption('x=10 kt/yr : 20 kt/yr')).toEqual({ path: 'x', min: 10, max: 20, unit: 'kt/yr' });
    expect(parseRangeOption('x=-0.2:-0.05')).toEqual({ path: 'x', min: -0.2, max: -0.05, unit: '' });
    for (const bad of ['x=1', 'x=1:2:3', 'x=1%:2 kt', 'x=3:1', 'x=a:b', '=1:2']) expect(() => parseRangeOption(bad)).toThrow(UsageError);
  });

  it('crosses a grid with a hypercube and rejects inconsistent designs', () => {
    const planned = createSweepDesign(['years=2,3'], '4', ['materials.ndpr.demand.growthPerYear=3%:8%'], 1);
    expect(planned.points).toHaveLength(8);
    expect(planned.parameters).toEqual(['years', 'materials.ndpr.demand.growthPerYear']);
    expect(planned.design.lhs?.points).toBe(4);
    expect(createSweepDesign([], undefined, [], 1).points).toEqual([]);
    expect(() => createSweepDesign([], undefined, ['a=1:2'], 1)).toThrow(/need --lhs/);
    expect(() => createSweepDesign([], '3', [], 1)).toThrow(/at least one range/);
    expect(() => createSweepDesign([], '0', ['a=1:2'], 1)).toThrow(UsageError);
    expect(() => createSweepDesign(['a=1,2'], '2', ['a=1:2'], 1)).toThrow(/swept twice/);
  });
});
