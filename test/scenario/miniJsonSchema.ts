/**
 * A small JSON Schema (2020-12) checker for the keywords schema/scenario.schema.json uses, for
 * tests only (no validator is a dependency): $ref to $defs, anyOf, oneOf, allOf, not, if/then,
 * type, const, enum, pattern, minLength, maxLength, minimum, maximum, exclusiveMinimum,
 * exclusiveMaximum, properties, required, additionalProperties, propertyNames, items, minItems.
 * Unknown keywords (description, $schema, title) are ignored. Returns the first problem as
 * `path: what`, or undefined when `value` is valid.
 */
type Json = Record<string, unknown>;

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'boolean': return typeof value === 'boolean';
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    default: throw new Error(`unknown type ${type}`);
  }
}

/** The problem found deepest in the document (the branch that got furthest), as a validator reports it. */
function deepest(problems: string[]): string {
  const depth = (p: string) => p.slice(0, p.indexOf(':')).length;
  return [...problems].sort((a, b) => depth(b) - depth(a))[0];
}

/** The keywords `checkJsonSchema` checks, and the annotations it may ignore; any other throws. */
const KNOWN_KEYWORDS = new Set([
  '$ref', 'type', 'const', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'items', 'minItems', 'required', 'properties', 'additionalProperties', 'propertyNames', 'minProperties', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then',
  '$schema', '$defs', '$id', 'title', 'description', 'default', 'markdownDescription',
]);

export function checkJsonSchema(root: Json, value: unknown): string | undefined {
  const defs = (root.$defs ?? {}) as Record<string, Json>;
  const check = (schema: Json | boolean, v: unknown, path: string): string | undefined => {
    if (schema === true) return undefined;
    if (schema === false) return `${path}: not allowed`;
    // A keyword this checker skipped would let the schema be stricter than the loader unseen (review 25, M2).
    for (const keyword of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(keyword)) throw new Error(`miniJsonSchema: keyword ${keyword} is not checked (at ${path || 'the root'})`);
    if (typeof schema.$ref === 'string') {
      const problem = check(defs[schema.$ref.replace('#/$defs/', '')], v, path);
      if (problem) return problem;
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type as string[] : [schema.type as string];
      if (!types.some((t) => typeOk(t, v))) return `${path}: expected ${types.join('|')}, found ${JSON.stringify(v)}`;
    }
    if ('const' in schema && schema.const !== v) return `${path}: expected ${JSON.stringify(schema.const)}`;
    if (Array.isArray(schema.enum) && !schema.enum.includes(v)) return `${path}: expected one of ${schema.enum.join(', ')}`;
    if (typeof v === 'string') {
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) return `${path}: ${JSON.stringify(v)} does not match ${schema.pattern}`;
      if (typeof schema.minLength === 'number' && [...v].length < schema.minLength) return `${path}: too short`;
      if (typeof schema.maxLength === 'number' && [...v].length > schema.maxLength) return `${path}: too long`;
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) return `${path}: ${v} < ${schema.minimum}`;
      if (typeof schema.maximum === 'number' && v > schema.maximum) return `${path}: ${v} > ${schema.maximum}`;
      if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) return `${path}: ${v} ≤ ${schema.exclusiveMinimum}`;
      if (typeof schema.exclusiveMaximum === 'number' && v >= schema.exclusiveMaximum) return `${path}: ${v} ≥ ${schema.exclusiveMaximum}`;
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) return `${path}: too few items`;
      if (schema.items !== undefined) {
        for (const [i, item] of v.entries()) {
          const problem = check(schema.items as Json, item, `${path}.${i}`);
          if (problem) return problem;
        }
      }
    }
    if (typeOk('object', v)) {
      const object = v as Json;
      if (typeof schema.minProperties === 'number' && Object.keys(object).length < schema.minProperties) return `${path}: too few keys`;
      for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) return `${path}: ${key} required`;
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      for (const [key, child] of Object.entries(object)) {
        if (schema.propertyNames !== undefined) {
          const problem = check(schema.propertyNames as Json, key, `${path}.${key}(name)`);
          if (problem) return problem;
        }
        const sub = Object.hasOwn(properties, key) ? properties[key] : schema.additionalProperties;
        if (sub === undefined) continue;
        const problem = check(sub as Json | boolean, child, `${path}.${key}`);
        if (problem) return problem;
      }
    }
    for (const sub of (schema.allOf as Json[] | undefined) ?? []) {
      const problem = check(sub, v, path);
      if (problem) return problem;
    }
    if (Array.isArray(schema.anyOf)) {
      const problems = (schema.anyOf as Json[]).map((sub) => check(sub, v, path));
      if (problems.every(Boolean)) return deepest(problems as string[]);
    }
    if (Array.isArray(schema.oneOf)) {
      const problems = (schema.oneOf as Json[]).map((sub) => check(sub, v, path));
      const passing = problems.filter((p) => p === undefined).length;
      if (passing !== 1) return passing === 0 ? deepest(problems as string[]) : `${path}: matches ${passing} of oneOf`;
    }
    if (schema.not !== undefined && check(schema.not as Json, v, path) === undefined) return `${path}: matches a not`;
    if (schema.if !== undefined && check(schema.if as Json, v, path) === undefined && schema.then !== undefined) {
      const problem = check(schema.then as Json, v, path);
      if (problem) return problem;
    }
    return undefined;
  };
  return check(root, value, '');
}
