import { didYouMean } from './didYouMean.ts';
import { eventShapes } from './eventSchemas.ts';
import { isDist, isPlainMap } from './locatedTree.ts';
import { schemaKit } from './scenarioSchema.ts';
import { quoteText } from './quoteText.ts';
import type { UnmatchedDeletion } from './resolveExtends.ts';
import type { Problem } from './scenarioError.ts';

/** The keys an event of each kind may hold (`kind` aside), from the authoring schema. */
const EVENT_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(eventShapes(schemaKit('authoring'))).map(([kind, shape]) => [kind, new Set([...Object.keys(shape), 'source', 'asOf'])]));

/** Whether `key` is one an event (`events.<id>.<key>`) of its kind may hold. */
function isKnownEventKey(path: ReadonlyArray<string | number>, container: Record<string, unknown>, key: string): boolean {
  return path.length === 3 && path[0] === 'events' && typeof container.kind === 'string' && (EVENT_KEYS.get(container.kind)?.has(key) ?? false);
}

/** Maps keyed by ids, whose entries a child deletes by id. */
const ID_MAPS = new Set(['regions', 'materials', 'events']);

/**
 * Problems for a child's `key: null` that deleted nothing and was meant to (audit 25, H1): a
 * misspelt id in `events`, `materials` or `regions` (`cnQuotaNdprMagnet: null` kept the magnet
 * quota, silently, and the variant ran its parent), or a key close to one its map holds once
 * defaults are applied (`colectionShare: null`). A null for a key that is simply not written, whose
 * default then applies (`announced: null`), deleted nothing and changes nothing: no problem.
 *
 * @param tree - The merged tree with defaults applied.
 * @param deletions - From `resolveExtends`.
 * @returns One problem per deletion that was meant for something else.
 * @example
 * checkUnmatchedDeletions(tree, chain.unmatchedDeletions)[0]?.message; // 'no event "cnQuotaNdprMagnet" in threat-export-quota.yaml to delete; did you mean "cnQuotaNdprMagnets"?'
 */
export function checkUnmatchedDeletions(tree: Record<string, unknown>, deletions: readonly UnmatchedDeletion[]): Problem[] {
  return deletions.flatMap(({ path, loc, parentFile }): Problem[] => {
    let container: unknown = tree;
    for (const segment of path.slice(0, -1)) container = isPlainMap(container) ? container[String(segment)] : undefined;
    if (!isPlainMap(container)) return [];
    const key = String(path[path.length - 1]);
    if (Object.hasOwn(container, key)) return [];
    const idEntry = path.length === 2 && ID_MAPS.has(String(path[0]));
    // A key that may stand there deletes nothing and changes nothing (`exporters: null` on a tariff: all
    // exporters), whatever its neighbours are called; inside a distribution, parameters come and go with its law.
    if (!idEntry && (isDist(container) || isKnownEventKey(path, container, key))) return [];
    const hint = didYouMean(key, Object.keys(container));
    if (!idEntry && hint === undefined) return [];
    const what = idEntry ? `${String(path[0]).replace(/s$/, '')} "${key}"` : `key "${key}"`;
    const parentName = parentFile.split(/[\\/]/).pop() ?? parentFile;
    return [{
      file: loc.file, line: loc.line, column: loc.column, path: path.join('.'),
      expected: 'an inherited key to delete', found: quoteText(key),
      message: `no ${what} in ${parentName}${idEntry ? '' : ' (nor among the defaults)'} to delete${hint ? `; did you mean "${hint}"?` : ''}`,
    }];
  });
}
