import { MODE_FIELD_ALTERNATIVES, MODE_FIELDS, MODE_SWITCHES } from './checkModeFields.ts';
import { EVENT_DEFAULTS } from './defaults.ts';
import { FIXED_KEYS } from './checkFixedKeys.ts';
import { ruleFor, type FieldRule, type TreePath } from './fieldRules.ts';
import { quantityDefName, quantityJsonSchema } from './quantityJsonSchema.ts';
import { scenarioKeyHover } from './scenarioKeyNotes.ts';

/**
 * Refines the JSON Schema zod emits for the authoring format (scenarioSchema.ts), for editors only:
 * the loader validates with zod, field rules and its checks, and none of this changes it.
 * - every numeric key gets the schema of its own field rule (quantityJsonSchema.ts) instead of the
 *   one generic number | quantity string | distribution of every key;
 * - every key outside events gets hover text (scenarioKeyNotes.ts); event keys keep theirs;
 * - an event whose `mode` (stockpile: `doctrine`) is written refuses the keys that mode does not read
 *   (at their default they pass, as in checkModeFields.ts), and in a complete file requires the keys it needs.
 */

type Json = Record<string, unknown>;

/** A path of the walk: keys, `*` for any id, 0 for any list item. */
type WalkPath = (string | number)[];

const QUANTITY_PATTERN_MARK = String.raw`^\s*[+-]?(\d|\.\d)`;

/** Shares a scenario writes as 1 (`100%`, `1.0`): a mode-only key at this default passes (checkModeFields.ts). */
const ONE_SHARE = String.raw`^\s*\+?(?:0*1(?:\.0*)?|0*100(?:\.0*)?\s*%|(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+\s*%?)\s*$`;
/** Zero in any unit. */
const ZERO_WITH_UNIT = String.raw`^\s*[+-]?(?:0+(?:\.0*)?|\.0+)(?:[eE][+-]?\d+)?\s*[^\s\d.].*$|^\s*[+-]?(?:0+(?:\.0*)?|\.0+)(?:[eE][+-]?\d+)?\s*$`;

class Refiner {
  private readonly defs: Record<string, Json>;
  private readonly generic = new Set<string>();

  constructor(root: Json) {
    this.defs = (root.$defs ?? {}) as Record<string, Json>;
    for (const [name, def] of Object.entries(this.defs)) if (this.isGeneric(def)) this.generic.add(name);
  }

  /** The def a `$ref` names. */
  private target(ref: unknown): Json | undefined {
    return typeof ref === 'string' && ref.startsWith('#/$defs/') ? this.defs[ref.slice(8)] : undefined;
  }

  /** Whether `def` is the kit's generic number (number | quantity string | distribution). */
  private isGeneric(def: Json): boolean {
    const options = def.anyOf as Json[] | undefined;
    if (!Array.isArray(options) || options.length !== 3) return false;
    return options.some((o) => this.target(o.$ref)?.pattern === QUANTITY_PATTERN_MARK);
  }

  /** The def name of `rule`'s schema, made on first use. */
  private ruleRef(rule: FieldRule, fixed: boolean): string {
    const name = quantityDefName(rule, fixed);
    const define = (shared: string, schema: Json): Json => {
      if (!Object.hasOwn(this.defs, shared)) this.defs[shared] = schema;
      return { $ref: `#/$defs/${shared}` };
    };
    if (!Object.hasOwn(this.defs, name)) this.defs[name] = quantityJsonSchema(rule, fixed, define);
    return `#/$defs/${name}`;
  }

  /**
   * `node` with its generic number replaced by `ref`, following `$ref` chains and `anyOf` wrappers
   * (a partial file's `| null`) by copying them; undefined when `node` holds no generic number.
   */
  private replaceNumber(node: Json, ref: string): Json | undefined {
    if (typeof node.$ref === 'string') {
      const name = node.$ref.slice(8);
      if (this.generic.has(name)) return { ...node, $ref: ref };
      const def = this.target(node.$ref);
      if (!def || def.type === 'object' || def.properties) return undefined;
      const inner = this.replaceNumber(def, ref);
      if (!inner) return undefined;
      const { $ref: _drop, ...siblings } = node;
      return { ...inner, ...siblings };
    }
    if (Array.isArray(node.anyOf)) {
      let changed = false;
      const anyOf = (node.anyOf as Json[]).map((option) => {
        const replaced = this.replaceNumber(option, ref);
        if (replaced) changed = true;
        return replaced ?? option;
      });
      return changed ? { ...node, anyOf } : undefined;
    }
    return undefined;
  }

  /** `node` with object defs reached by `$ref` copied in, so that each path gets its own keys' schemas. */
  private inlined(node: Json): Json {
    let current = node;
    for (let depth = 0; depth < 8 && typeof current.$ref === 'string'; depth += 1) {
      const def = this.target(current.$ref);
      if (!def) break;
      const { $ref: _drop, ...siblings } = current;
      current = { ...structuredClone(def), ...siblings };
    }
    return current;
  }

  /**
   * Walks `node` at `path`, refining the keys of every object below it; returns the refined node.
   * `nulls`: in a complete file, as in a partial one, the loader drops every key whose value is null
   * before it validates (stripNulls), so optional keys, map entries and even unknown keys may be null.
   */
  walk(node: Json, path: WalkPath, nulls = false): Json {
    if (typeof node.$ref === 'string' && this.generic.has(node.$ref.slice(8))) return node;
    const current = this.inlined(node);
    if (current.properties && typeof current.properties === 'object') {
      const properties = current.properties as Record<string, Json>;
      const required = new Set((current.required as string[] | undefined) ?? []);
      for (const [key, child] of Object.entries(properties)) {
        const refined = this.property(child, [...path, key], nulls);
        properties[key] = nulls && !required.has(key) ? orNull(refined) : refined;
      }
      if (path.length === 2 && path[0] === 'events') {
        this.addModeRules(current);
        addTimeRules(current);
      }
      if (nulls && current.additionalProperties === false) current.additionalProperties = { type: 'null' };
    }
    if (current.additionalProperties && typeof current.additionalProperties === 'object') {
      const entry = this.entry(current.additionalProperties as Json, [...path, '*'], nulls);
      current.additionalProperties = nulls && current.additionalProperties !== entry && entry.type !== 'null' ? orNull(entry) : entry;
    }
    if (current.items && typeof current.items === 'object') current.items = this.walk(current.items as Json, [...path, 0], nulls);
    for (const union of ['anyOf', 'oneOf', 'allOf'] as const) {
      if (Array.isArray(current[union])) current[union] = (current[union] as Json[]).map((option) => (option.type === 'null' ? option : this.walk(option, path, nulls)));
    }
    return current;
  }

  /** A map entry (capacities by region, events by id): a number of its own rule, or an object to walk. */
  private entry(node: Json, path: WalkPath, nulls: boolean): Json {
    return this.number(node, path) ?? this.walk(node, path, nulls);
  }

  /** `node` refined to its rule's schema if it is a generic number at `path`, else undefined. */
  private number(node: Json, path: WalkPath): Json | undefined {
    let rule = ruleFor(rulePath(path));
    if (!rule) return undefined;
    let fixed = path.length === 1 && FIXED_KEYS.has(String(path[0]));
    // An event's duration is positive and never drawn (convertUnits.ts, resolveDuration).
    if (path[0] === 'events' && path.length === 3 && path[2] === 'duration') [rule, fixed] = [{ ...rule, min: 0, exclusiveMin: true }, true];
    const replaced = this.replaceNumber(node, this.ruleRef(rule, fixed));
    if (!replaced) return undefined;
    return path[0] === 'events' ? replaced : this.describe(replaced, path, true);
  }

  /** One key of an object: refined, and described outside events. */
  private property(node: Json, path: WalkPath, nulls: boolean): Json {
    const refined = this.number(node, path);
    if (refined) return hoistDescription(refined);
    const walked = hoistDescription(this.isLeaf(node) ? node : this.walk(node, path, nulls));
    if (path[0] === 'events' && path.length === 3 && path[2] === 'kind' && walked.description === undefined) {
      return { description: 'What the event is; its keys follow from it (Event reference in scenarios/README.md)', ...walked };
    }
    return path[0] === 'events' && path.length > 1 ? walked : this.describe(walked, path, false);
  }

  /** Whether `node` is no object, list or union of them (a string, enum, flag). */
  private isLeaf(node: Json): boolean {
    const target = typeof node.$ref === 'string' ? this.target(node.$ref) : node;
    if (!target) return true;
    if (target.type === 'object' || target.type === 'array' || target.properties || target.additionalProperties) return false;
    const options = (target.anyOf ?? target.oneOf) as Json[] | undefined;
    return !Array.isArray(options) || options.every((o) => this.isLeaf(o));
  }

  /** `node` with the hover text of the key at `path`, unless it has one. */
  private describe(node: Json, path: WalkPath, numeric: boolean): Json {
    if (typeof node.description === 'string') return node;
    const text = scenarioKeyHover(rulePath(path), numeric);
    return text === undefined ? node : { description: text, ...node };
  }

  /** Adds to one event kind's object the keys its written mode refuses, and (complete files) requires. */
  private addModeRules(event: Json): void {
    const kind = kindOf(event);
    if (kind === undefined || !Object.hasOwn(MODE_SWITCHES, kind)) return;
    const { key: modeKey, modes, onlyIn } = MODE_SWITCHES[kind];
    const partial = isNullable((event.properties as Record<string, Json>)[modeKey]);
    const rules: Json[] = [];
    for (const mode of modes) {
      const refused = Object.entries(onlyIn).filter(([, readBy]) => !readBy.includes(mode)).map(([key]) => key);
      const then: Json = {};
      if (refused.length > 0) then.properties = Object.fromEntries(refused.map((key) => [key, this.atDefault(kind, key)]));
      const needed = !partial && Object.hasOwn(MODE_FIELDS, kind) && Object.hasOwn(MODE_FIELDS[kind], mode) ? MODE_FIELDS[kind][mode] : [];
      const required: Json[] = needed.map((key) => {
        const alternative = MODE_FIELD_ALTERNATIVES[kind]?.[key];
        return alternative === undefined ? { required: [key] } : { anyOf: [{ required: [key] }, { required: [alternative] }] };
      });
      // A quota's share and tonnage: one or the other (a share at its default passes, as a resolved file carries it).
      for (const [key, alternative] of Object.entries(MODE_FIELD_ALTERNATIVES[kind] ?? {})) {
        if (!(MODE_FIELDS[kind]?.[mode] ?? []).includes(key)) continue;
        required.push({ not: { required: [key, alternative], properties: { [key]: { not: { anyOf: this.atDefault(kind, key).anyOf } }, [alternative]: { not: { type: 'null' } } } } });
      }
      if (required.length > 0) then.allOf = required;
      if (Object.keys(then).length === 0) continue;
      rules.push({ if: { properties: { [modeKey]: { const: mode } }, required: [modeKey] }, then });
    }
    if (rules.length > 0) event.allOf = [...((event.allOf as Json[] | undefined) ?? []), ...rules];
  }

  /** What a key its mode does not read may hold: nothing, null, or its default (checkModeFields.ts lets a default pass). */
  private atDefault(kind: string, key: string): Json {
    const defaults = EVENT_DEFAULTS[kind as keyof typeof EVENT_DEFAULTS];
    const value = defaults && Object.hasOwn(defaults, key) ? defaults[key] : undefined;
    const options: Json[] = [{ type: 'null' }];
    if (typeof value === 'number') {
      options.push({ const: value });
      const rule = ruleFor(['events', 'x', key]);
      // A written default in another spelling (100%, 0 years); other values as text are left to the loader.
      if (value === 0) options.push({ type: 'string', pattern: ZERO_WITH_UNIT });
      else if (value === 1 && rule?.dimension === 'share') options.push({ type: 'string', pattern: ONE_SHARE });
      else options.push({ type: 'string' });
    }
    return {
      description: `Not read with this ${MODE_SWITCHES[kind].key}: leave it out (null in a file that extends)${value === undefined ? '' : ' or at its default'}`,
      anyOf: options,
    };
  }
}

/** Not both `end` and `duration`, and no `duration` beside a start drawn from a distribution (convertUnits.ts, resolveDuration). */
function addTimeRules(event: Json): void {
  const properties = event.properties as Record<string, Json> | undefined;
  if (!properties?.duration || !properties.end) return;
  const given = { not: { type: 'null' } };
  const rules = [
    { not: { required: ['end', 'duration'], properties: { end: given, duration: given } } },
    { if: { required: ['start'], properties: { start: { type: 'object' } } }, then: { properties: { duration: { type: 'null' } } } },
  ];
  event.allOf = [...((event.allOf as Json[] | undefined) ?? []), ...rules];
}

/** The event kind an event object's `kind` key names. */
function kindOf(event: Json): string | undefined {
  const kind = (event.properties as Record<string, Json> | undefined)?.kind;
  if (!kind) return undefined;
  if (typeof kind.const === 'string') return kind.const;
  const option = (kind.anyOf as Json[] | undefined)?.find((o) => typeof o.const === 'string');
  return option?.const as string | undefined;
}

/** `node` with the description of a `| null` wrapper's option moved onto the key, where editors show it. */
function hoistDescription(node: Json): Json {
  if (typeof node.description === 'string' || !Array.isArray(node.anyOf)) return node;
  const options = node.anyOf as Json[];
  const described = options.find((o) => typeof o.description === 'string');
  if (!described) return node;
  return { description: described.description, ...node, anyOf: options.map(({ description: _drop, ...rest }) => rest) };
}

/** `node`, or null (its description kept on the key, where editors show it). */
function orNull(node: Json): Json {
  if (isNullable(node)) return node;
  const { description, ...rest } = node;
  return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: 'null' }] };
}

/** Whether a key's schema allows null (a partial file's). */
function isNullable(node: Json | undefined): boolean {
  return Array.isArray(node?.anyOf) && (node.anyOf as Json[]).some((o) => o.type === 'null');
}

/** A walk path as ruleFor reads it (ids as `x`). */
function rulePath(path: WalkPath): TreePath {
  return path.map((p) => (p === '*' ? 'x' : p));
}

/** Removes `$defs` entries nothing refers to any more (their users were copied). */
function pruneDefs(root: Json): void {
  const defs = root.$defs as Record<string, Json>;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
        const name = value.slice(8);
        if (!used.has(name)) {
          used.add(name);
          visit(defs[name]);
        }
      } else if (key !== '$defs') visit(value);
    }
  };
  visit(root);
  root.$defs = Object.fromEntries(Object.entries(defs).filter(([name]) => used.has(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The authoring JSON Schema zod emits, refined for editors (see the file's comment). */
export function refineJsonSchema(schema: Json): Json {
  const root = structuredClone(schema);
  const refiner = new Refiner(root);
  // The first branch is a complete file, the second a partial one (already nullable everywhere).
  root.anyOf = (root.anyOf as Json[]).map((branch, i) => refiner.walk(branch, [], i === 0));
  pruneDefs(root);
  return root;
}
