import type { z } from 'zod';
import { describeEventKey } from './describeEventKey.ts';
import { eventShapes } from './eventSchemas.ts';
import { schemaKit } from './scenarioSchema.ts';

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
