import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT_URL } from '../runtime/moduleLocation.ts';
import { Composer, type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, Parser, type YAMLError } from 'yaml';
import { checkYamlNodes } from './checkYamlNodes.ts';
import type { TreePath } from './fieldRules.ts';
import { findDeepNesting } from './findDeepNesting.ts';
import { findInvalidUtf8 } from './findInvalidUtf8.ts';
import { type Loc, type Located, cloneData, isPlainMap, pathKey } from './locatedTree.ts';
import { describeFound } from './problemSink.ts';
import { quoteText, shortenText } from './quoteText.ts';
import type { Problem } from './scenarioError.ts';
import { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH, MAX_SCENARIO_BYTES } from './scenarioLimits.ts';

/** Result of reading one file: its located tree, or the problems that prevent reading it. */
export type ReadResult = { ok: true; located: Located } | { ok: false; problems: Problem[] };

/** A value's position with its source text when it is a scalar (`2025`, `1e400`, `20%` as written). */
function withText(loc: Loc, node: Node): Loc {
  return isScalar(node) && typeof node.source === 'string' ? { ...loc, text: node.source } : loc;
}

/** Records the positions of every key and value below `node`. */
function recordPositions(node: Node | null, path: TreePath, at: (offset: number) => Loc, out: Located): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const childPath = [...path, String(pair.key.value)];
      const keyLoc = at(pair.key.range?.[0] ?? 0);
      out.keys.set(pathKey(childPath), keyLoc);
      const value = pair.value as Node | null;
      out.values.set(pathKey(childPath), value?.range ? withText(at(value.range[0]), value) : keyLoc);
      recordPositions(value, childPath, at, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const childPath = [...path, index];
      const itemNode = item as Node | null;
      if (itemNode?.range) out.values.set(pathKey(childPath), withText(at(itemNode.range[0]), itemNode));
      recordPositions(itemNode, childPath, at, out);
    });
  }
}

/** A whole-file problem about its YAML at `loc`. */
function yamlProblem(loc: Loc, found: string, message = '', expected = 'valid YAML'): Problem {
  return { ...loc, path: '', expected, found, message };
}

/** A YAML error or warning as a problem (warnings count: unknown tags and directives are refused). */
function fromYamlError(e: YAMLError, at: (offset: number) => Loc): Problem {
  const tag = /^Unresolved tag: (.*?)(?: at line|$)/m.exec(e.message)?.[1];
  if (e.code === 'TAG_RESOLVE_FAILED' && tag !== undefined) {
    const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
    return yamlProblem(at(e.pos[0]), `the tag ${quoteText(shown)}`, 'scenario files are data: nothing in them is ever run', 'plain YAML data without custom tags');
  }
  const message = shortenText(e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
  return yamlProblem(at(e.pos[0]), e.code.toLowerCase().replace(/_/g, ' '), message);
}

/**
 * Composes the first YAML document of `text` with the core schema (whatever its `%YAML`
 * directive: no 1.1 merge keys, timestamps or binary), refusing nesting deeper than
 * {@link MAX_NESTING_DEPTH} from the token stream before composing (composition recurses).
 */
function composeDocument(text: string, lineCounter: LineCounter, at: (offset: number) => Loc): Document.Parsed | Problem[] {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = findDeepNesting(tokens, MAX_NESTING_DEPTH);
  if (deep !== undefined) return [yamlProblem(at(deep), 'deeper nesting', `maps and lists may nest at most ${MAX_NESTING_DEPTH} deep`, `maps and lists nested at most ${MAX_NESTING_DEPTH} deep`)];
  // keepSourceTokens: checkYamlNodes tells `{ ? key }` (an explicit key, null on purpose) from `{ key }` (a value cut at a comma).
  const composer = new Composer({ schema: 'core', uniqueKeys: true, customTags: [], keepSourceTokens: true });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0];
  // A duplicate key is reported by checkYamlNodes with its path and the first key's line, not as the parser's "(root)" error;
  // not in a document the parser could not read (its recovered keys, often empty, would repeat).
  const broken = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  const nodeProblems = checkYamlNodes(doc.contents).filter((p) => !(broken && p.firstOffset !== undefined));
  const duplicates = new Set(nodeProblems.filter((p) => p.firstOffset !== undefined).map((p) => p.offset));
  const problems = [...doc.errors, ...doc.warnings].filter((e) => !(e.code === 'DUPLICATE_KEY' && duplicates.has(e.pos[0]))).map((e) => fromYamlError(e, at));
  if (docs.length > 1) problems.push(yamlProblem(at(docs[1].range[0]), 'a second document', '', 'one YAML document'));
  for (const p of nodeProblems) {
    const message = p.firstOffset !== undefined ? `first at line ${at(p.firstOffset).line}` : p.message ?? '';
    problems.push({ ...at(p.offset), path: p.path === undefined ? '' : pathKey(p.path), expected: p.expected, found: p.found, message });
  }
  return problems.length > 0 ? problems : doc;
}

/** The document as plain data (aliases copied, so that no two paths share an object), or a problem. */
function toPlainData(doc: Document.Parsed, at: (offset: number) => Loc): { value: unknown } | Problem {
  try {
    return { value: cloneData(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const expected = 'aliases that expand a bounded number of times';
    return yamlProblem(at(findFirstAlias(doc)), `more than ${MAX_ALIAS_COUNT} alias expansions`, 'an alias bomb?', expected);
  }
}

/** Offset of the first alias node of the document, or 0. */
function findFirstAlias(doc: Document.Parsed): number {
  let first = Infinity;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) stack.push(node.key, node.value);
    else if (isMap(node) || isSeq(node)) stack.push(...node.items);
    else if (isAlias(node)) first = Math.min(first, node.range?.[0] ?? Infinity);
  }
  return Number.isFinite(first) ? first : 0;
}

/** Parsed YAML as plain data with its document and offset locator, or the problems found. */
export type YamlData =
  | { ok: true; value: unknown; doc: Document.Parsed; at: (offset: number) => Loc }
  | { ok: false; problems: Problem[] };

/**
 * Parses one YAML document (named `file` in messages) into plain data under the loader's limits:
 * core schema only, no tags beyond it, no unknown directives, nesting at most
 * {@link MAX_NESTING_DEPTH}, bounded alias expansion, no cyclic or dangling aliases, plain keys.
 */
export function parseYamlData(text: string, file: string): YamlData {
  const lineCounter = new LineCounter();
  const at = (offset: number): Loc => {
    const pos = lineCounter.linePos(offset);
    return { file, line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
  };
  const doc = composeDocument(text, lineCounter, at);
  if (Array.isArray(doc)) return { ok: false, problems: doc };
  const data = toPlainData(doc, at);
  return 'value' in data ? { ok: true, value: data.value, doc, at } : { ok: false, problems: [data] };
}

/** Reads `text` (named `file` in messages) as a located scenario tree. */
export function parseYamlText(text: string, file: string): ReadResult {
  // Binary data (an executable, an image): one line saying so, not hundreds of escaped bytes as "found".
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return { ok: false, problems: [yamlProblem({ file, line, column: 1 }, 'binary data (a NUL byte)', '', 'a YAML text file')] };
  }
  const data = parseYamlData(text, file);
  if (!data.ok) return data;
  const { doc, at } = data;
  // An empty file (or comments only): one problem, not a "required key" for every top-level key.
  if (data.value === null || data.value === undefined) {
    return { ok: false, problems: [yamlProblem({ file, line: 1, column: 1 }, 'an empty file', '', 'a map of scenario keys')] };
  }
  const value = data.value;
  if (!isPlainMap(value)) {
    return { ok: false, problems: [yamlProblem(at(0), describeFound(value), '', 'a map of scenario keys')] };
  }
  const located: Located = { value, values: new Map(), keys: new Map() };
  located.values.set('', { file, line: 1, column: 1 });
  recordPositions(doc.contents as Node | null, [], at, located);
  return { ok: true, located };
}

/** A size in bytes with thousands separators, e.g. `1,048,577 bytes`. */
function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** Plain words for the errors of opening a file. */
const OPEN_ERRORS: Record<string, string> = {
  ENOENT: 'no such file', ENOTDIR: 'no such file (a part of the path is not a folder)', EACCES: 'a file you may not read',
  EPERM: 'a file you may not read', ELOOP: 'a loop of symbolic links', ENAMETOOLONG: 'a name too long for the file system',
};

/** The folder of the shipped scenarios (`crm-sim list`), whichever folder crm-sim runs in. */
const SHIPPED_SCENARIOS = join(fileURLToPath(PACKAGE_ROOT_URL), 'scenarios');

/**
 * The shipped scenario a relative path that does not exist probably meant, as a path usable from the
 * working directory, or undefined: one named without its folder from the project's root (as
 * scenarios/README's own examples once did), or by its bare name (`baseline`), and the same from any
 * other folder, where `scenarios/baseline.yaml` too names the project's file (crm-sim installed as a
 * dependency, or run through a path to bin/).
 */
function findShippedScenario(file: string): string | undefined {
  const names = [file, `${file}.yaml`];
  const inProject = names.map((name) => join(SHIPPED_SCENARIOS, name.replace(/^scenarios[\\/]/, '')));
  const found = [...names.map((name) => join('scenarios', name)), ...inProject].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (found === undefined) return undefined;
  if (!isAbsolute(found)) return found;
  // As `crm-sim list` names it: relative when below the working directory, else absolute.
  const fromHere = relative(process.cwd(), found);
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? found : fromHere;
}

/** A problem for a file that cannot be opened (a usage mistake when it is the file named on the command line). */
function unreadable(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = Object.hasOwn(OPEN_ERRORS, code) ? OPEN_ERRORS[code] : 'a file that cannot be read';
  const shipped = code === 'ENOENT' && !isAbsolute(file) ? findShippedScenario(file) : undefined;
  const hint = shipped !== undefined ? `did you mean "${shipped}"?` : '';
  return { file, line: 0, column: 0, path: '', expected: 'a readable scenario file', found: reason, message: hint, usage: true };
}

/** A problem located at the first byte that is not UTF-8 (`offset`), with its value and the likely cause. */
function notUtf8(bytes: Buffer, offset: number, file: string): Problem {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
  const column = bytes.toString('utf8', lineStart, offset).length + 1;
  const hex = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
  return yamlProblem({ file, line, column }, `the byte 0x${hex}, which is not UTF-8`, 'saved as Latin-1 or Windows-1252? save the file as UTF-8', 'UTF-8 text');
}

/**
 * Reads at most {@link MAX_SCENARIO_BYTES} of a regular file as UTF-8; refuses anything else
 * (folders, devices such as /dev/zero, pipes, larger files) without reading it whole.
 */
function readBoundedText(absolutePath: string, file: string): { text: string } | Problem {
  const at: Loc = { file, line: 1, column: 1 };
  let size: number;
  try {
    const info = statSync(absolutePath);
    // A folder here is the one named on the command line (resolveExtends locates a folder named by `extends:`
    // at that line first): a usage mistake, exit 2 as for a missing file, not 3 as for an invalid scenario.
    if (info.isDirectory()) return { ...yamlProblem(at, 'a folder', '', 'a regular scenario file'), usage: true };
    if (!info.isFile()) return yamlProblem(at, 'a device, pipe or socket', '', 'a regular scenario file');
    size = info.size;
  } catch (error) {
    return unreadable(file, error);
  }
  const tooBig = (found: string) => yamlProblem(at, found, '', `a scenario file of at most ${formatBytes(MAX_SCENARIO_BYTES)} (${MAX_SCENARIO_BYTES / 2 ** 20} MiB)`);
  if (size > MAX_SCENARIO_BYTES) return tooBig(`a file of ${formatBytes(size)}`);
  let fd: number;
  try {
    fd = openSync(absolutePath, 'r');
  } catch (error) {
    return unreadable(file, error);
  }
  try {
    // Sized from stat, grown to the limit if the file turns out longer (it grew, or /proc-like sizes).
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length <= MAX_SCENARIO_BYTES; length += n) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(MAX_SCENARIO_BYTES + 1 - length)]);
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > MAX_SCENARIO_BYTES) return tooBig(`a file larger than ${formatBytes(MAX_SCENARIO_BYTES)}`);
    const bytes = buffer.subarray(0, length);
    // Binary data (a NUL byte) is said as such by parseYamlText; other bytes that are not UTF-8 would be replaced by
    // U+FFFD silently, and a title or name saved as Latin-1 reach every report mangled.
    const invalid = bytes.includes(0) ? -1 : findInvalidUtf8(bytes);
    if (invalid >= 0) return notUtf8(bytes, invalid, file);
    return { text: bytes.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/** Reads and parses the YAML file at `absolutePath`, naming it `file` in messages. */
export function readYamlFile(absolutePath: string, file: string): ReadResult {
  const read = readBoundedText(absolutePath, file);
  if (!('text' in read)) return { ok: false, problems: [read] };
  return parseYamlText(read.text, file);
}
