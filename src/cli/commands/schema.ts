import type { RegisterCommand } from '../commandContext.ts';
import { scenarioJsonSchema } from '../../scenario/scenarioSchema.ts';

/** `crm-sim schema`: the JSON Schema of scenario files, for editors. */
const register: RegisterCommand = ({ program }) => {
  program.command('schema').description('print the JSON Schema of scenario files').action(() => {
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
};
export default register;
