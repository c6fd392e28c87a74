import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParquetTableWriter } from '../../src/outputs/createParquetTableWriter.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-parquet-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createParquetTableWriter', () => {
  it('writes NaN and ±Infinity in DOUBLE columns as null, never as a literal', async () => {
    const path = join(root, 't.parquet');
    const table = await createParquetTableWriter(path, [{ name: 'value', type: 'DOUBLE' }], {}, 'crm-sim test');
    await table.append([Float64Array.of(1.5, NaN, Infinity, -Infinity, -2)]);
    await table.close();
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path) });
    expect(rows.map((row) => row.value)).toEqual([1.5, null, null, null, -2]);
  });
});
