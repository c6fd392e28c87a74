import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadBenchConfig } from '../../bench/benchConfig.ts';
import { hashKey } from '../../sim-core/random/hashUniform.ts';

const config = loadBenchConfig();
const REPLICATES = 6;
const KEY_NAMES = ['elections', 'cyberattacks', 'outages', 'priceWars', 'retaliation', 'expansions', 'discoveries'];

describe('worlds of different replicates have the same hidden classes', () => {
  it('keeps the premise: some decision key is 2^31 or more in one replicate and below in another (a heap number, then a small integer, as a uint32)', () => {
    const large = (replicate: number) => KEY_NAMES.map((name) => hashKey(config.seed, replicate, name) >= 2 ** 31);
    const patterns = new Set(Array.from({ length: REPLICATES }, (_, replicate) => large(replicate).join()));
    expect(patterns.size).toBeGreaterThan(1);
  });

  it('gives every object of a world the map of the same object in replicate 0, after creation and a few ticks', () => {
    const args = ['--allow-natives-syntax', '--import', 'tsx', 'test/bench/worldMapsChild.ts', String(config.warmUp.firmsPerCapacityCell), String(REPLICATES), '26'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const differences = JSON.parse(run.stdout) as { replicate: number; paths: string[] }[];
    expect(differences).toHaveLength(REPLICATES - 1);
    expect(differences.filter((d) => d.paths.length > 0)).toEqual([]);
  }, 130_000);
});
