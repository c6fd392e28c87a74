import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { RegisterCommand } from '../commandContext.ts';

/** `crm-sim list`: the shipped scenarios with their one-line descriptions. */
const register: RegisterCommand = ({ program, root }) => {
  program.command('list').description('list the shipped scenarios').action(() => {
    const dir = join(root, 'scenarios');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      const doc = parseYaml(readFileSync(join(dir, name), 'utf8')) as { description?: string } | null;
      process.stdout.write(`${name.padEnd(36)} ${doc?.description ?? ''}\n`);
    }
  });
};
export default register;
