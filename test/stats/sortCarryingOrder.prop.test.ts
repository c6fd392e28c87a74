import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSortScratch } from '../../src/stats/createSortScratch.ts';
import { sortCarryingOrder } from '../../src/stats/sortCarryingOrder.ts';

const anyValue = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE),
  fc.integer({ min: -3, max: 3 }),
);

/** Values in shapes a band meets: random, nearly sorted (a random walk of ranks), reversed, few distinct values. */
const shapedValues = fc.oneof(
  fc.array(anyValue, { maxLength: 300 }),
  fc.array(fc.tuple(anyValue, fc.integer({ min: -40, max: 40 })), { maxLength: 300 }).map((pairs) => {
    const sorted = Float64Array.from(pairs, ([v]) => v).sort();
    // Move each value by up to 40 places from its sorted position.
    const keyed = Array.from(sorted, (v, i) => ({ v, key: i + pairs[i][1] }));
    return keyed.sort((a, b) => a.key - b.key).map((e) => e.v);
  }),
  fc.array(anyValue, { maxLength: 300 }).map((xs) => Array.from(Float64Array.from(xs).sort()).reverse()),
  fc.array(fc.constantFrom(0, -0, 2, 2.5), { maxLength: 300 }),
);

const bytes = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

describe('sortCarryingOrder', () => {
  it('gives the built-in sort’s values bit for bit and moves the order with them', () => {
    fc.assert(fc.property(shapedValues, fc.nat(20), (input, extra) => {
      const original = Float64Array.from(input);
      const count = original.length;
      // Room beyond count must stay untouched.
      const values = new Float64Array(count + extra).fill(7);
      values.set(original);
      const order = Int32Array.from({ length: count + extra }, (_, i) => i);
      sortCarryingOrder(values, order, count, createSortScratch(count));
      expect(bytes(values.subarray(0, count))).toEqual(bytes(original.slice().sort()));
      expect(Array.from(values.subarray(count))).toEqual(new Array(extra).fill(7));
      expect(Array.from(order.subarray(0, count)).sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
      for (let i = 0; i < count; i++) expect(Object.is(values[i], original[order[i]])).toBe(true);
    }), { numRuns: 300 });
  });

  it('sorts a long nearly sorted column and a long random one', () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) >>> 0) / 4294967296;
    const random = Float64Array.from({ length: 5000 }, () => next() * 100 - 50);
    const nearly = Float64Array.from({ length: 5000 }, (_, i) => i + next() * 30);
    for (const input of [random, nearly]) {
      const values = input.slice();
      const order = Int32Array.from({ length: values.length }, (_, i) => i);
      sortCarryingOrder(values, order, values.length, createSortScratch(values.length));
      expect(bytes(values)).toEqual(bytes(input.slice().sort()));
      for (let i = 0; i < values.length; i++) expect(values[i]).toBe(input[order[i]]);
    }
  });
});
