import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../sim-core/index.ts';
import { createLatinHypercube } from '../../src/sweep/createLatinHypercube.ts';
import { createLhsPoints } from '../../src/sweep/createLhsPoints.ts';
import { expandGrid } from '../../src/sweep/expandGrid.ts';

describe('sweep designs', () => {
  it('the grid holds every combination exactly once, last dimension fastest', () => {
    const dimensions = fc.array(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), { maxLength: 4 });
    fc.assert(fc.property(dimensions, (valueLists) => {
      const grid = valueLists.map((values, d) => ({ path: `p${d}`, values }));
      const points = expandGrid(grid);
      expect(points).toHaveLength(valueLists.reduce((n, values) => n * values.length, 1));
      expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(points.length);
      for (const point of points) expect(point.map((a) => a.path)).toEqual(grid.map((d) => d.path));
    }));
  });

  it('varies the last dimension fastest', () => {
    const values = expandGrid([{ path: 'a', values: ['1', '2'] }, { path: 'b', values: ['x', 'y'] }]).map((p) => p.map((x) => x.value).join(''));
    expect(values).toEqual(['1x', '1y', '2x', '2y']);
    expect(expandGrid([])).toEqual([[]]);
  });

  it('the Latin hypercube puts exactly one point in each stratum of each dimension', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 31 }), (n, d, seed) => {
      const rows = createLatinHypercube(n, d, createStream(seed, 0, 'lhs'));
      expect(rows).toHaveLength(n);
      for (let k = 0; k < d; k++) {
        const strata = rows.map((row) => Math.floor(row[k] * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        for (const row of rows) expect(row[k] >= 0 && row[k] < 1).toBe(true);
      }
    }));
  });

  it('hypercube points stay in range, keep units and depend on the seed only', () => {
    const ranges = [
      { path: 'a', min: 3, max: 8, unit: '%' },
      { path: 'b', min: 10, max: 20, unit: 'kt/yr' },
      { path: 'c', min: -0.2, max: -0.05, unit: '' },
    ];
    const points = createLhsPoints(ranges, 25, 42);
    expect(createLhsPoints(ranges, 25, 42)).toEqual(points);
    expect(createLhsPoints(ranges, 25, 43)).not.toEqual(points);
    for (const point of points) {
      expect(point[0].value).toMatch(/^[\d.]+%$/);
      expect(point[1].value).toMatch(/^[\d.]+ kt\/yr$/);
      const [a, b, c] = point.map((x) => Number.parseFloat(x.value));
      expect(a >= 3 && a <= 8 && b >= 10 && b <= 20 && c >= -0.2 && c <= -0.05).toBe(true);
    }
    const strata = points.map((point) => Math.floor(((Number.parseFloat(point[0].value) - 3) / 5) * 25)).sort((x, y) => x - y);
    expect(new Set(strata).size).toBeGreaterThanOrEqual(24); // six significant digits may move a point across a stratum edge
  });

  it('sorts the points of a one-range hypercube by value (point 0 the lowest), and keeps draw order with several ranges', () => {
    const one = createLhsPoints([{ path: 'a', min: 0, max: 0.6, unit: '' }], 9, 7).map((point) => Number(point[0].value));
    expect(one).toEqual([...one].sort((x, y) => x - y));
    // The same draws as the unsorted hypercube: only their order changed.
    const drawn = createLatinHypercube(9, 1, createStream(7, 0, 'lhs')).map((row) => Number((row[0] * 0.6).toPrecision(6)));
    expect(drawn).not.toEqual(one);
    expect([...drawn].sort((x, y) => x - y)).toEqual(one);
    const two = createLhsPoints([{ path: 'a', min: 0, max: 1, unit: '' }, { path: 'b', min: 0, max: 1, unit: '' }], 9, 7).map((point) => Number(point[0].value));
    expect(two).toEqual(createLatinHypercube(9, 2, createStream(7, 0, 'lhs')).map((row) => Number(row[0].toPrecision(6))));
  });
});
