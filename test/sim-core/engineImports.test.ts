import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/from\s+['"](node:|fs|path|os|worker_threads|child_process|crypto)/, 'a Node API'],
  [/from\s+['"](\.\.\/)+src\//, 'src/'],
  [/Math\.random/, 'Math.random'],
  [/Date\.now|new Date\(|performance\.now/, 'a clock'],
  [/\bconsole\./, 'the console'],
  [/\bprocess\./, 'process'],
];

describe('the engine import rule', () => {
  const files = sourceFiles('sim-core');
  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });
  it.each(files)('%s uses no I/O, Node API, clock, console, Math.random or src/', (file) => {
    const text = readFileSync(file, 'utf8').split('\n').filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*')).join('\n');
    for (const [pattern, what] of FORBIDDEN) expect(pattern.test(text), `${file} uses ${what}`).toBe(false);
  });
});
