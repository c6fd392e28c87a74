import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { RegisterCommand } from '../commandContext.ts';

/** How to name `file` on this command line: relative to the working directory when below it, else absolute. */
function usablePath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * `crm-sim list`: the shipped scenarios with their titles and one-line descriptions, each named by
 * a path that `crm-sim validate` and `crm-sim run` accept from the working directory. The path
 * column is as wide as the longest path, so the descriptions line up whatever the names.
 */
const register: RegisterCommand = ({ program, root }) => {
  program.command('list').description('list the shipped scenarios (paths usable with run and validate)').action(() => {
    const dir = join(root, 'scenarios');
    const rows = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((name) => {
      const doc = parseYaml(readFileSync(join(dir, name), 'utf8')) as { title?: string; description?: string } | null;
      const title = typeof doc?.title === 'string' && doc.title !== '' ? `${doc.title}. ` : '';
      return { path: usablePath(join(dir, name)), text: `${title}${doc?.description ?? ''}` };
    });
    const width = Math.max(0, ...rows.map((row) => row.path.length));
    for (const row of rows) process.stdout.write(`${row.path.padEnd(width)}  ${row.text}\n`);
  });
};
export default register;
