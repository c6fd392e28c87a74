import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../sim-core/index.ts';
import { addsOnlyDisruptions } from '../../src/compare/addsOnlyDisruptions.ts';

const spec = (...events: Array<[string, string]>) => ({ events: events.map(([id, kind]) => ({ id, kind })) }) as unknown as Pick<ScenarioSpec, 'events'>;

describe('addsOnlyDisruptions', () => {
  it('names the alternatives whose own events (ids the reference lacks) are all disruptions', () => {
    const reference = spec(['quota', 'exportControl'], ['stock', 'stockpile']);
    const labels = ['ref', 'attack', 'mixed', 'policy', 'same', 'removed'];
    const found = addsOnlyDisruptions([
      reference,
      spec(['quota', 'exportControl'], ['hack', 'cyberattack'], ['down', 'outage']),
      spec(['quota', 'exportControl'], ['hack', 'cyberattack'], ['tariff', 'tariff']),
      spec(['quota', 'exportControl'], ['stock', 'stockpile'], ['mandate', 'recyclingMandate']),
      spec(['quota', 'exportControl'], ['stock', 'stockpile']),
      spec(['quota', 'exportControl']),
    ], labels);
    // A reference event kept or dropped is not the alternative's own; with no own events it adds nothing.
    expect([...found]).toEqual(['attack']);
  });
});
