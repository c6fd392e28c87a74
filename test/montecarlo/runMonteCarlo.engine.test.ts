import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario, describeResults } from '../../sim-core/index.ts';
import type { ReplicateResult } from '../../sim-core/results.ts';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.ts';
import { createManifest } from '../../src/outputs/createManifest.ts';
import { writeRunOutputs } from '../../src/outputs/writeRunOutputs.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { computeSeriesBands } from '../../src/stats/computeSeriesBands.ts';
import { computeSummaryStatistics } from '../../src/stats/computeSummaryStatistics.ts';

const scenario = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;

/** Every byte of every result, in order. */
function toBytes(results: ReplicateResult[]): Buffer {
  return Buffer.concat(
    results.flatMap((result) => [
      Buffer.from(Int32Array.of(result.replicate).buffer),
      Buffer.from(result.series.buffer, result.series.byteOffset, result.series.byteLength),
      Buffer.from(result.summaries.buffer, result.summaries.byteOffset, result.summaries.byteLength),
    ]),
  );
}

describe('runMonteCarlo with the real engine', () => {
  it('gives byte-identical results and output files with 0, 1 and 2 workers', async () => {
    const loaded = loadScenario(scenario, { set: ['years=1', 'ticksPerYear=12'] });
    const compiled = compileScenario(loaded.spec);
    const layout = describeResults(compiled);
    const root = await mkdtemp(join(tmpdir(), 'crm-engine-'));
    try {
      const bytes: Buffer[] = [];
      const files: string[][] = [];
      for (const workers of [1, 2, 0]) {
        const startedAt = new Date();
        const results = await runMonteCarlo({ compiled, masterSeed: 2025, replicates: 6, workers });
        expect(results.map((result) => result.replicate)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(results[0].series.length).toBe(layout.series.length * layout.ticks);
        bytes.push(toBytes(results));
        const manifest = createManifest({
          scenarioText: loaded.resolvedYaml,
          masterSeed: 2025,
          replicates: 6,
          workers,
          ticks: layout.ticks,
          startedAt,
          finishedAt: new Date(),
        });
        const dir = join(root, `w${workers}`);
        await writeRunOutputs(dir, {
          manifest,
          resolvedYaml: loaded.resolvedYaml,
          layout,
          results,
          summaryStats: computeSummaryStatistics(layout, results),
          bands: computeSeriesBands(layout, results),
        });
        const names = ['scenario.resolved.yaml', 'summary.json', 'series.csv', 'replicates.csv'];
        files.push(await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8'))));
      }
      expect(bytes[1].equals(bytes[0])).toBe(true);
      expect(bytes[2].equals(bytes[0])).toBe(true);
      expect(files[1]).toEqual(files[0]);
      expect(files[2]).toEqual(files[0]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
