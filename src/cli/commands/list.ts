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
 * a path that `crm-sim validate` and `crm-sim run` accept from the working directory.
 */
const register: RegisterCommand = ({ program, root }) => {
  program.command('list').description('list the shipped scenarios (paths usable with run and validate)').action(() => {
    const dir = join(root, 'scenarios');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      const doc = parseYaml(readFileSync(join(dir, name), 'utf8')) as { title?: string; description?: string } | null;
      const title = typeof doc?.title === 'string' && doc.title !== '' ? `${doc.title}. ` : '';
      process.stdout.write(`${usablePath(join(dir, name)).padEnd(44)} ${title}${doc?.description ?? ''}\n`);
    }
  });
};
export default register;
