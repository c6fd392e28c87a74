import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventKeyHover } from '../../src/scenario/describeEventKey.ts';
import { eventShapes } from '../../src/scenario/eventSchemas.ts';
import { renderEventReference, renderKeyReference } from '../../src/scenario/renderEventReference.ts';
import { schemaKit, scenarioJsonSchema } from '../../src/scenario/scenarioSchema.ts';

/** The generated part of scenarios/README.md, between its markers. */
function documentedReference(): string {
  const text = readFileSync('scenarios/README.md', 'utf8');
  const match = /<!-- event-reference:begin[^\n]*-->\n([\s\S]*?)\n<!-- event-reference:end -->/.exec(text);
  expect(match, 'scenarios/README.md has the event-reference markers').not.toBeNull();
  return match?.[1] ?? '';
}

describe('event reference', () => {
  it('in scenarios/README.md is the one the loader\'s tables generate (regenerate with the command in its begin marker)', () => {
    expect(documentedReference()).toBe(renderEventReference());
  });

  it('has a table for every event kind, and a meaning for every key', () => {
    const shapes = eventShapes(schemaKit('authoring'));
    const reference = renderEventReference();
    for (const [kind, shape] of Object.entries(shapes)) {
      expect(reference).toContain(`### ${kind}\n`);
      for (const key of Object.keys(shape)) expect(eventKeyHover(kind, key), `${kind}.${key}`).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('says what the loader does: units, bare numbers, defaults and modes', () => {
    const reference = renderEventReference();
    expect(reference).toMatch(/\| `quotaShare` \| share \(50% or 0\.5\), ≥ 0 and ≤ 1 \| — \| with mode quota \| mode quota \|/);
    expect(reference).toMatch(/\| `delayYears` \| duration \(18 months; bare: years\), ≥ 0 \| 0 years \| no \| mode licensing \|/);
    expect(reference).toMatch(/\| `priceFloorUsdPerTonne` \| price \(450 USD\/kg; bare: USD\/t\), ≥ 0 \| — \| with mode priceFloor, offtake \| mode priceFloor, offtake \|/);
    expect(reference).toMatch(/\| `targetDays` \| duration \(60 days; bare: days\), ≥ 0 \| 60 days \| no \| doctrine daysOfConsumption, shortfall \|/);
    expect(reference).toMatch(/\| `budgetUsd` \| money \(500 MUSD, 1 bn USD; bare: USD\), ≥ 0 \| 1 bn USD \| no \| all \|/);
  });

  it('is the hover text of the JSON Schema, which schema/scenario.schema.json holds as generated (npm run schema)', () => {
    const schema = JSON.stringify(scenarioJsonSchema(), null, 2);
    expect(schema).toContain(JSON.stringify(eventKeyHover('exportControl', 'quotaShare')));
    expect(eventKeyHover('tariff', 'rate')).toMatch(/Unit: share \(50% or 0\.5\), ≥ 0\./);
    expect(readFileSync('schema/scenario.schema.json', 'utf8')).toBe(`${schema}\n`);
  });
});

describe('material, region and behaviour key reference', () => {
  it('in scenarios/README.md is the one the loader\'s tables generate (regenerate with the command in its begin marker)', () => {
    const text = readFileSync('scenarios/README.md', 'utf8');
    const match = /<!-- key-reference:begin[^\n]*-->\n([\s\S]*?)\n<!-- key-reference:end -->/.exec(text);
    expect(match, 'scenarios/README.md has the key-reference markers').not.toBeNull();
    expect(match?.[1]).toBe(renderKeyReference());
  });

  it('gives unit, range and default of the keys a material tweak touches', () => {
    const reference = renderKeyReference();
    expect(reference).toContain('| `demand.growthPerYear` | share (50% or 0.5), ≥ -1 | 3% |');
    expect(reference).toContain('| `recycling.collectionShare` | share (50% or 0.5), ≥ 0 and ≤ 1 | 10% |');
    expect(reference).toMatch(/\| `<stage>\.capexUsdPerTonnePerYear` \| capital cost \(USD\/\(t\/yr\)\), ≥ 0 \| mining 1\.5 × the mining base price/);
    expect(reference).toContain('| `ticksPerYear` | number, an integer ≥ 1 and ≤ 366 | 52 |');
    expect(reference).toContain('| `threat.<stage>.capability` | number, ≥ 0 and ≤ 3 | discovery 2; mining 2; processing 3;');
    expect(reference).toContain('| `rules.cyberDowntimeYears` | duration (18 months; bare: years), ≥ 0 | 7 days |');
  });
});
