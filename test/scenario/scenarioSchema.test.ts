import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { authoringScenarioSchema, resolvedScenarioSchema, scenarioJsonSchema } from '../../src/scenario/scenarioSchema.ts';

type JsonNode = Record<string, unknown>;

/** Follows a `$ref` of the generated schema. */
function deref(root: JsonNode, node: JsonNode): JsonNode {
  const ref = node.$ref as string | undefined;
  if (!ref) return node;
  const name = ref.replace('#/$defs/', '');
  return deref(root, (root.$defs as Record<string, JsonNode>)[name]);
}

describe('scenarioSchema', () => {
  it('accepts the authoring form of a fixture (units, dates, distributions, extends)', () => {
    const minimal = parse(readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8'));
    expect(authoringScenarioSchema.safeParse(minimal).success).toBe(true);
    expect(authoringScenarioSchema.safeParse({ ...minimal, extends: 'base.yaml' }).success).toBe(true);
  });

  it('rejects unknown keys in the authoring form', () => {
    const minimal = parse(readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8'));
    expect(authoringScenarioSchema.safeParse({ ...minimal, yeras: 3 }).success).toBe(false);
    expect(authoringScenarioSchema.safeParse({ ...minimal, extends: 'a.yaml', yeras: 3 }).success).toBe(false);
  });

  it('accepts a partial file with nulls only when it extends another', () => {
    const child = parse(readFileSync('test/fixtures/scenarios/child.yaml', 'utf8'));
    expect(authoringScenarioSchema.safeParse(child).success).toBe(true);
    const { extends: _parent, ...orphan } = child;
    expect(authoringScenarioSchema.safeParse(orphan).success).toBe(false);
  });

  it('requires plain numbers in the resolved form', () => {
    const minimal = parse(readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8'));
    expect(resolvedScenarioSchema.safeParse(minimal).success).toBe(false);
  });

  it('produces a JSON Schema that allows quantity strings in the key\'s units and distributions wherever numbers are', () => {
    const schema = scenarioJsonSchema() as JsonNode;
    expect(schema.$schema).toContain('json-schema.org');
    const [full, partial] = (schema.anyOf as JsonNode[]).map((n) => deref(schema, n));
    expect(full.required).toEqual(expect.arrayContaining(['name', 'startYear', 'regions']));
    expect(partial.required).toEqual(['extends']);
    const properties = full.properties as Record<string, JsonNode>;
    const options = (node: JsonNode) => ((deref(schema, node).anyOf as JsonNode[]).flatMap((n) => (deref(schema, n).anyOf as JsonNode[] | undefined) ?? [n])).map((n) => deref(schema, n));
    // years: a number > 0 or a duration, never a distribution (the loader wants a fixed horizon).
    const years = options(properties.years);
    expect(years.find((t) => t.type === 'number')?.exclusiveMinimum).toBe(0);
    const duration = new RegExp(years.find((t) => t.type === 'string')?.pattern as string);
    expect(duration.test('10 years')).toBe(true);
    expect(duration.test('70 kt/yr')).toBe(false);
    expect(years.some((t) => Array.isArray(t.oneOf))).toBe(false);
    expect(options(properties.ticksPerYear).find((t) => t.type === 'integer')).toMatchObject({ minimum: 1, maximum: 366 });
    // A capacity: a flow in its units, or a distribution of them.
    const materials = deref(schema, properties.materials);
    const material = deref(schema, ((materials.anyOf as JsonNode[] | undefined)?.[0] ?? materials).additionalProperties as JsonNode);
    expect(JSON.stringify(material)).toContain('kt/yr');
    expect(full.additionalProperties).toEqual({ type: 'null' });
    expect(partial.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"exportControl"');
  });
});
