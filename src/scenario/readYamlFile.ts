import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { TreePath } from './fieldRules.ts';
import { type Loc, type Located, isPlainMap, pathKey } from './locatedTree.ts';
import { describeFound } from './problemSink.ts';
import type { Problem } from './scenarioError.ts';

/** Result of reading one file: its located tree, or the problems that prevent reading it. */
export type ReadResult = { ok: true; located: Located } | { ok: false; problems: Problem[] };

/** Records the positions of every key and value below `node`. */
function recordPositions(node: Node | null, path: TreePath, at: (offset: number) => Loc, out: Located): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const childPath = [...path, String(pair.key.value)];
      const keyLoc = at(pair.key.range?.[0] ?? 0);
      out.keys.set(pathKey(childPath), keyLoc);
      const value = pair.value as Node | null;
      out.values.set(pathKey(childPath), value?.range ? at(value.range[0]) : keyLoc);
      recordPositions(value, childPath, at, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const childPath = [...path, index];
      const itemNode = item as Node | null;
      if (itemNode?.range) out.values.set(pathKey(childPath), at(itemNode.range[0]));
      recordPositions(itemNode, childPath, at, out);
    });
  }
}

/** Reads `text` (named `file` in messages) as a located scenario tree. */
export function parseYamlText(text: string, file: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      file, line: e.linePos?.[0].line ?? 0, column: e.linePos?.[0].col ?? 0, path: '',
      expected: 'valid YAML', found: e.code.toLowerCase().replace(/_/g, ' '),
      message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    }));
    return { ok: false, problems };
  }
  const at = (offset: number): Loc => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const value: unknown = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  if (!isPlainMap(value)) {
    const problem = { file, line: 1, column: 1, path: '', expected: 'a map of scenario keys', found: describeFound(value), message: '' };
    return { ok: false, problems: [problem] };
  }
  const located: Located = { value, values: new Map(), keys: new Map() };
  located.values.set('', { file, line: 1, column: 1 });
  recordPositions(doc.contents as Node | null, [], at, located);
  return { ok: true, located };
}

/** Reads and parses the YAML file at `absolutePath`, naming it `file` in messages. */
export function readYamlFile(absolutePath: string, file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, problems: [{ file, line: 0, column: 0, path: '', expected: 'a readable scenario file', found: reason, message: '' }] };
  }
  return parseYamlText(text, file);
}
