import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner } from '../../sim-core/index.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

/** The small baseline (from 2025, one year), with a CN NdPr oxide export ban over `from`–`to`. */
const withBan = (from: string, to: string) => loadScenario('scenarios/baseline.yaml', {
  set: ['years=1', 'resolution.firmsPerCapacityCell=3',
    `events.ban={kind: exportControl, material: ndpr, stage: processing, exporter: CN, mode: ban, start: ${from}, end: ${to}}`],
}).spec;
const seriesOf = (spec: ReturnType<typeof withBan>) => Buffer.from(createReplicateRunner(compileScenario(spec))(7, 0).series.buffer);

describe('events outside the run', () => {
  const plain = seriesOf(loadScenario('scenarios/baseline.yaml', { set: ['years=1', 'resolution.firmsPerCapacityCell=3'] }).spec);

  it('an event that ended before the run starts changes nothing (it used to act in the first tick)', () => {
    expect(seriesOf(withBan('2024-01', '2024-06')).equals(plain)).toBe(true);
    expect(seriesOf(withBan('2024-01', '2025-01')).equals(plain)).toBe(true);
  });

  it('the same ban inside the run, or reaching into it, does change the results', () => {
    expect(seriesOf(withBan('2025-01', '2025-06')).equals(plain)).toBe(false);
    expect(seriesOf(withBan('2024-01', '2025-02')).equals(plain)).toBe(false);
  });
});
