import type { z } from 'zod';
import { describeEventKey, describeRule } from './describeEventKey.ts';
import { eventShapes } from './eventSchemas.ts';
import { ruleFor } from './fieldRules.ts';
import { STAGES } from '../../sim-core/index.ts';
import { SCENARIO_KEY_NOTES, scenarioKeyDefault } from './scenarioKeyNotes.ts';
import { scenarioJsonSchema, schemaKit } from './scenarioSchema.ts';

/** Keys every event has: listed once, before the kinds. */
const COMMON = ['start', 'end', 'duration', 'announced', 'reversible', 'id'];

/** What a non-numeric key holds: the choices of an enum, a flag, a list of ids, an id. */
function valueKind(schema: z.ZodType): string {
  let s = schema as z.ZodType & { unwrap?: () => z.ZodType; options?: readonly string[] };
  while (s.def.type === 'optional' || s.def.type === 'nullable') s = (s.unwrap as () => z.ZodType)() as typeof s;
  if (s.def.type === 'enum') return (s.options ?? []).map((o) => `\`${o}\``).join(', ');
  if (s.def.type === 'boolean') return 'true or false';
  if (s.def.type === 'array') return 'list of region ids';
  return 'id';
}

/** One table row; `|` in cells would break the table, so none is written. */
function row(kind: string, key: string, schema: z.ZodType): string {
  const f = describeEventKey(kind, key);
  const required = !schema.safeParse(undefined).success ? 'yes' : f.requiredIn ? `with ${f.requiredIn}` : 'no';
  const cells = [`\`${key}\``, f.unit ?? valueKind(schema), f.defaultValue ?? '—', required, f.modes ?? 'all', f.note ?? ''];
  return `| ${cells.join(' | ')} |`;
}

const HEAD = '| key | unit or values | default | required | applies in | meaning |\n|---|---|---|---|---|---|';

/**
 * The event reference as Markdown: one table of the keys every event has, then one per kind (key,
 * unit or values, default, required, modes it applies in, meaning), generated from the loader's own
 * schema, field rules, defaults and mode tables. scenarios/README.md holds it between
 * `<!-- event-reference -->` markers, and a test keeps the two equal.
 * Example: `renderEventReference()` → `| key | unit or values | … |\n…\n### exportControl\n…`.
 */
export function renderEventReference(): string {
  const shapes = eventShapes(schemaKit('authoring'));
  const anyKind = Object.keys(shapes)[0];
  // reversible's default depends on the kind; its meaning says which.
  const common = COMMON.map((key) => row(anyKind, key, shapes[anyKind][key]).replace('| false |', '| by kind |')).join('\n');
  const kinds = Object.entries(shapes).map(([kind, shape]) => {
    const rows = Object.entries(shape).filter(([key]) => !COMMON.includes(key)).map(([key, schema]) => row(kind, key, schema));
    return `### ${kind}\n\n${HEAD}\n${rows.join('\n')}`;
  });
  return [`### Every event\n\n${HEAD}\n${common}`, ...kinds].join('\n\n');
}

/** Sections of the key reference: a heading and the note patterns (scenarioKeyNotes.ts) it lists, by prefix. */
const KEY_SECTIONS: readonly [heading: string, prefix: string][] = [
  ['Top level', ''], ['`regions.<id>`', 'regions.*.'], ['`materials.<id>`', 'materials.*.'], ['`behaviour`', 'behaviour.'],
  ['`government`', 'government.'], ['`foreignActor`', 'foreignActor.'], ['`resolution`', 'resolution.'],
];

const STAGE_NAMES = ['mining', 'processing', 'manufacturing', 'recycling'];

/** What a non-numeric key of the JSON Schema holds. */
function jsonValueKind(node: Record<string, unknown> | undefined): string {
  const options = (node?.anyOf as Record<string, unknown>[] | undefined)?.filter((o) => o.type !== 'null') ?? [node ?? {}];
  const first = options[0] ?? {};
  if (Array.isArray(first.enum)) return (first.enum as string[]).map((o) => `\`${o}\``).join(', ');
  if (first.type === 'array') return 'list';
  const entries = first.additionalProperties as Record<string, unknown> | undefined;
  if (first.type === 'object') return entries && typeof entries === 'object' && entries.type !== 'null' ? 'map by id' : 'block';
  return first.type === 'string' ? 'text' : String(first.type ?? 'text');
}

/** The complete-file branch's schema of the key at `path` (ids and stages as given), undefined if none. */
function jsonKey(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let node = (root.anyOf as Record<string, unknown>[])[0];
  for (const key of path) {
    const object = ((node.anyOf as Record<string, unknown>[] | undefined)?.find((o) => o.type === 'object' || o.type === 'array') ?? node) as Record<string, unknown>;
    if (object.type === 'array' && key === 'x') {
      node = object.items as Record<string, unknown>;
      continue;
    }
    const properties = object.properties as Record<string, Record<string, unknown>> | undefined;
    node = properties && Object.hasOwn(properties, key) ? properties[key] : (object.additionalProperties as Record<string, unknown>);
    if (!node || typeof node !== 'object') return undefined;
  }
  return node;
}

/**
 * The reference of every key outside events as Markdown: one table per block (key, unit or values,
 * default, meaning), from the same tables as the JSON Schema's hover text (field rules, defaults,
 * scenarioKeyNotes.ts). A material's four producing stages share their keys: a default that differs by
 * stage is given per stage. scenarios/README.md holds it between `<!-- key-reference -->` markers.
 */
export function renderKeyReference(): string {
  const root = scenarioJsonSchema() as Record<string, unknown>;
  const patterns = Object.keys(SCENARIO_KEY_NOTES).filter((p) => p !== 'source' && p !== 'asOf');
  const sections = KEY_SECTIONS.map(([heading, prefix]) => {
    const mine = patterns.filter((p) => (prefix === '' ? !p.includes('.') : p.startsWith(prefix)));
    const rows = mine.map((pattern) => {
      // A material's producing stages (STAGE) and the actor's threat stages (threat.*) have per-stage defaults.
      const threat = pattern.startsWith('foreignActor.threat.*');
      const stages = pattern.includes('STAGE') ? STAGE_NAMES : threat ? [...STAGES] : [];
      const concrete = (stage: string) => pattern.split('.').map((p, i, all) => (p === 'STAGE' || (threat && i === 2) ? stage : p === '*' ? 'x' : all[i]));
      const path = concrete(stages[0] ?? '');
      const rule = ruleFor(path);
      const node = jsonKey(root, path);
      const perStage = stages.map((s) => [s, scenarioKeyDefault(concrete(s))] as const).filter(([, d]) => d !== undefined);
      const same = perStage.every(([, d]) => d === perStage[0]?.[1]);
      const defaultValue = perStage.length > 0 && !same ? perStage.map(([s, d]) => `${s} ${d}`).join('; ')
        : perStage.length > 0 ? perStage[0][1] : scenarioKeyDefault(path);
      const key = prefix === '' ? pattern : pattern.slice(prefix.length).replace('STAGE', '<stage>').replace('pipeline.*', 'pipeline[]').replace(/\*/g, threat ? '<stage>' : '<id>');
      const kind = jsonValueKind(node);
      const numeric = rule !== undefined && kind !== 'block' && kind !== 'map by id';
      const cells = [`\`${key}\``, numeric ? describeRule(rule) : kind, defaultValue ?? '—', SCENARIO_KEY_NOTES[pattern]];
      return `| ${cells.join(' | ')} |`;
    });
    return `### ${heading}\n\n| key | unit or values | default | meaning |\n|---|---|---|---|\n${rows.join('\n')}`;
  });
  return sections.join('\n\n');
}
